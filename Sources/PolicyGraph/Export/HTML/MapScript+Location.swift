extension MapScript {
    /// The view in the link: the node, the language and the hidden filters in the fragment
    /// (`#node=us&lang=zh&hide=topic,opposes`), one history entry per node chosen, so that a link
    /// reopens the same view and Back returns to the node before.
    static let location = #"""
  // ---- The view in the link. A filter is named by its kind or relation, or `polarity` and its
  // sign; the language only when it is not the page's own.
  function filterToken(box) {
    if (box.hasAttribute('data-kind')) return kinds[+box.getAttribute('data-kind')].name;
    if (box.hasAttribute('data-relation')) return box.getAttribute('data-relation');
    if (box.hasAttribute('data-polarity')) return 'polarity' + box.getAttribute('data-polarity');
    return null;
  }
  function filterBoxes() { return Array.prototype.slice.call(document.querySelectorAll('#pg-filters input[type=checkbox]')); }
  function viewHash() {
    var parts = [];
    if (state.selected >= 0) parts.push('node=' + encodeURIComponent(nodes[state.selected].id));
    if (state.lang !== data.lang) parts.push('lang=' + state.lang);
    var hidden = filterBoxes().filter(function (b) { return !b.checked; }).map(filterToken).filter(function (t) { return t !== null; });
    if (hidden.length) parts.push('hide=' + hidden.map(encodeURIComponent).join(','));
    return parts.length ? '#' + parts.join('&') : '';
  }
  // The fragment last written or read: a hash event for it is the page's own.
  var appliedHash = location.hash, restoring = false;
  function writeHash(newEntry) {
    if (restoring) return;
    var hash = viewHash();
    if (hash === location.hash || (hash === '' && location.hash === '#')) return;
    appliedHash = hash;
    var url = hash || location.pathname + location.search;
    try { if (newEntry) history.pushState(null, '', url); else history.replaceState(null, '', url); }
    catch (error) { location.hash = hash; }
  }
  function fromHash() {
    var fields = {};
    location.hash.replace(/^#/, '').split('&').forEach(function (part) {
      var at = part.indexOf('=');
      if (at <= 0) return;
      try { fields[part.slice(0, at)] = decodeURIComponent(part.slice(at + 1)); } catch (error) { /* a broken escape: ignored */ }
    });
    restoring = true;
    var lang = fields.lang === 'en' || fields.lang === 'zh' || fields.lang === 'both' ? fields.lang : data.lang;
    if (lang !== state.lang) { setLang(lang, true); afterLanguage(); }
    var hidden = new Set();
    if (fields.hide) location.hash.replace(/^#/, '').split('&').forEach(function (part) {
      if (part.indexOf('hide=') !== 0) return;
      part.slice(5).split(',').forEach(function (t) { try { hidden.add(decodeURIComponent(t)); } catch (error) { /* ignored */ } });
    });
    filterBoxes().forEach(function (b) {
      var show = !hidden.has(filterToken(b));
      if (b.checked !== show) { b.checked = show; b.dispatchEvent(new Event('change', { bubbles: true })); }
    });
    if (fields.node === undefined) { if (state.selected >= 0) select(-1, false, true); }
    else if (byId.has(fields.node)) { if (state.selected !== byId.get(fields.node)) select(byId.get(fields.node), true, true); }
    else { select(-1, false, true); notFound(fields.node); }
    restoring = false;
    appliedHash = location.hash;
  }
  // A link to a node this map does not hold says so, instead of keeping the panel of another.
  function notFound(id) {
    panel.replaceChildren();
    var close = el('button', 'pg-close', '\u00d7');
    close.type = 'button';
    close.addEventListener('click', function () { panel.hidden = true; });
    panel.appendChild(close);
    var shown = id.length > 200 ? Array.from(id).slice(0, 199).join('') + '\u2026' : id;
    panel.appendChild(el('p', 'pg-text', words('No node') + ' \u201c' + shown + '\u201d ' + words('in this map: it may be outside the part drawn.')));
    panel.lastChild.id = 'pg-notice';
    panel.hidden = false;
  }
  function onHash() { if (location.hash !== appliedHash) fromHash(); }
  window.addEventListener('hashchange', onHash);
  window.addEventListener('popstate', onHash);
  filters.addEventListener('change', function () { writeHash(false); });
  langButtons.forEach(function (b) { b.addEventListener('click', function () { afterLanguage(); writeHash(false); }); });

"""#
}
