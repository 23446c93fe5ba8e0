/* Draws the cost-against-hours plot of each .ftadvisor-plot element with uPlot: one point per plan
   (labelled with its rank), the budget as a horizontal line and the deadline as a vertical one.
   The data sits in the element's <script type="application/json"> so the report works offline. */
function ftadvisorPlot(root) {
  (root || document).querySelectorAll('.ftadvisor-plot').forEach(function (el) {
    var d = JSON.parse(el.querySelector('script[type="application/json"]').textContent);
    var pts = d.points.slice().sort(function (a, b) { return a.hours - b.hours; });
    var xs = pts.map(function (p) { return p.hours; });
    var ys = pts.map(function (p) { return p.cost; });
    var maxX = Math.max.apply(null, xs.concat([d.deadline || 0, 1])) * 1.15;
    var maxY = Math.max.apply(null, ys.concat([d.budget || 0, 1])) * 1.15;
    var canvasEl = el.querySelector('.plot-canvas');
    canvasEl.innerHTML = '';
    function line(u, v, axis, text, color) {
      var ctx = u.ctx, b = u.bbox, pos = u.valToPos(v, axis, true);
      ctx.save();
      ctx.strokeStyle = color; ctx.fillStyle = color; ctx.setLineDash([6, 4]); ctx.lineWidth = 2;
      ctx.beginPath();
      if (axis === 'y') { ctx.moveTo(b.left, pos); ctx.lineTo(b.left + b.width, pos); }
      else { ctx.moveTo(pos, b.top); ctx.lineTo(pos, b.top + b.height); }
      ctx.stroke();
      ctx.font = '12px sans-serif';
      // labels at the far end of each line, clear of the axes and of the points near the origin
      if (axis === 'y') ctx.fillText(text, b.left + b.width - ctx.measureText(text).width - 6, pos - 6);
      else ctx.fillText(text, pos + 6, b.top + 14);
      ctx.restore();
    }
    var opts = {
      title: d.t.title, width: Math.max(320, Math.min(900, el.clientWidth || 720)), height: 320,
      scales: { x: { time: false, range: function () { return [0, maxX]; } },
                y: { range: function () { return [0, maxY]; } } },
      axes: [{ label: d.t.hours }, { label: d.t.cost, size: 70 }],
      legend: { show: false },
      series: [{}, { label: d.t.plans, stroke: '#1f6feb', paths: function () { return null; },
                     points: { show: true, size: 9, fill: '#1f6feb' } }],
      hooks: { draw: [function (u) {
        if (d.budget != null) line(u, d.budget, 'y', d.t.budget, '#cf222e');
        if (d.deadline != null) line(u, d.deadline, 'x', d.t.deadline, '#9a6700');
        var ctx = u.ctx;
        ctx.save(); ctx.fillStyle = '#24292f'; ctx.font = '11px sans-serif';
        pts.forEach(function (p) {
          ctx.fillText('#' + p.rank, u.valToPos(p.hours, 'x', true) + 7, u.valToPos(p.cost, 'y', true) - 5);
        });
        ctx.restore();
      }] }
    };
    new uPlot(opts, [xs, ys], canvasEl);
    el.setAttribute('data-drawn', String(pts.length));
  });
}
