extension MapScript {
    /// The key to the drawing's line styles (how each kind of evidence is drawn), the page's own
    /// words in Chinese, and what a language switch redoes besides the labels.
    static let legendAndWords = #"""
  // ---- Line styles: what solid, pale and dashed lines say about a stance's evidence. The
  // drawing makes an inferred stance pale and dashed (DOTRenderer.inferredLook).
  var evidenceCounts = { stated: 0, reported: 0, inferred: 0 };
  edges.forEach(function (e) { var v = attribute(e.a, 'evidence'); if (evidenceCounts.hasOwnProperty(v)) evidenceCounts[v]++; });
  (function () {
    if (!evidenceCounts.stated && !evidenceCounts.reported && !evidenceCounts.inferred) return;
    var block = el('fieldset');
    block.id = 'pg-lines';
    block.appendChild(el('legend', null, 'Line styles'));
    function line(className, text, count) {
      var p = el('p');
      p.setAttribute('data-evidence', className);
      var stroke = el('span', 'pg-stroke ' + className);
      stroke.style.borderTopColor = '#616161';
      p.appendChild(stroke);
      p.appendChild(el('span', 'pg-text', text));
      p.appendChild(el('span', 'pg-count', String(count)));
      return p;
    }
    block.appendChild(line('pg-solid', 'solid: stated or reported (the holder\u2019s words, or a report of them)', evidenceCounts.stated + evidenceCounts.reported));
    if (evidenceCounts.inferred) block.appendChild(line('pg-dashed pg-pale', 'pale and dashed: inferred (a reading, not the holder\u2019s words)', evidenceCounts.inferred));
    block.appendChild(el('p', 'pg-meta', 'Colour and dashes of a relation: see Relations above; a relation drawn dashed (such as opposes) is also pale when inferred.'));
    filters.appendChild(block);
  })();

  // ---- The page's own words in Chinese: shown when the labels are in Chinese.
  var ZH = {
    'Legend and filters': '\u56fe\u4f8b\u4e0e\u7b5b\u9009', 'Kinds': '\u8282\u70b9\u7c7b\u578b', 'Relations': '\u5173\u7cfb',
    'Stance polarity': '\u7acb\u573a\u6781\u6027', 'Line styles': '\u7ebf\u6761\u6837\u5f0f', 'Map': '\u5730\u56fe',
    'Agreement': '\u7acb\u573a\u4e00\u81f4\u5ea6', 'Fit': '\u5168\u56fe', 'Edges out': '\u51fa\u8fb9', 'Edges in': '\u5165\u8fb9',
    'Search ids and labels (en, \u4e2d\u6587)': '\u641c\u7d22 id \u548c\u6807\u7b7e\uff08\u4e2d\u6587\u3001en\uff09',
    'No node': '\u6b64\u5730\u56fe\u4e2d\u6ca1\u6709\u8282\u70b9', 'in this map: it may be outside the part drawn.': '\uff1a\u5b83\u53ef\u80fd\u4e0d\u5728\u6240\u7ed8\u90e8\u5206\u4e4b\u5185\u3002',
    'no shared positions': '\u6ca1\u6709\u5171\u540c\u7acb\u573a', 'supporting': '\u652f\u6301', 'opposing': '\u53cd\u5bf9',
    'no stance': '\u975e\u7acb\u573a\u5173\u7cfb', 'neutral': '\u4e2d\u7acb',
  };
  function words(text) { return state.lang === 'zh' && ZH.hasOwnProperty(text) ? ZH[text] : text; }
  function chrome() {
    document.documentElement.lang = state.lang === 'zh' ? 'zh-Hans' : 'en';
    document.querySelectorAll('#pg-side > summary, #pg-filters legend, #pg-tab-map, #pg-tab-agreement, #pg-fit').forEach(function (e) {
      if (!e.hasAttribute('data-en')) e.setAttribute('data-en', e.textContent);
      e.textContent = words(e.getAttribute('data-en'));
    });
    document.querySelectorAll('#pg-filters input[data-polarity] + .pg-text').forEach(function (e) {
      if (!e.hasAttribute('data-en')) e.setAttribute('data-en', e.textContent);
      e.textContent = words(e.getAttribute('data-en'));
    });
    if (!search.hasAttribute('data-en')) search.setAttribute('data-en', search.placeholder);
    search.placeholder = words(search.getAttribute('data-en'));
    statusWords();
  }
  // The count line, written in English by the filters, said again in Chinese.
  function statusWords() {
    var m = /^(\d+) of (\d+) nodes, (\d+) of (\d+) edges shown$/.exec(status.textContent);
    if (state.lang === 'zh' && m) status.textContent = '\u663e\u793a ' + m[1] + '/' + m[2] + ' \u4e2a\u8282\u70b9\u3001' + m[3] + '/' + m[4] + ' \u6761\u8fb9';
    else if (state.lang !== 'zh' && !m) showStatus(nodeShown.filter(Boolean).length, edgeShown.filter(Boolean).length);
  }
  filters.addEventListener('change', statusWords);

  // ---- After a language switch: the page's words, the heatmap's names, and labels that the
  // layout sized for the other language. fitLabels (above) shrinks a label to its shape; below
  // 70 % of its drawn size it stops shrinking and ends the line with an ellipsis instead, the
  // whole label in the shape's tooltip.
  function afterLanguage() {
    chrome();
    if (heatmapDrawn && !section.hidden) layoutHeatmap();
    if (!nodePlaces || !detailed.nodes) return;
    nodes.forEach(function (n, i) {
      var g = nodeEls[i], b = nodePlaces[i];
      if (!g || !b) return;
      var old = g.querySelector('title.pg-full');
      if (old) old.remove();
      var texts = g.querySelectorAll('text'), least = b.size * 0.7;
      if (!texts.length || +texts[0].getAttribute('font-size') >= least) return;
      var shape = g.querySelector('polygon, ellipse, path');
      if (!shape) return;
      var room = shape.getBBox().width * 0.9;
      texts.forEach(function (t) {
        t.setAttribute('font-size', String(least));
        var chars = Array.from(t.textContent);
        if (t.getComputedTextLength() <= room) return;
        var low = 0, high = chars.length;
        while (low < high) {
          var mid = Math.ceil((low + high) / 2);
          t.textContent = chars.slice(0, mid).join('') + '\u2026';
          if (t.getComputedTextLength() <= room) low = mid; else high = mid - 1;
        }
        t.textContent = chars.slice(0, low).join('') + '\u2026';
      });
      var title = document.createElementNS(SVGNS, 'title');
      title.setAttribute('class', 'pg-full');
      title.textContent = labelOf(n, state.lang);
      g.insertBefore(title, g.firstChild);
    });
  }

"""#
}
