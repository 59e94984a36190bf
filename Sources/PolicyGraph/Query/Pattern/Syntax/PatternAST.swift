/// The syntax tree of a pattern query, as written: names are not yet checked against the graph.

/// `MATCH ... [WHERE ...]` clauses followed by `RETURN ...`.
struct PatternQuery: Sendable {
    var matches: [MatchClause]
    /// `nil` only when the text has no RETURN (allowed for ``Graph/patternSubgraph(_:)``).
    var returnClause: ReturnClause?
    /// Where the text ends (for "expected RETURN").
    var end: QueryLocation
}

/// A name as written, with where it is (for errors).
struct PatternName: Sendable, Equatable {
    let text: String
    let location: QueryLocation
}

/// One `MATCH` clause: its comma-separated paths and its `WHERE`.
struct MatchClause: Sendable {
    var paths: [PathPattern]
    var predicate: PatternExpression?
    let location: QueryLocation
}

/// `(a)-[r]->(b)<-[s]-(c)`: `nodes.count == relationships.count + 1`.
struct PathPattern: Sendable {
    /// `p = (a)-->(b)`: the name the whole path is bound to.
    var variable: PatternName? = nil
    var nodes: [NodePattern]
    var relationships: [RelationshipPattern]
}

/// `(a:country|official {id: 'us'})`.
struct NodePattern: Sendable {
    var variable: PatternName?
    /// Label groups: every group must hold (`:a:b`), any name of a group may (`:a|b`).
    var kinds: [[PatternName]]
    var properties: [PropertyEntry]
    let location: QueryLocation
}

/// Which way a relationship pattern points, as written left to right.
enum PatternDirection: Sendable, Equatable {
    /// `-[]->`
    case right
    /// `<-[]-`
    case left
    /// `-[]-`
    case either
}

/// `-[r:supports|opposes*1..3 {date: '2024'}]->`.
struct RelationshipPattern: Sendable {
    var variable: PatternName?
    var relations: [PatternName]
    var direction: PatternDirection
    /// `nil` for a single edge; `*` forms give a range (`max == nil` for no upper bound).
    var length: LengthRange?
    var properties: [PropertyEntry]
    let location: QueryLocation
}

/// The hop counts a variable-length relationship may take.
struct LengthRange: Sendable, Equatable {
    var min: Int
    var max: Int?
}

/// `key: value` in a node or relationship pattern.
struct PropertyEntry: Sendable {
    let key: PatternName
    let value: PatternExpression
}

/// An expression with where it starts and the text it was written as (a column's name).
struct PatternExpression: Sendable {
    indirect enum Form: Sendable {
        case null
        case bool(Bool)
        case integer(Int)
        case float(Double)
        case string(String)
        case list([PatternExpression])
        case variable(String)
        case property(PatternExpression, PatternName)
        case index(PatternExpression, PatternExpression)
        case not(PatternExpression)
        case negate(PatternExpression)
        case binary(BinaryOperator, PatternExpression, PatternExpression)
        case isNull(PatternExpression, negated: Bool)
        /// `n:country|official`: whether a node has one of the kinds of every group.
        case hasKinds(PatternExpression, [[PatternName]])
        case call(PatternName, distinct: Bool, arguments: [PatternExpression])
        case countStar
        /// `{name: 'x', n: 1}`, keys in the order written.
        case map([PropertyEntry])
        /// `list[from..to]`, either bound optional.
        case slice(PatternExpression, PatternExpression?, PatternExpression?)
        /// `$name`.
        case parameter(String)
        /// `CASE [subject] WHEN a THEN b ... [ELSE c] END`.
        case caseWhen(subject: PatternExpression?, branches: [CaseBranch], otherwise: PatternExpression?)
        /// `[x IN list WHERE cond | value]`.
        case comprehension(variable: PatternName, list: PatternExpression, predicate: PatternExpression?, value: PatternExpression?)
        /// `any(x IN list WHERE cond)` and its siblings.
        case quantifier(Quantifier, variable: PatternName, list: PatternExpression, predicate: PatternExpression)
        /// `(a)-[:r]->(:b)` in an expression: whether the pattern has a match.
        case pattern(PathPattern)
        /// `EXISTS { [MATCH] pattern [WHERE cond] }`.
        case exists(MatchClause)
        /// `[p = (a)-->(b) WHERE cond | value]`.
        case patternComprehension(PathPattern, predicate: PatternExpression?, value: PatternExpression)
        /// `n {.label, .*, x: 1, other}`.
        case mapProjection(PatternExpression, [MapProjectionItem])
    }

    var form: Form
    let location: QueryLocation
    /// The expression's text as written (used as its column name).
    let text: String
    /// How many expressions deep the tree goes (a literal is 1). Binding, compiling and
    /// evaluating recurse once per level, so the parser caps it rather than overflow the stack.
    let height: Int

