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
    static let text = #"""

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
  function polarityName(p) { return p > 0 ? 'supporting' : p < 0 ? 'opposing' : 'no stance'; }

  // ---- Pan and zoom: one CSS transform on the canvas, a compositor layer of its own, written
  // at most once a frame. Moving or scaling it repaints nothing; when a zoom has settled, the
  // layer is drawn again at the new scale (sharp), and a large map shows or drops its labels.
  var size = { w: +svg.getAttribute('width'), h: +svg.getAttribute('height') };
  var view = { x: 0, y: 0, s: 1 };
  var MIN = 0.02, MAX = 8;
  // The drawing area's place and size, read when it changes (not on every event).
  var box = { left: 0, top: 0, w: 0, h: 0 };
  function measure() {
    var r = viewport.getBoundingClientRect();
    box.left = r.left; box.top = r.top; box.w = viewport.clientWidth; box.h = viewport.clientHeight;
  }
  var frame = 0, settle = 0, drawnScale = 0;
  // Wheel and drag ask for a frame; a key, a button or a selection moves the view at once.
  function schedule() { if (!frame) frame = requestAnimationFrame(draw); }
  function apply() { if (frame) cancelAnimationFrame(frame); draw(); }
  function draw() {
    frame = 0;
    canvas.style.transform = 'translate(' + view.x + 'px,' + view.y + 'px) scale(' + view.s + ')';
    if (view.s !== drawnScale) { clearTimeout(settle); settle = setTimeout(settled, 200); }
  }
  function settled() {
    if (drag) { settle = setTimeout(settled, 200); return; }
    detail();
    if (view.s === drawnScale) return;
    drawnScale = view.s;
    // The layer keeps the scale it was first drawn at; dropping it for a frame redraws it sharp.
    canvas.classList.add('pg-redraw');
    requestAnimationFrame(function () { requestAnimationFrame(function () { canvas.classList.remove('pg-redraw'); }); });
  }
  // Level of detail: on a large map, edge labels below 5 px and node labels below 5 px on
  // screen are not drawn (they cannot be read, and thousands of them slow every frame).
  var detailed = { edges: !svg.classList.contains('pg-no-edge-labels'), nodes: !svg.classList.contains('pg-no-node-labels') };
  function detail() {
    var edgesReadable = !large || view.s * 9 >= 5, nodesReadable = !large || view.s * 11 >= 5;
    if (edgesReadable !== detailed.edges) { svg.classList.toggle('pg-no-edge-labels', !edgesReadable); detailed.edges = edgesReadable; }
    if (nodesReadable !== detailed.nodes) {
      svg.classList.toggle('pg-no-node-labels', !nodesReadable);
      detailed.nodes = nodesReadable;
      if (nodesReadable && unfitted.length) fitLabels();
    }
  }
  function fit() {
    measure();
    view.s = Math.max(MIN, Math.min(2, Math.min(box.w / size.w, box.h / size.h) * 0.96));
    view.x = (box.w - size.w * view.s) / 2;
    view.y = (box.h - size.h * view.s) / 2;
    apply();
  }
  function zoomAt(factor, cx, cy) {
    var s = Math.max(MIN, Math.min(MAX, view.s * factor));
    view.x = cx - (cx - view.x) * s / view.s;
    view.y = cy - (cy - view.y) * s / view.s;
    view.s = s;
  }
  function zoomCenter(factor) { zoomAt(factor, box.w / 2, box.h / 2); apply(); }
  function panBy(dx, dy) { view.x += dx; view.y += dy; apply(); }
  function centerOn(i) {
    var g = nodeEls[i];
    if (!g) return;
    measure();
    var shape = g.querySelector('polygon, ellipse, path') || g, r = shape.getBBox(), m = graphMatrix;
    var cx = m.a * (r.x + r.width / 2) + m.c * (r.y + r.height / 2) + m.e - viewBox.x;
    var cy = m.b * (r.x + r.width / 2) + m.d * (r.y + r.height / 2) + m.f - viewBox.y;
    view.s = Math.max(view.s, Math.min(1.2, MAX));
    view.x = box.w / 2 - cx * view.s;
    view.y = box.h / 2 - cy * view.s;
    apply();
  }
  viewport.addEventListener('wheel', function (event) {
    event.preventDefault();
    zoomAt(Math.exp(-event.deltaY * 0.0015), event.clientX - box.left, event.clientY - box.top);
    schedule();
  }, { passive: false });
  var drag = null, dragged = false;
  viewport.addEventListener('pointerdown', function (event) {
    if (event.button !== 0) return;
    drag = { x: event.clientX, y: event.clientY, vx: view.x, vy: view.y, id: event.pointerId };
    dragged = false;
  });
  viewport.addEventListener('pointermove', function (event) {
    if (!drag || event.pointerId !== drag.id) return;
    var dx = event.clientX - drag.x, dy = event.clientY - drag.y;
    if (!dragged && Math.abs(dx) + Math.abs(dy) < 4) return;
    // While dragging, a cover over the drawing takes the pointer: no hit test of the drawing's
    // thousands of elements on each move.
    if (!dragged) { dragged = true; viewport.classList.add('pg-dragging'); viewport.setPointerCapture(drag.id); hideTip(); }
    view.x = drag.vx + dx; view.y = drag.vy + dy;
    schedule();
  });
  function endDrag() {
    if (frame) apply();
    drag = null;
    viewport.classList.remove('pg-dragging');
  }
  viewport.addEventListener('pointerup', endDrag);
  viewport.addEventListener('pointercancel', endDrag);
  document.getElementById('pg-zoom-in').addEventListener('click', function () { zoomCenter(1.25); });
  document.getElementById('pg-zoom-out').addEventListener('click', function () { zoomCenter(0.8); });
  document.getElementById('pg-fit').addEventListener('click', fit);
  document.addEventListener('keydown', function (event) {
    var t = event.target;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA') || event.ctrlKey || event.metaKey || event.altKey) return;
    var step = 60, handled = true;
    switch (event.key) {
      case '+': case '=': zoomCenter(1.25); break;
      case '-': case '_': zoomCenter(0.8); break;
      case '0': fit(); break;
      case 'ArrowLeft': panBy(step, 0); break;
      case 'ArrowRight': panBy(-step, 0); break;
      case 'ArrowUp': panBy(0, step); break;
      case 'ArrowDown': panBy(0, -step); break;
      case 'Escape': select(-1); unpick(); break;
      default: handled = false;
    }
    if (handled) event.preventDefault();
  });
  window.addEventListener('resize', function () { if (state.selected < 0) fit(); });
  // The panel opening or the legend folding moves and resizes the drawing area.
  new ResizeObserver(measure).observe(viewport);

  // ---- Edges are pointed at through an index of their lines, not by the browser's hit test
  // (which would visit each of the drawing's elements on every move, and miss a thin line): the
  // nearest drawn edge within 5 pixels of the pointer. Built on the first move over the map.
  var viewBox = svg.viewBox.baseVal;
  var graphMatrix = new DOMMatrix();
  var graphGroup = svg.querySelector('g');
  if (graphGroup) for (var t = 0; t < graphGroup.transform.baseVal.numberOfItems; t++) {
    graphMatrix = graphMatrix.multiply(DOMMatrix.fromMatrix(graphGroup.transform.baseVal.getItem(t).matrix));
  }
  var toGraph = graphMatrix.inverse(), unit = size.w / (viewBox.width || size.w);
  var CELL = 32, lines = null, cells = null, seen = null, stamp = 0;
  function flatten(d) {
    var tokens = d.match(/[MmCcLl]|-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g) || [], out = [], command = 'M', k = 0;
    function number() { return +tokens[k++]; }
    while (k < tokens.length) {
      if (/[A-Za-z]/.test(tokens[k])) { command = tokens[k++].toUpperCase(); continue; }
      if (command === 'C' && out.length >= 2) {
        var x0 = out[out.length - 2], y0 = out[out.length - 1];
        var x1 = number(), y1 = number(), x2 = number(), y2 = number(), x3 = number(), y3 = number();
        for (var step = 1; step <= 8; step++) {
          var u = step / 8, v = 1 - u;
          out.push(v * v * v * x0 + 3 * v * v * u * x1 + 3 * v * u * u * x2 + u * u * u * x3,
                   v * v * v * y0 + 3 * v * v * u * y1 + 3 * v * u * u * y2 + u * u * u * y3);
        }
      } else {
        out.push(number(), number());
      }
    }
    return out.filter(function (n) { return n === n; });
  }
  function buildIndex() {
    lines = new Array(edges.length); cells = new Map(); seen = new Int32Array(edges.length);
    edgeEls.forEach(function (g, i) {
      var path = g && g.querySelector('path');
      if (!path) return;
      var p = flatten(path.getAttribute('d') || '');
      lines[i] = p;
      for (var k = 0; k + 3 < p.length; k += 2) {
        var x0 = Math.floor(Math.min(p[k], p[k + 2]) / CELL), x1 = Math.floor(Math.max(p[k], p[k + 2]) / CELL);
        var y0 = Math.floor(Math.min(p[k + 1], p[k + 3]) / CELL), y1 = Math.floor(Math.max(p[k + 1], p[k + 3]) / CELL);
        for (var x = x0; x <= x1; x++) for (var y = y0; y <= y1; y++) {
          var key = x * 1048576 + y, list = cells.get(key);
          if (!list) cells.set(key, [i]); else if (list[list.length - 1] !== i) list.push(i);
        }
      }
    });
  }
  function distance(px, py, ax, ay, bx, by) {
    var dx = bx - ax, dy = by - ay, l = dx * dx + dy * dy;
    var u = l > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / l)) : 0;
    var x = ax + u * dx - px, y = ay + u * dy - py;
    return Math.sqrt(x * x + y * y);
  }
  function edgeAt(clientX, clientY) {
    if (!lines) buildIndex();
    var ux = (clientX - box.left - view.x) / view.s / unit + viewBox.x, uy = (clientY - box.top - view.y) / view.s / unit + viewBox.y;
    var px = toGraph.a * ux + toGraph.c * uy + toGraph.e, py = toGraph.b * ux + toGraph.d * uy + toGraph.f;
    var reach = 5 / (view.s * unit * Math.hypot(graphMatrix.a, graphMatrix.b)), best = -1, nearest = reach;
    stamp++;
    for (var x = Math.floor((px - reach) / CELL); x <= Math.floor((px + reach) / CELL); x++) {
      for (var y = Math.floor((py - reach) / CELL); y <= Math.floor((py + reach) / CELL); y++) {
        var list = cells.get(x * 1048576 + y);
        if (!list) continue;
        for (var j = 0; j < list.length; j++) {
          var i = list[j], p = lines[i];
          if (seen[i] === stamp || !edgeShown[i]) continue;
          seen[i] = stamp;
          for (var k = 0; k + 3 < p.length; k += 2) {
            var d = distance(px, py, p[k], p[k + 1], p[k + 2], p[k + 3]);
            if (d <= nearest) { nearest = d; best = i; }
          }
        }
      }
    }
    return best;
  }

  // ---- The tooltip: an edge's relation, date and citation.
  function edgeSummary(i) {
    var e = edges[i];
    return labelOf(nodes[e.f], state.lang) + ' \u2192 ' + relations[e.r].name + ' \u2192 ' + labelOf(nodes[e.t], state.lang);
  }
  function fillEdgeTip(i) {
    var e = edges[i];
    tip.replaceChildren();
    tip.appendChild(el('div', 'pg-relation pg-text', edgeSummary(i)));
    var date = attribute(e.a, 'date'), cite = attribute(e.a, 'cite');
    if (date) tip.appendChild(el('div', 'pg-meta', date));
    tip.appendChild(el('div', 'pg-cite pg-text', cite || '(no citation)'));
    e.a.forEach(function (pair) {
      if (pair[0] !== 'date' && pair[0] !== 'cite') tip.appendChild(el('div', 'pg-meta pg-text', pair[0] + ': ' + pair[1]));
    });
  }
  function placeTip(x, y) {
    tip.hidden = false;
    var w = tip.offsetWidth, h = tip.offsetHeight;
    tip.style.left = Math.max(4, Math.min(x + 14, window.innerWidth - w - 4)) + 'px';
    tip.style.top = Math.max(4, Math.min(y + 14, window.innerHeight - h - 4)) + 'px';
  }
  function hideTip() { if (!tip.classList.contains('pg-pinned')) { tip.hidden = true; pointed = -1; } }
  function unpick() {
    if (state.picked >= 0 && edgeEls[state.picked]) edgeEls[state.picked].classList.remove('pg-picked');
    state.picked = -1;
    tip.classList.remove('pg-pinned');
    tip.hidden = true;
  }
  function pick(i, x, y) {
    unpick();
    state.picked = i;
    if (edgeEls[i]) edgeEls[i].classList.add('pg-picked');
    fillEdgeTip(i);
    tip.classList.add('pg-pinned');
    placeTip(x, y);
  }
  // Pointing: a node is the browser's (its shapes take the pointer); an edge, the index's.
  var pointed = -1;
  viewport.addEventListener('pointermove', function (event) {
    if (drag || tip.classList.contains('pg-pinned')) return;
    var node = event.target.closest && event.target.closest('g.node');
    var i = node ? -1 : edgeAt(event.clientX, event.clientY);
    if (i !== pointed) { pointed = i; if (i >= 0) fillEdgeTip(i); else hideTip(); }
    if (i >= 0) placeTip(event.clientX, event.clientY);
  });
  viewport.addEventListener('pointerleave', function () { pointed = -1; hideTip(); });
  viewport.addEventListener('click', function (event) {
    if (dragged) { dragged = false; return; }
    var node = event.target.closest('g.node[data-n]'), edge = node ? -1 : edgeAt(event.clientX, event.clientY);
    if (node) { unpick(); select(+node.getAttribute('data-n'), false); }
    else if (edge >= 0) pick(edge, event.clientX, event.clientY);
    else unpick();
  });

  // ---- The panel: a node's attributes, both labels, and every edge in and out.
  function neighbourButton(j) {
    var text = labelOf(nodes[j], state.lang);
    var b = el('button', 'pg-link pg-text', text.length > 200 ? Array.from(text).slice(0, 199).join('') + '\u2026' : text);
    b.type = 'button';
    b.setAttribute('data-n', String(j));
    b.title = nodes[j].id;
    return b;
  }
  function edgeItem(i, other) {
    var e = edges[i], li = el('li');
    li.setAttribute('data-e', String(i));
    var line = el('div');
    var rel = el('span', 'pg-relation', relations[e.r].name);
    rel.style.color = relations[e.r].color;
    line.appendChild(rel);
    line.appendChild(document.createTextNode(' '));
    line.appendChild(neighbourButton(other));
    li.appendChild(line);
    var date = attribute(e.a, 'date'), cite = attribute(e.a, 'cite');
    if (date) li.appendChild(el('div', 'pg-meta pg-date', date));
    if (cite) li.appendChild(el('div', 'pg-cite pg-text', cite));
    e.a.forEach(function (pair) {
      if (pair[0] !== 'date' && pair[0] !== 'cite') li.appendChild(el('div', 'pg-meta pg-text', pair[0] + ': ' + pair[1]));
    });
    return li;
  }
  function renderPanel() {
    var i = state.selected;
    panel.replaceChildren();
    if (i < 0) { panel.hidden = true; return; }
    var n = nodes[i];
    panel.hidden = false;
    var close = el('button', 'pg-close', '\u00d7');
    close.type = 'button';
    close.title = 'Close (Esc)';
    close.addEventListener('click', function () { select(-1); });
    panel.appendChild(close);
    var h = el('h2', 'pg-text', labelOf(n, state.lang));
    h.setAttribute('dir', 'auto');
    panel.appendChild(h);
    var dl = el('dl');
    function row(name, value, field) {
      dl.appendChild(el('dt', null, name));
      var dd = el('dd', 'pg-text', value);
      dd.setAttribute('dir', 'auto');
      if (field) dd.setAttribute('data-field', field);
      dl.appendChild(dd);
    }
    row('id', n.id, 'id');
    row('kind', kinds[n.k].name, 'kind');
    row('label', n.l, 'label');
    row('label_zh', n.z, 'label_zh');
    n.a.forEach(function (pair) { row(pair[0], pair[1], 'attr:' + pair[0]); });
    panel.appendChild(dl);
    [['Edges out', outgoing[i], 't', 'pg-out'], ['Edges in', incoming[i], 'f', 'pg-in']].forEach(function (part) {
      panel.appendChild(el('h3', null, part[0] + ' (' + part[1].length + ')'));
      var ul = el('ul', part[3]);
      part[1].forEach(function (k) { ul.appendChild(edgeItem(k, edges[k][part[2]])); });
      panel.appendChild(ul);
    });
  }
  panel.addEventListener('click', function (event) {
    var b = event.target.closest('button[data-n]');
    if (b) select(+b.getAttribute('data-n'), true);
  });

  var settingHash = false;
  function select(i, zoom) {
    if (state.selected >= 0 && nodeEls[state.selected]) nodeEls[state.selected].classList.remove('pg-selected');
    if (state.selected >= 0) outgoing[state.selected].concat(incoming[state.selected]).forEach(function (k) { if (edgeEls[k]) edgeEls[k].classList.remove('pg-near'); });
    state.selected = i;
    if (i >= 0) {
      if (nodeEls[i]) nodeEls[i].classList.add('pg-selected');
      outgoing[i].concat(incoming[i]).forEach(function (k) { if (edgeEls[k]) edgeEls[k].classList.add('pg-near'); });
    }
    // The panel first: opening it narrows the drawing area that the node is centred in.
    renderPanel();
    if (i >= 0 && zoom) centerOn(i);
    var hash = i >= 0 ? '#node=' + encodeURIComponent(nodes[i].id) : '';
    if (location.hash !== hash && !(hash === '' && location.hash === '')) {
      try { history.replaceState(null, '', hash || location.pathname + location.search); }
      catch (error) { settingHash = true; location.hash = hash; }
    }
  }
  function fromHash() {
    var text = location.hash.replace(/^#/, '');
    text.split('&').forEach(function (part) {
      if (part.indexOf('node=') !== 0) return;
      var id;
      try { id = decodeURIComponent(part.slice(5)); } catch (error) { return; }
      if (byId.has(id)) select(byId.get(id), true);
    });
  }
  window.addEventListener('hashchange', function () {
    if (settingHash) { settingHash = false; return; }
    fromHash();
  });

  // ---- Search over ids and both labels.
  var matches = [];
  function fold(text) { return text.normalize('NFKC').toLowerCase(); }
  var folded = null;
  function runSearch() {
    if (!folded) folded = nodes.map(function (n) { return [fold(n.id), fold(n.l), fold(n.z)]; });
    matches.forEach(function (i) { if (nodeEls[i]) nodeEls[i].classList.remove('pg-match'); });
    matches = [];
    results.replaceChildren();
    var q = fold(search.value.trim());
    if (!q) { results.hidden = true; return; }
    var ranked = [];
    folded.forEach(function (f, i) {
      var rank = 9;
      for (var k = 0; k < 3; k++) {
        if (!f[k]) continue;
        if (f[k] === q) rank = Math.min(rank, 0);
        else if (f[k].indexOf(q) === 0) rank = Math.min(rank, 1);
        else if (f[k].indexOf(q) > 0) rank = Math.min(rank, 2);
      }
      if (rank < 9) ranked.push([rank, i]);
    });
    ranked.sort(function (a, b) { return a[0] - b[0] || (nodes[a[1]].id < nodes[b[1]].id ? -1 : 1); });
    matches = ranked.map(function (r) { return r[1]; });
    matches.forEach(function (i) { if (nodeEls[i]) nodeEls[i].classList.add('pg-match'); });
    results.appendChild(el('li', 'pg-note', matches.length + (matches.length === 1 ? ' match' : ' matches')));
    matches.slice(0, 30).forEach(function (i, k) {
      var li = el('li', k === 0 ? 'pg-active' : null);
      var b = el('button', 'pg-text', labelOf(nodes[i], state.lang) + '  \u00b7 ' + nodes[i].id + ' \u00b7 ' + kinds[nodes[i].k].name);
      b.type = 'button';
      b.setAttribute('data-n', String(i));
      li.appendChild(b);
      results.appendChild(li);
    });
    results.hidden = false;
  }
  search.addEventListener('input', runSearch);
  search.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && matches.length) { event.preventDefault(); results.hidden = true; select(matches[0], true); }
    else if (event.key === 'Escape') { search.value = ''; runSearch(); }
  });
  results.addEventListener('click', function (event) {
    var b = event.target.closest('button[data-n]');
    if (!b) return;
    results.hidden = true;
    select(+b.getAttribute('data-n'), true);
  });
  search.addEventListener('focus', function () { if (matches.length) results.hidden = false; });
  document.addEventListener('pointerdown', function (event) {
    if (!event.target.closest('#pg-search-box')) results.hidden = true;
  });

  // ---- Filters by kind, relation and stance polarity; the legend is their swatches.
  var filters = document.getElementById('pg-filters'), status = document.getElementById('pg-status');
  function checkbox(group, key, text, count, mark) {
    var label = el('label');
    var box = el('input');
    box.type = 'checkbox';
    box.checked = true;
    box.setAttribute('data-' + group, key);
    label.appendChild(box);
    if (mark) label.appendChild(mark);
    var name = el('span', 'pg-text', text);
    label.appendChild(name);
    label.appendChild(el('span', 'pg-count', String(count)));
    return label;
  }
  function fieldset(title) { var f = el('fieldset'); f.appendChild(el('legend', null, title)); filters.appendChild(f); return f; }
  var kindCounts = kinds.map(function () { return 0; }), relationCounts = relations.map(function () { return 0; });
  nodes.forEach(function (n) { kindCounts[n.k]++; });
  edges.forEach(function (e) { relationCounts[e.r]++; });
  var kindSet = fieldset('Kinds');
  kinds.forEach(function (k, i) {
    var swatch = el('span', 'pg-swatch');
    swatch.style.background = k.fill;
    var label = checkbox('kind', String(i), k.name, kindCounts[i], swatch);
    label.title = k.shape + (k.about ? ': ' + k.about : '');
    kindSet.appendChild(label);
  });
  var relationSet = fieldset('Relations');
  relations.forEach(function (r, i) {
    var stroke = el('span', 'pg-stroke pg-' + r.line);
    stroke.style.borderTopColor = r.color;
    var label = checkbox('relation', r.name, r.name, relationCounts[i], stroke);
    if (r.about) label.title = r.about;
    relationSet.appendChild(label);
  });
  var polarityCounts = { '1': 0, '-1': 0, '0': 0 };
  edges.forEach(function (e) { polarityCounts[String(Math.sign(relations[e.r].polarity))]++; });
  var polaritySet = fieldset('Stance polarity');
  ['1', '-1', '0'].forEach(function (p) {
    polaritySet.appendChild(checkbox('polarity', p, polarityName(+p), polarityCounts[p]));
  });
  filters.addEventListener('change', function (event) {
    var box = event.target, set, key;
    if (box.hasAttribute('data-kind')) { set = state.hiddenKinds; key = +box.getAttribute('data-kind'); }
    else if (box.hasAttribute('data-relation')) { set = state.hiddenRelations; key = box.getAttribute('data-relation'); }
    else if (box.hasAttribute('data-polarity')) { set = state.hiddenPolarities; key = box.getAttribute('data-polarity'); }
    else return;
    if (box.checked) set.delete(key); else set.add(key);
    applyFilters();
  });
  function showStatus(shownNodes, shownEdges) {
    status.textContent = shownNodes + ' of ' + nodes.length + ' nodes, ' + shownEdges + ' of ' + edges.length + ' edges shown';
  }
  function applyFilters() {
    var shownNodes = 0, shownEdges = 0;
    nodes.forEach(function (n, i) {
      nodeShown[i] = !state.hiddenKinds.has(n.k);
      if (nodeShown[i]) shownNodes++;
      if (nodeEls[i]) nodeEls[i].classList.toggle('pg-faded', !nodeShown[i]);
    });
    edges.forEach(function (e, i) {
      var r = relations[e.r];
      edgeShown[i] = nodeShown[e.f] && nodeShown[e.t] && !state.hiddenRelations.has(r.name) && !state.hiddenPolarities.has(String(Math.sign(r.polarity)));
      if (edgeShown[i]) shownEdges++;
      if (edgeEls[i]) edgeEls[i].classList.toggle('pg-faded', !edgeShown[i]);
    });
    showStatus(shownNodes, shownEdges);
  }

  // ---- Language: relabel the drawing's nodes and boxes in place. Where the layout put each
  // label is read on the first switch, from the layout's own text.
  function placeOf(g, leftAligned) {
    var texts = g.querySelectorAll('text');
    if (!texts.length) return null;
    var first = texts[0], ys = [], left = Infinity;
    texts.forEach(function (t) { ys.push(+t.getAttribute('y')); if (leftAligned) left = Math.min(left, t.getBBox().x); });
    var size = +first.getAttribute('font-size') || 14;
    var step = ys.length > 1 ? (ys[ys.length - 1] - ys[0]) / (ys.length - 1) : size * 1.2;
    // A box's label is centred on its own middle at the box's left (Graphviz's labeljust=l):
    // a new label of another width starts where the old one started.
    return { x: leftAligned ? String(left) : first.getAttribute('x'), top: ys[0], mid: (ys[0] + ys[ys.length - 1]) / 2, step: step,
             lines: ys.length, anchor: leftAligned ? 'start' : first.getAttribute('text-anchor') || 'middle',
             font: first.getAttribute('font-family'), size: size, fill: first.getAttribute('fill') };
  }
  var nodePlaces = null, clusterPlaces = null, unfitted = [];
  function writeLines(g, b, lines, centred) {
    g.querySelectorAll('text').forEach(function (t) { t.remove(); });
    return lines.map(function (line, k) {
      var t = document.createElementNS(SVGNS, 'text');
      t.setAttribute('text-anchor', b.anchor);
      t.setAttribute('x', b.x);
      t.setAttribute('y', String(centred ? b.mid + (k - (lines.length - 1) / 2) * b.step : b.top + k * b.step));
      if (b.font) t.setAttribute('font-family', b.font);
      t.setAttribute('font-size', String(b.size));
      if (b.fill) t.setAttribute('fill', b.fill);
      t.textContent = line;
      g.appendChild(t);
      return t;
    });
  }
  function relabel() {
    if (!nodePlaces) { nodePlaces = nodeEls.map(function (g) { return g ? placeOf(g, false) : null; }); }
    if (!clusterPlaces) { clusterPlaces = clusterEls.map(function (g) { return g ? placeOf(g, true) : null; }); }
    unfitted = [];
    nodes.forEach(function (n, i) {
      var g = nodeEls[i], b = nodePlaces[i];
      if (!g || !b) return;
      var text = labelOf(n, state.lang);
      if (text.length > data.labelLimit) text = Array.from(text).slice(0, data.labelLimit - 1).join('') + '\u2026';
      unfitted.push([g, writeLines(g, b, wrap(text, data.wrap), true), b, 0.9]);
    });
    // A box's label stays on as many lines as the layout gave it room for, from the same top.
    (data.clusters || []).forEach(function (c, i) {
      var g = clusterEls[i], b = clusterPlaces[i];
      if (!g || !b) return;
      var lines = labelOf(c, state.lang).split('\n');
      if (lines.length > b.lines) lines = lines.slice(0, b.lines - 1).concat([lines.slice(b.lines - 1).join(' \u00b7 ')]);
      unfitted.push([g, writeLines(g, b, lines, false), b, 0.94]);
    });
    if (detailed.nodes) fitLabels();
  }
  // A label wider than its shape is made smaller. Measuring needs drawn text, so on a large map
  // zoomed out (labels not drawn) this waits until they are.
  function fitLabels() {
    var list = unfitted;
    unfitted = [];
    list.forEach(function (item) {
      var shape = item[0].querySelector('polygon, ellipse, path');
      if (!shape) return;
      var room = shape.getBBox().width * item[3], widest = 0;
      item[1].forEach(function (t) { widest = Math.max(widest, t.getComputedTextLength()); });
      if (widest > room && room > 0) {
        var s = String(Math.max(3, item[2].size * room / widest));
        item[1].forEach(function (t) { t.setAttribute('font-size', s); });
      }
    });
  }
  var langButtons = document.querySelectorAll('#pg-lang button[data-lang]');
  function setLang(lang, redraw) {
    state.lang = lang;
    langButtons.forEach(function (b) { b.setAttribute('aria-pressed', String(b.getAttribute('data-lang') === lang)); });
    document.documentElement.setAttribute('data-lang', lang);
    if (redraw) { relabel(); renderPanel(); if (search.value) runSearch(); }
  }
  langButtons.forEach(function (b) { b.addEventListener('click', function () { setLang(b.getAttribute('data-lang'), true); }); });

  // ---- The agreement tab: the actors' overlap heatmap.
  var agreement = data.agreement;
  var tabMap = document.getElementById('pg-tab-map'), tabAgreement = document.getElementById('pg-tab-agreement');
  var section = document.getElementById('pg-agreement');
  var mapParts = [document.getElementById('pg-side'), viewport];
  var heatmapDrawn = false;
  function showTab(which) {
    var isMap = which === 'map';
    tabMap.setAttribute('aria-selected', String(isMap));
    tabAgreement.setAttribute('aria-selected', String(!isMap));
    mapParts.forEach(function (p) { p.hidden = !isMap; });
    panel.hidden = !isMap || state.selected < 0;
    section.hidden = isMap;
    unpick();
    if (!isMap && !heatmapDrawn) { drawHeatmap(); heatmapDrawn = true; }
  }
  function colour(value, measure) {
    if (value === null || value === undefined) return '#d9d9d9';
    var t = measure === 'jaccard' ? value : (value + 1) / 2;
    t = Math.max(0, Math.min(1, t));
    var low = measure === 'jaccard' ? [255, 255, 255] : [198, 40, 40], mid = [255, 255, 255], high = [21, 101, 192];
    var from = t < 0.5 && measure !== 'jaccard' ? low : mid, to = t < 0.5 && measure !== 'jaccard' ? mid : high;
    var u = measure === 'jaccard' ? t : (t < 0.5 ? t * 2 : (t - 0.5) * 2);
    return 'rgb(' + from.map(function (c, k) { return Math.round(c + (to[k] - c) * u); }).join(',') + ')';
  }
  function drawHeatmap() {
    var actors = agreement.actors, k = actors.length, fields = agreement.fields;
    var cellAt = [];
    var c = 0;
    for (var i = 0; i < k; i++) { cellAt.push([]); }
    for (i = 0; i < k; i++) for (var j = i; j < k; j++) { cellAt[i][j] = agreement.cells[c]; cellAt[j][i] = agreement.cells[c]; c++; }
    var measures = ['jaccard', 'signed', 'sScore', 'kappa', 'pi'];
    var note = el('p', null, 'Agreement of ' + k + ' actors' + (agreement.total > k ? ' (the ' + k + ' with most stances of ' + agreement.total + ')' : '') +
      ' over the stances in this map; similar actors sit together. Colour: ');
    var choose = el('select');
    choose.setAttribute('aria-label', 'Measure');
    measures.forEach(function (m) { var o = el('option', null, m); o.value = m; choose.appendChild(o); });
    choose.value = 'sScore';
    note.appendChild(choose);
    section.appendChild(note);
    var cell = k <= 20 ? 32 : 20, labelWidth = 170, top = 170;
    var figure = document.createElementNS(SVGNS, 'svg');
    figure.setAttribute('width', String(labelWidth + cell * k + 10));
    figure.setAttribute('height', String(top + cell * k + 10));
    var rects = [];
    actors.forEach(function (a, i) {
      var name = labelOf(nodes[a], state.lang).split('\n')[0];
      var row = document.createElementNS(SVGNS, 'text');
      row.setAttribute('x', String(labelWidth - 6));
      row.setAttribute('y', String(top + cell * i + cell / 2 + 4));
      row.setAttribute('text-anchor', 'end');
      row.textContent = name;
      figure.appendChild(row);
      var column = document.createElementNS(SVGNS, 'text');
      column.setAttribute('transform', 'translate(' + (labelWidth + cell * i + cell / 2 + 4) + ',' + (top - 6) + ') rotate(-90)');
      column.textContent = name;
      figure.appendChild(column);
    });
    for (i = 0; i < k; i++) for (j = 0; j < k; j++) {
      var r = document.createElementNS(SVGNS, 'rect');
      r.setAttribute('class', 'pg-cell');
      r.setAttribute('x', String(labelWidth + cell * j));
      r.setAttribute('y', String(top + cell * i));
      r.setAttribute('width', String(cell - 1));
      r.setAttribute('height', String(cell - 1));
      r.setAttribute('data-i', String(i));
      r.setAttribute('data-j', String(j));
      figure.appendChild(r);
      rects.push(r);
    }
    function paint() {
      var m = fields.indexOf(choose.value);
      rects.forEach(function (r) {
        var v = cellAt[+r.getAttribute('data-i')][+r.getAttribute('data-j')];
        r.setAttribute('fill', colour(v ? v[m] : null, choose.value));
      });
    }
    choose.addEventListener('change', paint);
    paint();
    figure.addEventListener('mouseover', function (event) {
      var r = event.target;
      if (!r.classList || !r.classList.contains('pg-cell')) return;
      var i = +r.getAttribute('data-i'), j = +r.getAttribute('data-j'), v = cellAt[i][j];
      tip.replaceChildren();
      tip.appendChild(el('div', 'pg-relation pg-text', labelOf(nodes[actors[i]], state.lang) + ' \u2013 ' + labelOf(nodes[actors[j]], state.lang)));
      if (v) {
        tip.appendChild(el('div', null, 'agree ' + v[0] + ', conflict ' + v[1] + ', only first ' + v[2] + ', only second ' + v[3]));
        tip.appendChild(el('div', 'pg-meta', measures.map(function (m) {
          var x = v[fields.indexOf(m)];
          return m + ' ' + (x === null ? '\u2013' : x.toFixed(3));
        }).join(' \u00b7 ')));
      }
      placeTip(event.clientX, event.clientY);
    });
    figure.addEventListener('mouseout', hideTip);
    section.appendChild(figure);
  }
  if (agreement) {
    tabAgreement.hidden = false;
    tabAgreement.addEventListener('click', function () { showTab('agreement'); });
    tabMap.addEventListener('click', function () { showTab('map'); });
  }

  // ---- Start: the first language, every filter on, the whole drawing in view, then the link's
  // node. Nothing else is read or drawn before it is needed: the search's index, the labels'
  // places, the edges' lines and the heatmap wait for their first use.
  setLang(state.lang, false);
  showStatus(nodes.length, edges.length);
  fit();
  settled();
  fromHash();
  document.documentElement.setAttribute('data-ready', 'true');
})();

"""#
}
