extension MapScript {
    /// The node panel, selection and `#node=` links, and the search.
    static let panelAndSearch = #"""
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
    rel.title = relations[e.r].stance ? polarityName(polarityKey(relations[e.r])) + ' stance' : 'no stance';
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
      panel.appendChild(el('h3', null, words(part[0]) + ' (' + part[1].length + ')'));
      var ul = el('ul', part[3]);
      part[1].forEach(function (k) { ul.appendChild(edgeItem(k, edges[k][part[2]])); });
      panel.appendChild(ul);
    });
  }
  panel.addEventListener('click', function (event) {
    var b = event.target.closest('button[data-n]');
    if (b) select(+b.getAttribute('data-n'), true);
  });

  // A node chosen in the page is a new history entry (Back returns to the one before); one
  // chosen by the link (`quiet`) writes nothing.
  function select(i, zoom, quiet) {
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
    if (!quiet) writeHash(true);
  }

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
      var rank = 9, hit = 0;
      for (var k = 0; k < 3; k++) {
        if (!f[k]) continue;
        var r = f[k] === q ? 0 : f[k].indexOf(q) === 0 ? 1 : f[k].indexOf(q) > 0 ? 2 : 9;
        if (r < rank) { rank = r; hit = k; }
      }
      if (rank < 9) ranked.push([rank, i, hit]);
    });
    ranked.sort(function (a, b) { return a[0] - b[0] || (nodes[a[1]].id < nodes[b[1]].id ? -1 : 1); });
    matches = ranked.map(function (r) { return r[1]; });
    var hits = ranked.map(function (r) { return r[2]; });
    matches.forEach(function (i) { if (nodeEls[i]) nodeEls[i].classList.add('pg-match'); });
    results.appendChild(el('li', 'pg-note', matches.length + (matches.length === 1 ? ' match' : ' matches')));
    matches.slice(0, 30).forEach(function (i, k) {
      var li = el('li', k === 0 ? 'pg-active' : null);
      // The label that matched is shown, even when it is not in the page's language.
      var shown = labelOf(nodes[i], state.lang), matched = hits[k] === 2 ? nodes[i].z : hits[k] === 1 ? nodes[i].l : '';
      if (matched && shown.split('\n').indexOf(matched) < 0) shown += ' \u00b7 ' + matched;
      var b = el('button', 'pg-text', shown + ' \u00b7 ' + nodes[i].id + ' \u00b7 ' + kinds[nodes[i].k].name);
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

"""#
}
