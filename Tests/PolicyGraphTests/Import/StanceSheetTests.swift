import Foundation
import Testing
@testable import PolicyGraph

/// Importing a flat stance sheet: every error at the sheet's file:line:column, all at once;
/// nothing written on error; importing twice changes nothing.
@Suite struct StanceSheetTests {
    static let nodes = "id,kind,label,label_zh\nindia,country,India,印度\nai-act,framework,AI Act,\nbeijing-a,place,Beijing,\nbeijing-b,place,Beijing,\n"
    static let edges = "from,relation,to,weight,date,cite\n"

    /// A graph folder holding `nodes` and `edges`; returns its path.
    func folder(_ scratch: borrowing ScratchFolder) throws -> String {
        try FileManager.default.createDirectory(atPath: scratch.path, withIntermediateDirectories: true)
        try Self.nodes.write(toFile: scratch.path + "/nodes.csv", atomically: true, encoding: .utf8)
        try Self.edges.write(toFile: scratch.path + "/edges.csv", atomically: true, encoding: .utf8)
        return scratch.path
    }

    func issues(_ sheet: String, into folder: String) -> [ImportIssue] {
        do {
            _ = try StanceSheet.importSheet(Array(sheet.utf8), file: "sheet.csv", into: .merge(folder))
            return []
        } catch let failure as SheetImportFailure {
            return failure.issues
        } catch {
            Issue.record("unexpected \(error)")
            return []
        }
    }

    static let header = "actor,relation,target,date,cite,actor_kind,target_kind\n"

    /// One bad row each: the issue's reason and its location on line 2 of the sheet.
    @Test(arguments: [
        ("Kenya,supports,AI Act,2025-01-01,c1,nation,\n", ImportIssue.Reason.unknownKind("nation", suggestions: []), 37),
        ("India,suports,AI Act,2025-01-01,c1,,\n", .unknownRelation("suports", suggestions: ["supports"]), 7),
        ("India,heldIn,Beijing,2025-01-01,c1,,\n", .ambiguousName("Beijing", candidates: ["beijing-a", "beijing-b"]), 14),
        ("India,supports,AI Act,2025-02-30,c1,,\n", .invalidDate("2025-02-30"), 23),
        ("India,supports,AI Act,2025-01-01,c1,,,extra\n", .fieldCount(expected: 7, found: 8, header: ["actor", "relation", "target", "date", "cite", "actor_kind", "target_kind"]), 1),
        ("Kenya,supports,AI Act,2025-01-01,c1,,\n", .kindNeeded("Kenya", column: "actor_kind"), 37),
        ("India,supports,India,2025-01-01,c1,,\n", .forbiddenEndpoints(relation: "supports", from: "country", to: "country",
                                                                      allowed: ["country|official|agency|organization|person|delegation -> framework|risk|topic|technology"]), 7),
    ] as [(String, ImportIssue.Reason, Int)])
    func badRowIsReportedAtItsCell(row: String, reason: ImportIssue.Reason, column: Int) throws {
        let scratch = ScratchFolder()
        let folder = try folder(scratch)
        let found = issues(Self.header + row, into: folder)
        #expect(found.map(\.reason) == [reason])
        #expect(found.first?.location == SourceLocation(file: "sheet.csv", line: 2, column: column))
        // Nothing was written.
        #expect(try String(contentsOfFile: folder + "/edges.csv", encoding: .utf8) == Self.edges)
    }

