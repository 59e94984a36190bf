extension MapScript {
    /// The agreement tab, and what the page does when it starts.
    static let agreementAndStart = #"""
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
    else if (!isMap) layoutHeatmap();
  }
  // What each measure says, in a line (the library's OverlapMeasure, in words).
  var MEANINGS = {
    jaccard: 'jaccard: the share of the targets either takes a stance on where both take the same side (0 to 1; a neutral against a side counts half).',
    signed: 'signed: (agreements \u2212 conflicts) / the targets either takes a stance on (\u22121 to +1); a target only one addresses pulls it towards 0.',
    sScore: 'sScore: 1 \u2212 the average gap between their stances on a scale from \u22121 to +1, over the targets either addresses (\u22121 to +1).',
    kappa: 'kappa: Cohen\u2019s kappa, how much more often they agree than two actors taking these stances at random would (> 0: more, < 0: less).',
    pi: 'pi: Scott\u2019s pi, like kappa with chance from the two actors\u2019 pooled stances.',
  };
  function colour(value, measure) {
    if (value === null || value === undefined) return '#d9d9d9';
    var t = measure === 'jaccard' ? value : (value + 1) / 2;
    t = Math.max(0, Math.min(1, t));
    var low = measure === 'jaccard' ? [255, 255, 255] : [198, 40, 40], mid = [255, 255, 255], high = [21, 101, 192];
    var from = t < 0.5 && measure !== 'jaccard' ? low : mid, to = t < 0.5 && measure !== 'jaccard' ? mid : high;
    var u = measure === 'jaccard' ? t : (t < 0.5 ? t * 2 : (t - 0.5) * 2);
    return 'rgb(' + from.map(function (c, k) { return Math.round(c + (to[k] - c) * u); }).join(',') + ')';
  }
  // A pair with no target both take a position on has nothing to colour: its cell stays blank
  // whatever the measure (a measure over the union can still be non-zero for it).
  function noneShared(v) { return v && v[0] === 0 && v[1] === 0 && !v[agreement.fields.indexOf('halfway')]; }
  var layoutHeatmap = function () {};
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
    // The key: the chosen measure's scale, the blank and grey cells, and what it measures.
    var key = el('p', 'pg-key'), low = el('span', null), ramp = el('span', 'pg-ramp'), high = el('span', null, '+1');
    key.appendChild(low); key.appendChild(ramp); key.appendChild(high);
    key.appendChild(el('span', 'pg-none'));
    key.appendChild(el('span', null, 'no shared positions'));
    var grey = el('span', 'pg-none');
    grey.style.background = '#d9d9d9';
    key.appendChild(grey);
    key.appendChild(el('span', null, 'undefined'));
    section.appendChild(key);
    var list = el('ul', 'pg-measures'), items = {};
    measures.forEach(function (m) { items[m] = el('li', null, MEANINGS[m]); list.appendChild(items[m]); });
    section.appendChild(list);
    var cell = k <= 20 ? 32 : 20;
    var figure = document.createElementNS(SVGNS, 'svg');
    var rows = [], columns = [], rects = [];
    actors.forEach(function (a, i) {
      var row = document.createElementNS(SVGNS, 'text');
      row.setAttribute('text-anchor', 'end');
      figure.appendChild(row);
      rows.push(row);
      var column = document.createElementNS(SVGNS, 'text');
      figure.appendChild(column);
      columns.push(column);
    });
    for (i = 0; i < k; i++) for (j = 0; j < k; j++) {
      var r = document.createElementNS(SVGNS, 'rect');
      r.setAttribute('class', 'pg-cell');
      r.setAttribute('width', String(cell - 1));
      r.setAttribute('height', String(cell - 1));
      r.setAttribute('data-i', String(i));
      r.setAttribute('data-j', String(j));
      figure.appendChild(r);
      rects.push(r);
    }
    section.appendChild(figure);
    // The names in the page's language; the grid starts just past the longest of them.
    layoutHeatmap = function () {
      var longest = 0;
      actors.forEach(function (a, i) {
        var name = labelOf(nodes[a], state.lang).split('\n')[0];
        rows[i].textContent = name;
        columns[i].textContent = name;
        longest = Math.max(longest, rows[i].getComputedTextLength());
      });
      var labelWidth = Math.ceil(longest) + 12, top = Math.ceil(longest) + 12;
      figure.setAttribute('width', String(labelWidth + cell * k + 10));
      figure.setAttribute('height', String(top + cell * k + 10));
      actors.forEach(function (a, i) {
        rows[i].setAttribute('x', String(labelWidth - 6));
        rows[i].setAttribute('y', String(top + cell * i + cell / 2 + 4));
        columns[i].setAttribute('transform', 'translate(' + (labelWidth + cell * i + cell / 2 + 4) + ',' + (top - 6) + ') rotate(-90)');
      });
      rects.forEach(function (r) {
        r.setAttribute('x', String(labelWidth + cell * +r.getAttribute('data-j')));
        r.setAttribute('y', String(top + cell * +r.getAttribute('data-i')));
      });
    };
    layoutHeatmap();
    function paint() {
      var m = fields.indexOf(choose.value);
      rects.forEach(function (r) {
        var v = cellAt[+r.getAttribute('data-i')][+r.getAttribute('data-j')];
        r.setAttribute('fill', noneShared(v) ? '#ffffff' : colour(v ? v[m] : null, choose.value));
      });
      var lowest = choose.value === 'jaccard' ? 0 : -1;
      low.textContent = lowest < 0 ? '\u22121' : '0';
      ramp.style.background = 'linear-gradient(to right, ' + colour(lowest, choose.value) + ', ' + colour((lowest + 1) / 2, choose.value) + ', ' + colour(1, choose.value) + ')';
      measures.forEach(function (m) { items[m].classList.toggle('pg-chosen', m === choose.value); });
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
        if (noneShared(v)) tip.appendChild(el('div', 'pg-meta', words('no shared positions')));
        tip.appendChild(el('div', 'pg-meta', measures.map(function (m) {
          var x = v[fields.indexOf(m)];
          return m + ' ' + (x === null ? '\u2013' : x.toFixed(3));
        }).join(' \u00b7 ')));
      }
      placeTip(event.clientX, event.clientY);
    });
    figure.addEventListener('mouseout', hideTip);
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
  chrome();
  fromHash();
  document.documentElement.setAttribute('data-ready', 'true');
})();

"""#
}
