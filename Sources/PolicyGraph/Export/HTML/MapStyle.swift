/// The map page's style sheet, written for this page (no framework). The page's CSP names its
/// SHA-256, so any change here changes the hash with it.
enum MapStyle {
    static let text = #"""

:root { --fg: #212121; --muted: #616161; --line: #e0e0e0; --accent: #d62728; --match: #ff9800; --panel: #fafafa;
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", sans-serif; color: var(--fg); }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html, body { margin: 0; height: 100%; }
body { display: grid; grid-template-rows: auto minmax(0, 1fr); background: #fff; }
button { font: inherit; border: 1px solid #bdbdbd; background: #fff; border-radius: 4px; padding: 2px 8px; cursor: pointer; }
button:hover { background: #f5f5f5; }
button[aria-pressed="true"], button[aria-selected="true"] { background: #37474f; color: #fff; border-color: #37474f; }
#pg-header { display: flex; flex-wrap: wrap; gap: 6px 12px; align-items: center; padding: 6px 10px; border-bottom: 1px solid var(--line); }
#pg-title { flex: 1 1 18em; margin: 0; font-size: 15px; font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
#pg-tabs, #pg-lang, #pg-zoom { display: flex; gap: 2px; }
#pg-search-box { position: relative; }
#pg-search { width: 18em; padding: 3px 6px; font: inherit; border: 1px solid #bdbdbd; border-radius: 4px; }
#pg-results { position: absolute; z-index: 20; top: 100%; left: 0; width: 26em; max-height: 60vh; overflow: auto; margin: 2px 0 0; padding: 2px;
  list-style: none; background: #fff; border: 1px solid #bdbdbd; border-radius: 4px; box-shadow: 0 2px 8px rgba(0,0,0,.15); }
#pg-results button { display: block; width: 100%; text-align: left; border: 0; border-radius: 2px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
#pg-results li.pg-active button { background: #fff3e0; }
#pg-results .pg-note { color: var(--muted); padding: 2px 8px; }
#pg-main { display: grid; grid-template-columns: auto minmax(0, 1fr) auto; min-height: 0; position: relative; }
#pg-side { width: 15.5em; overflow: auto; border-right: 1px solid var(--line); padding: 6px 8px; background: var(--panel); }
#pg-side:not([open]) { width: auto; }
#pg-side summary { font-weight: 600; cursor: pointer; white-space: nowrap; }
#pg-filters fieldset { border: 0; margin: 6px 0 0; padding: 0; }
#pg-filters legend { font-weight: 600; color: var(--muted); padding: 0; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
#pg-filters label { display: flex; align-items: center; gap: 5px; padding: 1px 0; cursor: pointer; }
#pg-filters .pg-count { margin-left: auto; color: var(--muted); font-variant-numeric: tabular-nums; }
.pg-swatch { flex: none; width: 14px; height: 10px; border: 1px solid #757575; border-radius: 2px; }
.pg-stroke { flex: none; width: 22px; height: 0; border-top: 2px solid; }
.pg-stroke.pg-dashed { border-top-style: dashed; }
.pg-stroke.pg-dotted { border-top-style: dotted; }
.pg-stroke.pg-bold { border-top-width: 3px; }
#pg-status { color: var(--muted); font-size: 12px; margin: 8px 0 0; }
#pg-viewport { position: relative; overflow: hidden; cursor: grab; touch-action: none; user-select: none; outline: none; background: #fff; }
#pg-viewport:focus-visible { box-shadow: inset 0 0 0 2px #90caf9; }
#pg-viewport.pg-dragging::after { content: ""; position: absolute; inset: 0; cursor: grabbing; }
#pg-canvas { position: absolute; left: 0; top: 0; transform-origin: 0 0; will-change: transform; }
#pg-svg { display: block; pointer-events: none; transform-origin: 0 0; }
#pg-svg g.node { pointer-events: auto; cursor: pointer; }
#pg-svg g.node text { pointer-events: none; }
#pg-svg.pg-no-edge-labels g.edge text, #pg-svg.pg-no-node-labels g.node text { display: none; }
#pg-svg .pg-faded { opacity: .07; pointer-events: none; }
#pg-svg g.node.pg-match polygon, #pg-svg g.node.pg-match ellipse, #pg-svg g.node.pg-match path { stroke: var(--match); stroke-width: 5px; }
#pg-svg g.node.pg-selected polygon, #pg-svg g.node.pg-selected ellipse, #pg-svg g.node.pg-selected path { stroke: var(--accent); stroke-width: 6px; }
#pg-svg g.edge.pg-near path { stroke-width: 3px; }
#pg-svg g.edge.pg-picked path { stroke: var(--accent); stroke-width: 3px; }
#pg-panel { width: 24em; overflow: auto; border-left: 1px solid var(--line); padding: 8px 12px; background: var(--panel); }
#pg-panel h2 { font-size: 16px; margin: 0 0 4px; }
#pg-panel h3 { font-size: 12px; margin: 12px 0 4px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
#pg-panel dl { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 2px 8px; margin: 0; }
#pg-panel dt { color: var(--muted); }
#pg-panel dd { margin: 0; }
#pg-panel ul { list-style: none; margin: 0; padding: 0; }
#pg-panel li { padding: 4px 0; border-top: 1px solid var(--line); }
#pg-panel .pg-close { float: right; }
.pg-text { white-space: pre-wrap; overflow-wrap: anywhere; unicode-bidi: plaintext; }
.pg-relation { font-weight: 600; }
.pg-meta { color: var(--muted); font-size: 12px; }
.pg-link { border: 0; padding: 0; background: none; color: #1565c0; text-decoration: underline; text-align: left; }
.pg-link:hover { background: none; color: #0d47a1; }
#pg-tip { position: fixed; z-index: 30; max-width: 30em; max-height: 40vh; overflow: hidden; padding: 5px 8px; background: #fffde7;
  border: 1px solid #bdbdbd; border-radius: 4px; box-shadow: 0 2px 8px rgba(0,0,0,.2); pointer-events: none; }
#pg-tip.pg-pinned { pointer-events: auto; overflow: auto; }
#pg-agreement { grid-column: 1 / -1; overflow: auto; padding: 10px 14px; }
#pg-agreement p { margin: 0 0 8px; color: var(--muted); }
#pg-agreement text { font-size: 11px; }
#pg-agreement rect.pg-cell:hover { stroke: #212121; stroke-width: 2px; }
#pg-agreement .pg-key { display: flex; align-items: center; gap: 6px; margin: 0 0 6px; font-size: 12px; color: var(--muted); }
#pg-agreement .pg-key span.pg-ramp { display: inline-block; width: 140px; height: 10px; border: 1px solid #bdbdbd; }
#pg-agreement .pg-key span.pg-none { display: inline-block; width: 14px; height: 10px; border: 1px solid #bdbdbd; background: #fff; }
#pg-agreement ul.pg-measures { margin: 0 0 8px; padding-left: 1.2em; font-size: 12px; color: var(--muted); }
#pg-agreement ul.pg-measures li.pg-chosen { color: var(--fg); font-weight: 600; }
#pg-lines { margin: 8px 0 0; }
#pg-lines p { margin: 2px 0; display: flex; align-items: center; gap: 5px; }
#pg-lines .pg-stroke.pg-pale { opacity: .5; }
#pg-notice { margin: 0 0 8px; padding: 6px 8px; background: #fff3e0; border: 1px solid #ffcc80; border-radius: 4px; }
/* Narrow screens (phones): the header wraps, the map comes first at most of the screen's
   height, and the legend and the node panel follow below it at full width; nothing is wider
   than the screen. */
@media (max-width: 720px) {
  html, body { height: auto; }
  body { display: block; }
  #pg-header { padding: 4px 6px; }
  #pg-title { flex: 1 1 100%; }
  #pg-search-box { flex: 1 1 10em; min-width: 0; }
  #pg-search { width: 100%; }
  #pg-results { width: min(26em, calc(100vw - 12px)); }
  #pg-main { display: flex; flex-direction: column; }
  #pg-viewport { order: 0; flex: none; height: 62vh; min-height: 260px; border-bottom: 1px solid var(--line); }
  #pg-panel { order: 1; width: auto; border-left: 0; }
  #pg-side { order: 2; width: auto; border-right: 0; }
  #pg-side:not([open]) { width: auto; }
  #pg-agreement { order: 3; }
  #pg-tip { max-width: calc(100vw - 8px); }
}

"""#
}
