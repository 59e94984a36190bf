import PolicyGraph

/// The size of a generated benchmark graph and the seed it is drawn from.
///
/// The three named sizes are the benchmark's: S for tests and smoke runs, M and L for the
/// scaling table (a policy database of two hundred countries is about L).
package struct GraphShape: Sendable, Equatable {
    /// The number of nodes (at least 50).
    package let nodes: Int
    /// The number of edges asked for; raised to the structural minimum (every agency in a
    /// country, every official in an agency, a leader per agency, two references per framework).
    package let edges: Int
    package let seed: UInt64

    package init(nodes: Int, edges: Int, seed: UInt64 = 20_240_601) {
        self.nodes = max(50, nodes)
        self.edges = max(0, edges)
        self.seed = seed
    }

    /// 1k nodes, 5k edges.
    package static let small = GraphShape(nodes: 1_000, edges: 5_000)
    /// 100k nodes, 1M edges.
    package static let medium = GraphShape(nodes: 100_000, edges: 1_000_000)
    /// 1M nodes, 10M edges.
    package static let large = GraphShape(nodes: 1_000_000, edges: 10_000_000)

    /// The named size `S`, `M` or `L` (case-insensitive), `nil` for any other text.
    package static func named(_ name: String) -> GraphShape? {
        switch name.uppercased() {
        case "S": return .small
        case "M": return .medium
        case "L": return .large
        default: return nil
        }
    }
}

/// What a generator run wrote: the counts of each kind and of the edges.
package struct GeneratedGraph: Sendable, Equatable {
    package let folder: String
    package let nodes: Int
    package let edges: Int
    package let countries: Int
    package let agencies: Int
    package let officials: Int
    package let organizations: Int
    package let frameworks: Int
    package let risks: Int
    /// Stance edges (`supports` or `opposes`), those of countries included.
    package let stances: Int
    /// Stance edges from countries: each country takes at most one stance per target.
    package let countryStances: Int
}

/// How many nodes of each kind a shape gets, and where each kind sits in the generator's
/// logical numbering (countries first, then agencies, officials, organizations, frameworks,
/// risks). File order is a shuffle of this numbering.
struct Population {
    let countries: Int
    let agencies: Int
    let officials: Int
    let organizations: Int
    let frameworks: Int
    let risks: Int

    init(nodes n: Int) {
        countries = min(200, max(1, n / 5))
        agencies = max(1, n / 20)
        frameworks = max(2, n / 50)
        risks = max(1, n / 50)
        organizations = max(1, n / 100)
        officials = n - countries - agencies - frameworks - risks - organizations
    }

    var total: Int { countries + agencies + officials + organizations + frameworks + risks }
    var agencyStart: Int { countries }
    var officialStart: Int { agencyStart + agencies }
    var organizationStart: Int { officialStart + officials }
    var frameworkStart: Int { organizationStart + organizations }
    var riskStart: Int { frameworkStart + frameworks }
    /// Agencies, officials and organizations are contiguous: the actors of random stances.
    var otherActors: Range<Int> { agencyStart..<frameworkStart }
    var targets: Int { frameworks + risks }

    /// References between frameworks: two each when there are three or more.
    var referencesPerFramework: Int { frameworks >= 3 ? 2 : (frameworks == 2 ? 1 : 0) }

    /// Edges every generated graph has regardless of size.
    var structuralEdges: Int { agencies + officials + agencies + frameworks * referencesPerFramework }
}
