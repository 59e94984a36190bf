/// The page's HTML around the drawing and the data: a fixed skeleton (the script fills in
/// lists, panel and tab), with the Content-Security-Policy first in `<head>`.
struct MapPage {
    let title: String?
    let svg: String
    let data: String

    /// The policy: nothing may be fetched (`default-src 'none'`, images only from `data:`), only
    /// the page's own script and style run (by their SHA-256), no `<base>`, no form goes out,
    /// and string-to-markup sinks such as `innerHTML` throw (Trusted Types with no policy).
    static var contentSecurityPolicy: String {
        [
            "default-src 'none'",
            "script-src 'sha256-\(SHA256.base64Digest(of: MapScript.text))'",
            "style-src 'sha256-\(SHA256.base64Digest(of: MapStyle.text))'",
            "img-src data:",
            "base-uri 'none'",
            "form-action 'none'",
            "require-trusted-types-for 'script'",
            "trusted-types 'none'",
        ].joined(separator: "; ")
    }

    var html: String {
        let heading = XMLText.text(title ?? "PolicyGraph map")
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="\(XMLText.text(Self.contentSecurityPolicy))">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="policygraph html">
            <title>\(heading)</title>
            <style>\(MapStyle.text)</style>
            </head>
            <body>
            <header id="pg-header">
            <h1 id="pg-title" dir="auto">\(heading)</h1>
            <div id="pg-tabs" role="tablist"><button type="button" id="pg-tab-map" role="tab" aria-selected="true">Map</button><button type="button" id="pg-tab-agreement" role="tab" aria-selected="false" hidden>Agreement</button></div>
            <div id="pg-search-box"><input id="pg-search" type="search" placeholder="Search ids and labels (en, 中文)" autocomplete="off" spellcheck="false" aria-label="Search nodes"><ul id="pg-results" hidden></ul></div>
            <div id="pg-lang" role="group" aria-label="Label language"><button type="button" data-lang="en">en</button><button type="button" data-lang="zh">中文</button><button type="button" data-lang="both">both</button></div>
            <div id="pg-zoom" role="group" aria-label="Zoom"><button type="button" id="pg-zoom-in" title="Zoom in (+)">+</button><button type="button" id="pg-zoom-out" title="Zoom out (−)">−</button><button type="button" id="pg-fit" title="Fit to screen (0)">Fit</button></div>
            </header>
            <main id="pg-main">
            <details id="pg-side" open><summary>Legend and filters</summary><div id="pg-filters"></div><p id="pg-status"></p></details>
            <div id="pg-viewport" tabindex="0" aria-label="Map: drag to pan, wheel or + and − to zoom, arrows to move, 0 to fit"><div id="pg-canvas">
            """
        out += "\n" + svg
        out += """
            </div></div>
            <aside id="pg-panel" hidden></aside>
            <section id="pg-agreement" hidden></section>
            </main>
            <div id="pg-tip" role="tooltip" hidden></div>
            <script type="application/json" id="pg-data">
            """
        out += data
        out += "</script>\n<script>" + MapScript.text + "</script>\n</body>\n</html>\n"
        return out
    }
}