    init(form: Form, location: QueryLocation, text: String) {
        self.form = form
        self.location = location
        self.text = text
        var height = 1
        for child in form.children { height = max(height, 1 + child.height) }
        self.height = height
    }
}

extension PatternExpression.Form {
    /// The expressions directly inside this one.
    var children: [PatternExpression] {
        switch self {
        case .null, .bool, .integer, .float, .string, .variable, .countStar: []
        case .list(let items): items
        case .property(let e, _), .not(let e), .negate(let e), .isNull(let e, _), .hasKinds(let e, _): [e]
        case .index(let a, let b), .binary(_, let a, let b): [a, b]
        case .call(_, _, let arguments): arguments
        case .map(let entries): entries.map(\.value)
        case .slice(let e, let a, let b): [e] + [a, b].compactMap { $0 }
        case .parameter: []
        case .caseWhen(let subject, let branches, let otherwise):
            [subject].compactMap { $0 } + branches.flatMap { [$0.condition, $0.value] } + [otherwise].compactMap { $0 }
        case .comprehension(_, let list, let predicate, let value): [list] + [predicate, value].compactMap { $0 }
        case .quantifier(_, _, let list, let predicate): [list, predicate]
        case .pattern, .exists: []
        case .patternComprehension(_, let predicate, let value): [predicate].compactMap { $0 } + [value]
        case .mapProjection(let e, let items): [e] + items.compactMap(\.value)
        }
    }
}

/// `WHEN condition THEN value` of a CASE expression.
struct CaseBranch: Sendable {
    let condition: PatternExpression
    let value: PatternExpression
}

/// The list predicates `any`, `all`, `none` and `single`.
enum Quantifier: String, Sendable {
    case any, all, none, single
}

/// One item of a map projection: `.key`, `.*`, `key: value` or `variable`.
struct MapProjectionItem: Sendable {
    enum Form: Sendable {
        case property, allProperties, literal, variable
    }
    let form: Form
    let key: PatternName
    let value: PatternExpression?
}

/// Infix operators, loosest first in the grammar.
enum BinaryOperator: String, Sendable {
    case or = "OR", xor = "XOR", and = "AND"
    case equal = "=", notEqual = "<>", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case add = "+", subtract = "-", multiply = "*", divide = "/", modulo = "%", power = "^"
    case `in` = "IN", startsWith = "STARTS WITH", endsWith = "ENDS WITH", contains = "CONTAINS"
}

/// `RETURN [DISTINCT] items [ORDER BY ...] [SKIP n] [LIMIT n]`.
struct ReturnClause: Sendable {
    var distinct: Bool
    /// `RETURN *`: every named variable, by name.
    var star: Bool
    var items: [ReturnItem]
    var order: [SortItem]
    var skip: Int?
    var limit: Int?
    let location: QueryLocation
}

/// `expression [AS alias]`.
struct ReturnItem: Sendable {
    let expression: PatternExpression
    let alias: PatternName?
    /// The column's name: the alias, or the expression as written.
    var column: String { alias?.text ?? expression.text }
}

/// `expression [ASC|DESC]`.
struct SortItem: Sendable {
    let expression: PatternExpression
    let descending: Bool
}

extension PatternExpression {
    /// The expression with spacing and case of keywords normalised: two expressions that mean the
    /// same column (`count(*)` and `COUNT( * )`) have the same canonical text.
    var canonical: String {
        switch form {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .integer(let n): return String(n)
        case .float(let d): return String(d)
        case .string(let s): return "'" + s.replacingAll("'", with: "\\'") + "'"
        case .list(let items): return "[" + items.map(\.canonical).joined(separator: ",") + "]"
        case .variable(let v): return "`" + v + "`"
        case .property(let e, let name): return e.canonical + ".`" + name.text + "`"
        case .index(let e, let i): return e.canonical + "[" + i.canonical + "]"
        case .not(let e): return "NOT(" + e.canonical + ")"
        case .negate(let e): return "-(" + e.canonical + ")"
        case .binary(let op, let l, let r): return "(" + l.canonical + " " + op.rawValue + " " + r.canonical + ")"
        case .isNull(let e, let negated): return "(" + e.canonical + (negated ? " IS NOT NULL)" : " IS NULL)")
        case .hasKinds(let e, let groups): return e.canonical + groups.map { ":" + $0.map(\.text).joined(separator: "|") }.joined()
        case .call(let name, let distinct, let arguments):
            return name.text.lowercased() + "(" + (distinct ? "DISTINCT " : "") + arguments.map(\.canonical).joined(separator: ",") + ")"
        case .countStar: return "count(*)"
        default: return "{" + text + "}"
        }
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
