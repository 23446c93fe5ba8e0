/* Draws the cost-against-hours plot of each .ftadvisor-plot element with uPlot: one point per plan
   (labelled with its rank), the budget as a horizontal line and the deadline as a vertical one.
   The data sits in the element's <script type="application/json"> so the report works offline. */
function ftadvisorPlot(root) {
  (root || document).querySelectorAll('.ftadvisor-plot').forEach(function (el) {
    var d = JSON.parse(el.querySelector('script[type="application/json"]').textContent);
    var pts = d.points.slice().sort(function (a, b) { return a.hours - b.hours; });
    var xs = pts.map(function (p) { return p.hours; });
    var ys = pts.map(function (p) { return p.cost; });
    // A budget or deadline far beyond every plan would squash the points into a corner: past 4x the
    // largest plan value it is named at the plot's edge (with an arrow) instead of drawn to scale.
    var maxPtX = Math.max.apply(null, xs.concat([0.1])), maxPtY = Math.max.apply(null, ys.concat([0.01]));
    var drawDeadline = d.deadline != null && d.deadline <= maxPtX * 4;
    var drawBudget = d.budget != null && d.budget <= maxPtY * 4;
    var maxX = Math.max(maxPtX, drawDeadline ? d.deadline : 0) * 1.15;
    var maxY = Math.max(maxPtY, drawBudget ? d.budget : 0) * 1.15;
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
      // labels at the far end of each line, clear of the axes, of each other and of the points near the origin
      if (axis === 'y') ctx.fillText(text, b.left + b.width - ctx.measureText(text).width - 6, pos + 16);
      else ctx.fillText(text, pos + 6, b.top + 14);
      ctx.restore();
    }
    function offScale(u, text, color, dy) {
      var ctx = u.ctx, b = u.bbox;
      ctx.save(); ctx.fillStyle = color; ctx.font = 'bold 12px sans-serif';
      ctx.fillText(text, b.left + b.width - ctx.measureText(text).width - 6, b.top + dy);
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
        if (drawBudget) line(u, d.budget, 'y', d.t.budget, '#cf222e');
        else if (d.budget != null) offScale(u, '\u2191 ' + d.t.budget, '#cf222e', 14);
        if (drawDeadline) line(u, d.deadline, 'x', d.t.deadline, '#9a6700');
        else if (d.deadline != null) offScale(u, d.t.deadline + ' \u2192', '#9a6700', 30);
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
