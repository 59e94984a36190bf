import Foundation
import Testing
@testable import PolicyGraph

/// Trip-ups of a new user's sheet, each reported at its cell with what would fix it, or read
/// as meant: a kind that contradicts the node a name matched, endpoints the schema does not
/// allow, a repeated row, `;`- and tab-separated sheets, kind and relation names in another
/// case, day/month dates.
@Suite struct StanceSheetCellTests {
    static let nodes = "id,kind,label,label_zh\nchina,country,China,中国\nloc,risk,Loss of Control,\nct,topic,Compute Thresholds,\n"
    static let edges = "from,relation,to,weight,date,cite\n"

    func folder(_ scratch: borrowing ScratchFolder) throws -> String {
        try FileManager.default.createDirectory(atPath: scratch.path, withIntermediateDirectories: true)
        try Self.nodes.write(toFile: scratch.path + "/nodes.csv", atomically: true, encoding: .utf8)
        try Self.edges.write(toFile: scratch.path + "/edges.csv", atomically: true, encoding: .utf8)
        return scratch.path
    }

    func messages(_ sheet: String, into folder: String) -> [String] {
        do {
            _ = try StanceSheet.importSheet(Array(sheet.utf8), file: "sheet.csv", into: .merge(folder), dryRun: true)
            return []
        } catch let failure as SheetImportFailure {
            return failure.issues.map(\.description)
        } catch {
            return ["unexpected \(error)"]
        }
    }

    @Test func aKindContradictingTheMatchedNodeIsAnErrorAtTheCell() throws {
        let scratch = ScratchFolder()
        let sheet = "actor,relation,target,date,cite,actor_kind,target_kind\n中国,supports,Compute Thresholds,2023,c,,\nChina,supports,Loss of Control,2023,c,organization,technology\nchina,supports,loc,2024,c,Country,risk\n"
        #expect(messages(sheet, into: try folder(scratch)) == [
            "sheet.csv:3:39: error: 'China' is node 'china', a country, not an organization; if the row means another node, give its id; else fix or clear the kind",
            "sheet.csv:3:52: error: 'Loss of Control' is node 'loc', a risk, not a technology; if the row means another node, give its id; else fix or clear the kind",
        ])
    }

    @Test func forbiddenEndpointsSayWhatTheSchemaAllows() throws {
        let scratch = ScratchFolder()
        let found = messages("actor,relation,target,date,cite\nChina,memberOf,Compute Thresholds,2023,c\n", into: try folder(scratch))
        let rule = try #require(Schema.builtIn.rule(for: .memberOf))
        let allowed = rule.endpoints.map { "\($0.from.map(\.rawValue).joined(separator: "|")) -> \($0.to.map(\.rawValue).joined(separator: "|"))" }
        #expect(!allowed.isEmpty)
        #expect(found == ["sheet.csv:2:7: error: 'memberOf' cannot join a country to a topic; the schema allows \(allowed.joined(separator: "; "))"])
    }

    @Test func aRepeatedRowSaysHowToFixIt() throws {
        let scratch = ScratchFolder()
        let found = messages("actor,relation,target,date,cite\nChina,supports,loc,2023,c\nChina,supports,loc,2023,c\n", into: try folder(scratch))
        #expect(found == ["sheet.csv:3:1: error: the same row as line 2; delete one of the two rows (a row the graph already has is skipped, but a row repeated within one sheet is an error)"])
    }

    @Test(arguments: [";", "\t"])
    func aSheetSeparatedBySemicolonsOrTabsIsRead(_ d: String) throws {
        let scratch = ScratchFolder()
        let folder = try folder(scratch)
        // A cell holding a comma (and, quoted, the delimiter itself) keeps it.
        let rows = [["\u{FEFF}actor", "relation", "target", "date", "cite"], ["China", "supports", "Loss of Control", "2023", "Chair, ¶1"],
                    ["China", "opposes", "Compute Thresholds", "2023", "\"a\(d)b\""]]
        let sheet = rows.map { $0.joined(separator: d) }.joined(separator: "\n") + "\n"
        #expect(StanceSheet.recognizes(Array(sheet.utf8)))
        _ = try StanceSheet.importSheet(Array(sheet.utf8), file: "sheet.csv", into: .merge(folder))
        #expect(try String(contentsOfFile: folder + "/edges.csv", encoding: .utf8)
            == Self.edges + "china,supports,loc,,2023,\"Chair, ¶1\"\nchina,opposes,ct,,2023,a\(d)b\n")
        // Errors point at the cell as written: 'Nowhere' starts at column 15 of line 2.
        let bad = ["actor", "relation", "target", "date", "cite"].joined(separator: d) + "\n" + ["China", "opposes", "Nowhere", "2023", "c"].joined(separator: d) + "\n"
        #expect(messages(bad, into: folder) == ["sheet.csv:2:15: error: 'Nowhere' is no node of the graph; give its kind in column 'target_kind' to create it"])
    }

    @Test func kindAndRelationNamesMatchInAnyCase() throws {
        let scratch = ScratchFolder()
        let folder = try folder(scratch)
        let sheet = "actor,relation,target,date,cite,actor_kind,target_kind\nMexico,Supports,Compute Thresholds,2023,c,Country,\n"
        let plan = try StanceSheet.importSheet(Array(sheet.utf8), file: "sheet.csv", into: .merge(folder))
        #expect(plan.nodes.map(\.kind) == [.country])
        #expect(try String(contentsOfFile: folder + "/nodes.csv", encoding: .utf8).hasSuffix("mexico,country,Mexico,\n"))
        #expect(try String(contentsOfFile: folder + "/edges.csv", encoding: .utf8) == Self.edges + "mexico,supports,ct,,2023,c\n")
    }

    @Test(arguments: [
        ("2/11/2023", " (ambiguous: 2023-11-02 (day/month/year) or 2023-02-11 (month/day/year))"),
        ("13/11/2023", " (did you mean 2023-11-13?)"),
        ("11/13/2023", " (did you mean 2023-11-13?)"),
        ("2023/11/02", " (did you mean 2023-11-02?)"),
        ("2023-11-31", ""),
        ("soon", ""),
    ])
    func aSpreadsheetDateGetsItsReadings(_ date: String, _ hint: String) throws {
        let scratch = ScratchFolder()
        let found = messages("actor,relation,target,date,cite\nChina,supports,loc,\(date),c\n", into: try folder(scratch))
        #expect(found == ["sheet.csv:2:20: error: '\(date)' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD\(hint)"])
    }

    @Test func aDecimalCommaInASemicolonSheetGetsAHint() throws {
        let scratch = ScratchFolder()
        let found = messages("actor;relation;target;date;cite;weight\nChina;supports;loc;2023;c;0,5\n", into: try folder(scratch))
        #expect(found == ["sheet.csv:2:27: error: weight '0,5' is not a number; write 0.5 (a decimal point)"])
    }
}
