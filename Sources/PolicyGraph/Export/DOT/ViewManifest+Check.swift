import Foundation

extension ViewManifest {
    /// Whether a view's committed files are what the graph draws now.
    public enum Freshness: Sendable, Equatable {
        /// The committed DOT is what the graph draws, and the SVG (when checked) was drawn from it.
        case upToDate
        /// The committed DOT is missing or differs from what the graph draws now.
        case staleDOT
        /// The DOT is current but the SVG is missing or was not drawn from it.
        case staleSVG
    }
}

/// The name ``ViewManifest/Freshness`` had before it was nested.
package typealias ViewFreshness = ViewManifest.Freshness

extension ViewManifest {
    /// The freshness of one view: `dot` is what the graph draws now; `committedDOT` and
    /// `committedSVG` are the files beside the list (`nil` when missing). The SVG is judged by
    /// the fingerprint of its DOT, not its bytes, which differ between Graphviz versions;
    /// `checkingSVG: false` leaves it out (a folder kept without pictures).
    public static func freshness(ofDOT dot: String, committedDOT: String?, committedSVG: String?, checkingSVG: Bool = true) -> ViewManifest.Freshness {
        guard committedDOT == dot else { return .staleDOT }
        guard checkingSVG else { return .upToDate }
        guard let committedSVG, svg(committedSVG, isDrawnFrom: dot) else { return .staleSVG }
        return .upToDate
    }

    /// The list as text, one `name: arguments` line a view, arguments quoted where a shell would
    /// need it: ``parse(_:file:)`` reads it back to the same views (comments are not kept).
    public var text: String {
        views.map { view in
            "\(view.name): " + view.arguments.map(Self.quoted).joined(separator: " ") + "\n"
        }.joined()
    }

    /// `word`, in single quotes when it holds a blank, a quote, a backslash or nothing at all.
    static func quoted(_ word: String) -> String {
        let plain = !word.isEmpty && !word.contains { $0 == " " || $0 == "\t" || $0 == "'" || $0 == "\"" || $0 == "\\" || $0 == "#" }
        if plain { return word }
        if !word.contains("'") { return "'" + word + "'" }
        return "\"" + word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
