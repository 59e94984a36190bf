/// The map page's script, written for this page (no library): pan and zoom, search, filters,
/// the node panel, edge citations, the language switch, `#node=` links and the agreement tab.
///
/// Written to stay smooth at a few thousand nodes: indexes are built once; pan and zoom move one
/// compositor layer, written at most once a frame, with no layout read; the browser hit-tests
/// only node shapes (an edge is found through an index of its lines); a large map draws no
/// label too small to read; what waits for a first use (the search index, the labels' places,
/// the edges' lines, the heatmap) is built then.
///
/// Every string from the graph goes into the page through `textContent` or `setAttribute`,
/// never as markup (the page's Trusted Types policy makes `innerHTML = string` throw). The
/// page's CSP names this text's SHA-256, so it runs with no `'unsafe-inline'`.
enum MapScript {
    /// The whole script: its parts (one file each) in order, one line apart.
    static let text = [core, panAndZoom, edges, panelAndSearch, filtersAndLanguage, legendAndWords, location, agreementAndStart].joined(separator: "\n")

    /// The start: the page's data and elements, the indexes built once, and small helpers.
    static let core = #"""

(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('pg-data').textContent);
  var nodes = data.nodes, edges = data.edges, kinds = data.kinds, relations = data.relations;
  var viewport = document.getElementById('pg-viewport');
  var canvas = document.getElementById('pg-canvas');
  var svg = document.getElementById('pg-svg');
  var panel = document.getElementById('pg-panel');
  var tip = document.getElementById('pg-tip');
  var search = document.getElementById('pg-search');
  var results = document.getElementById('pg-results');
  var SVGNS = 'http://www.w3.org/2000/svg';

  // ---- Indexes, built once: the drawn group of each node and edge, ids, edges in and out.
  // One pass over the drawing; nothing below looks an element up again.
  var nodeEls = new Array(nodes.length), edgeEls = new Array(edges.length), clusterEls = [];
  svg.querySelectorAll('g[data-n], g[data-e], g[data-c]').forEach(function (g) {
    var n = g.getAttribute('data-n'), e = g.getAttribute('data-e');
    if (n !== null) nodeEls[+n] = g;
    else if (e !== null) edgeEls[+e] = g;
    else clusterEls[+g.getAttribute('data-c')] = g;
  });
  var byId = new Map();
  var outgoing = nodes.map(function () { return []; }), incoming = nodes.map(function () { return []; });
  nodes.forEach(function (n, i) { byId.set(n.id, i); });
  edges.forEach(function (e, i) { outgoing[e.f].push(i); incoming[e.t].push(i); });
  // A large map drops what cannot be read at its scale (see `detail` below).
  var large = svg.classList.contains('pg-large');

  var state = { lang: data.lang, selected: -1, picked: -1, hiddenKinds: new Set(), hiddenRelations: new Set(), hiddenPolarities: new Set() };
  var nodeShown = nodes.map(function () { return true; }), edgeShown = edges.map(function () { return true; });

  // ---- Small helpers: elements with text, never markup.
  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function attribute(list, name) {
    for (var i = 0; i < list.length; i++) if (list[i][0] === name) return list[i][1];
    return '';
  }
  function labelOf(n, lang) {
    var en = n.l, zh = n.z, text;
    if (lang === 'zh') text = zh || en;
    else if (lang === 'both') text = !zh || zh === en ? en : (!en ? zh : en + '\n' + zh);
    else text = en;
    return text || n.id;
  }
  function wrap(text, width) {
    if (!width) return text.split('\n');
    var lines = [];
    text.split('\n').forEach(function (paragraph) {
      var line = '';
      paragraph.split(' ').forEach(function (word) {
        if (line && (line + ' ' + word).length > width) { lines.push(line); line = word; }
        else line = line ? line + ' ' + word : word;
      });
      lines.push(line);
    });
    return lines;
  }
  // A relation's filter group: '1', '-1' or '0' for a supporting, opposing or neutral stance
  // (a neutral stance is a position, distinct from saying nothing), 'none' for no stance.
  function polarityKey(r) { return r.stance ? String(Math.sign(r.polarity)) : 'none'; }
  function polarityName(key) { return { '1': 'supporting', '-1': 'opposing', '0': 'neutral', none: 'no stance' }[key]; }

"""#
}