    @Test func duplicateRowNamesTheFirst() throws {
        let scratch = ScratchFolder()
        let found = issues(Self.header + "India,supports,AI Act,2025,c1,,\nindia,supports,ai act,2025,c1,,\n", into: try folder(scratch))
        #expect(found.map(\.description) == ["sheet.csv:3:1: error: the same row as line 2; delete one of the two rows "
            + "(a row the graph already has is skipped, but a row repeated within one sheet is an error)"])
    }

    /// The exact text of each kind of issue, once.
    @Test func everyIssueOfTheSheetIsReportedAtOnceInOrder() throws {
        let scratch = ScratchFolder()
        let sheet = Self.header + """
            Kenya,supports,AI Act,2025-01-01,c1,nation,
            India,suports,AI Act,2025-01-01,c1,,
            India,heldIn,Beijing,2025-01-01,c1,,
            India,supports,AI Act,2025-02-30,c1,,
            India,supports,AI Act,2025-01-01,c1,,,extra
            Ghana,supports,AI Act,2025-01-01,c1,,
            India,supports,AI Act,2025-01-01,c1,,
            India,supports,AI Act,2025-01-01,c1,,

            """
        #expect(issues(sheet, into: try folder(scratch)).map(\.description) == [
            "sheet.csv:2:37: error: unknown kind 'nation'",
            "sheet.csv:3:7: error: unknown relation 'suports'; did you mean 'supports'?",
            "sheet.csv:4:14: error: 'Beijing' is the label of 2 nodes ('beijing-a', 'beijing-b'); use an id",
            "sheet.csv:5:23: error: '2025-02-30' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD",
            "sheet.csv:6:1: error: expected 7 fields as in the header (actor,relation,target,date,cite,actor_kind,target_kind), found 8; quote fields that contain commas",
            "sheet.csv:7:37: error: 'Ghana' is no node of the graph; give its kind in column 'actor_kind' to create it",
            "sheet.csv:9:1: error: the same row as line 8; delete one of the two rows (a row the graph already has is skipped, but a row repeated within one sheet is an error)",
        ])
    }

    @Test func namesAreFoundByIdOrLabelInEitherLanguageAndNewOnesCreated() throws {
        let scratch = ScratchFolder()
        let folder = try folder(scratch)
        let sheet = Self.header + "印度,supports,ai act,2025,c1,,\nEuropean Union (EU),supports,AI Act,2025,c2,organization,\neuropean union (eu),opposes,Open Models,2025,c3,,framework\n"
        let plan = try StanceSheet.importSheet(Array(sheet.utf8), file: "sheet.csv", into: .merge(folder))
        #expect(plan.nodes.map(\.id) == ["european-union-eu", "open-models"])
        #expect(plan.edges.count == 3 && plan.alreadyPresent == 0)
        let graph = try GraphLoader.load(folder: folder).graph
        #expect(graph.edges.map { "\($0.from) \($0.relation) \($0.to)" } == [
            "india supports ai-act", "european-union-eu supports ai-act", "european-union-eu opposes open-models",
        ])
        #expect(graph.node("european-union-eu")?.label == "European Union (EU)")
    }

    @Test func importingTheSameSheetTwiceChangesNothing() throws {
        let scratch = ScratchFolder()
        let folder = try folder(scratch)
        let sheet = Array((Self.header + "Kenya,supports,AI Act,2025,c1,country,\nKenya,opposes,Open Models,2025,c2,,framework\n").utf8)
        let first = try StanceSheet.importSheet(sheet, file: "sheet.csv", into: .merge(folder))
        #expect(first.nodes.count == 2 && first.edges.count == 2)
        let nodesBefore = try Data(contentsOf: URL(fileURLWithPath: folder + "/nodes.csv"))
        let edgesBefore = try Data(contentsOf: URL(fileURLWithPath: folder + "/edges.csv"))
        let second = try StanceSheet.importSheet(sheet, file: "sheet.csv", into: .merge(folder))
        #expect(second.isEmpty && second.alreadyPresent == 2)
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/nodes.csv")) == nodesBefore)
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/edges.csv")) == edgesBefore)
    }

    @Test func dryRunPlansAndWritesNothing() throws {
        let scratch = ScratchFolder()
        let folder = try folder(scratch)
        let plan = try StanceSheet.importSheet(Array((Self.header + "Kenya,supports,AI Act,2025,c1,country,\n").utf8),
                                               file: "sheet.csv", into: .merge(folder), dryRun: true)
        #expect(plan.nodes.map(\.id) == ["kenya"] && plan.edges.count == 1)
        #expect(try String(contentsOfFile: folder + "/nodes.csv", encoding: .utf8) == Self.nodes)
    }

    @Test(arguments: [
        ("European Union", "european-union"), ("Türkiye", "turkiye"), ("  U.S. (2024)  ", "u-s-2024"),
        ("欧盟", "欧盟"), ("中国 China", "中国-china"), ("—", "node"), ("ＡＩ Act", "ai-act"),
    ])
    func idsAreMadeFromNames(name: String, id: String) {
        #expect(NodeIDRule.id(for: name) == id)
    }

    @Test func takenIdsGetANumber() {
        let taken: Set<String> = ["china", "china-2"]
        #expect(NodeIDRule.id(for: "China", avoiding: taken.contains) == "china-3")
    }

    @Test func sheetWithoutTheRequiredColumnsIsNotAStanceSheet() {
        #expect(!StanceSheet.recognizes(Array("from,relation,to\n".utf8)))
        #expect(StanceSheet.recognizes(Array("Actor,Relation,Target,Date,Cite,source\n".utf8)))
    }
}
