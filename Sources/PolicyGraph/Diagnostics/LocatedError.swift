/// A problem at a place in an input, rendered the compiler's way: `file:line:col: error: message`.
///
/// Every stage's error (``LoadError``, ``ValidationIssue``, ``EditError``, `ImportError`,
/// ``QueryError``, a view list's error) is data: a location, a reason and the message rendered
/// from the reason. They share this protocol so that one rendering serves them all.
public protocol LocatedError: Error, CustomStringConvertible {
    /// Where the problem is (`file:line:col`, `query:1:5`); `nil` when it concerns no place.
    var locationDescription: String? { get }
    /// What is wrong and what would fix it, without the location.
    var message: String { get }
    /// `error`, or `warning` for a finding that does not stop the work.
    var severityLabel: String { get }
}

extension LocatedError {
    public var severityLabel: String { "error" }

    public var description: String {
        (locationDescription.map { "\($0): " } ?? "") + "\(severityLabel): \(message)"
    }
}
