extension MapScript {
    /// Pan and zoom, and the level of detail of a large map.
    static let panAndZoom = #"""
  // ---- Pan and zoom: one CSS transform on the canvas, a compositor layer of its own, written
  // at most once a frame. Moving or scaling it repaints nothing; when a zoom has settled, the
  // layer is drawn again at the new scale (sharp), and a large map shows or drops its labels.
  // The layer keeps the raster scale it was made with (1), so its sharpness is the drawing's own
  // scale inside it (`raster`, a transform on the SVG), and the screen's scale is
  // raster × the layer's. The drawing is drawn at most RASTER_BUDGET device pixels large (8 M
  // on a large map, whose dense tiles take ~10 ms each; 24 M on a sparser one): above, a zoom
  // shows it magnified (softer) instead of drawing a layer that takes seconds to raster and more
  // memory than the compositor keeps (then every drag rasters again).
  var size = { w: +svg.getAttribute('width'), h: +svg.getAttribute('height') };
  var view = { x: 0, y: 0, s: 1 };
  var MIN = 0.02, MAX = 8;
  // The drawing area's place and size, read when it changes (not on every event).
  var box = { left: 0, top: 0, w: 0, h: 0 };
  function measure() {
    var r = viewport.getBoundingClientRect();
    box.left = r.left; box.top = r.top; box.w = viewport.clientWidth; box.h = viewport.clientHeight;
  }
  var frame = 0, settle = 0, drawnScale = 0, raster = 1, RASTER_BUDGET = large ? 8e6 : 24e6;
  function rasterScale(s) {
    var cap = Math.sqrt(RASTER_BUDGET / (size.w * size.h)) / (window.devicePixelRatio || 1);
    return Math.min(s, cap);
  }
  function drawAt(m) {
    raster = m;
    svg.style.transform = m === 1 ? '' : 'scale(' + m + ')';
  }
  // Wheel and drag ask for a frame; a key, a button or a selection moves the view at once.
  function schedule() { if (!frame) frame = requestAnimationFrame(draw); }
  function apply() { if (frame) cancelAnimationFrame(frame); draw(); }
  function draw() {
    frame = 0;
    canvas.style.transform = 'translate(' + view.x + 'px,' + view.y + 'px) scale(' + view.s / raster + ')';
    if (view.s !== drawnScale) { clearTimeout(settle); settle = setTimeout(settled, 200); }
  }
  function settled() {
    if (drag) { settle = setTimeout(settled, 200); return; }
    detail();
    if (view.s === drawnScale) return;
    drawnScale = view.s;
    // Drawn again inside the layer at the new scale (up to the budget), the screen unchanged.
    var m = rasterScale(view.s);
    if (m === raster) return;
    drawAt(m);
    draw();
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
    // Drawn at the fitted scale in a layer at scale 1 (the first frame makes the layer so).
    drawnScale = view.s;
    if (rasterScale(view.s) !== raster) drawAt(rasterScale(view.s));
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

"""#
}
