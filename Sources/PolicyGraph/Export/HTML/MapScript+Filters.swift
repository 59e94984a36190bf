extension MapScript {
    /// The filters (which are the legend) and the language switch.
    static let filtersAndLanguage = #"""
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
  var polarityCounts = { '1': 0, '-1': 0, '0': 0, none: 0 };
  edges.forEach(function (e) { polarityCounts[polarityKey(relations[e.r])]++; });
  var polaritySet = fieldset('Stance polarity');
  ['1', '-1', '0', 'none'].forEach(function (p) {
    polaritySet.appendChild(checkbox('polarity', p, polarityName(p), polarityCounts[p]));
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
      edgeShown[i] = nodeShown[e.f] && nodeShown[e.t] && !state.hiddenRelations.has(r.name) && !state.hiddenPolarities.has(polarityKey(r));
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

"""#
}
