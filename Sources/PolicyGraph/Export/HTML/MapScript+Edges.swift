extension MapScript {
    /// Pointing at edges (an index of their lines) and their tooltip.
    static let edges = #"""
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

"""#
}
