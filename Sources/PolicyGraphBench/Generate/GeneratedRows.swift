import PolicyGraph

/// The text of generated rows: ids, labels (English and Chinese, some needing CSV quotes) and
/// the optional `weight`, `date` and `cite` cells, written straight into the file buffer.
struct NodeNames {
    let population: Population
    /// Citations drawn from a fixed pool, as real data cites a few hundred documents over and over.
    private let cites: [String]
    private static let weights: [StaticString] = ["0.5", "0.8", "1", "1.5", "2"]

    init(population: Population) {
        self.population = population
        cites = (0..<400).map { k in
            switch k % 3 {
            case 0: return "§\(k % 40 + 1) ¶\(k % 13 + 1): 中美人工智能对话 \(k)"
            case 1: return "§\(k % 40 + 1) ¶\(k % 13 + 1): 双方同意, \"AI\" 安全 (doc \(k))"
            default: return "Joint statement \(k), section \(k % 9 + 1)"
            }
        }
    }

    private enum Group: Int {
        case country, agency, official, organization, framework, risk
    }

    private func group(of logical: Int) -> (Group, Int) {
        let p = population
        if logical < p.agencyStart { return (.country, logical) }
        if logical < p.officialStart { return (.agency, logical - p.agencyStart) }
        if logical < p.organizationStart { return (.official, logical - p.officialStart) }
        if logical < p.frameworkStart { return (.organization, logical - p.organizationStart) }
        if logical < p.riskStart { return (.framework, logical - p.frameworkStart) }
        return (.risk, logical - p.riskStart)
    }

    func writeID(_ logical: Int, to file: inout StreamingFile) {
        let (group, k) = group(of: logical)
        switch group {
        case .country: file.append("country-")
        case .agency: file.append("agency-")
        case .official: file.append("official-")
        case .organization: file.append("org-")
        case .framework: file.append("framework-")
        case .risk: file.append("risk-")
        }
        file.append(k + 1)
    }

    mutating func writeNodeRow(_ logical: Int, to file: inout StreamingFile, rng: inout SplitMix64) {
        let (group, k) = group(of: logical)
        let n = k + 1
        writeID(logical, to: &file)
        switch group {
        case .country:
            file.append(",country,Country ")
            file.append(n)
            file.append(",国家")
        case .agency:
            // "Agency 12, Country 3": a comma, so the field is quoted.
            file.append(",agency,\"Agency ")
            file.append(n)
            file.append(", Country ")
            file.append(k % population.countries + 1)
            file.append("\",机构")
        case .official:
            file.append(",official,Official ")
            file.append(n)
            file.append(",官员")
        case .organization:
            // Org 12 "Institute": doubled quotes inside a quoted field.
            file.append(",organization,\"Org ")
            file.append(n)
            file.append(" \"\"Institute\"\"\",组织")
        case .framework:
            file.append(",framework,\"Framework ")
            file.append(n)
            file.append(": \"\"Draft, v2\"\"\",框架")
        case .risk:
            file.append(",risk,Risk ")
            file.append(n)
            file.append(",风险")
        }
        file.append(n)
        file.append(",")
        if rng.next(below: 20) == 0 { file.appendField(cites[rng.next(below: cites.count)]) }
        file.endRecord()
    }

    mutating func writeEdgeRow(_ edge: PlannedEdge, to file: inout StreamingFile, rng: inout SplitMix64) {
        writeID(edge.from, to: &file)
        switch edge.relation {
        case .memberOf: file.append(",memberOf,")
        case .leads: file.append(",leads,")
        case .references: file.append(",references,")
        case .supports: file.append(",supports,")
        case .opposes: file.append(",opposes,")
        }
        writeID(edge.to, to: &file)
        file.append(",")
        let draw = rng.next()
        // Independent cells from one draw: weight on 1 in 4 rows, a date on 85 %, a cite on 1 in 10.
        if draw % 4 == 0 { file.append(Self.weights[Int((draw >> 8) % 5)]) }
        file.append(",")
        if (draw >> 16) % 100 < 85 {
            file.append(2015 + Int((draw >> 24) % 10))
            file.append("-")
            file.append(1 + Int((draw >> 32) % 12), width: 2)
            file.append("-")
            file.append(1 + Int((draw >> 40) % 28), width: 2)
        }
        file.append(",")
        if (draw >> 48) % 10 == 0 { file.appendField(cites[Int((draw >> 52) % UInt64(cites.count))]) }
        file.endRecord()
    }
}
