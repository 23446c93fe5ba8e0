/* The page's form: posts the proposal as the contract's JSON to /api/consult and shows the HTML
   report it returns in place (with the plot), or the API's field message when the input is wrong. */
(function () {
  var form = document.getElementById('proposal');
  var status = document.getElementById('status');
  var errorBox = document.getElementById('error');
  var report = document.getElementById('report');
  function num(id) { var v = document.getElementById(id).value.trim(); return v === '' ? undefined : Number(v); }
  function text(id) { var v = document.getElementById(id).value.trim(); return v === '' ? undefined : v; }
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var proposal = {
      model: text('model'), method: text('method'), sequenceLength: num('sequenceLength'), epochs: num('epochs'),
      budgetUsd: num('budgetUsd'), deadlineHours: num('deadlineHours'), region: text('region'),
      objective: text('objective')
    };
    var spot = text('spotAllowed');
    if (spot !== undefined) proposal.spotAllowed = spot === 'true';
    var tokens = text('tokens');
    if (tokens !== undefined) proposal.dataset = { tokens: tokens };
    errorBox.textContent = '';
    status.textContent = status.getAttribute('data-working');
    fetch('/api/consult?format=html&lang=' + encodeURIComponent(form.getAttribute('data-lang')), {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(proposal)
    }).then(function (res) {
      return res.text().then(function (body) { return { ok: res.ok, body: body }; });
    }).then(function (r) {
      status.textContent = '';
      if (!r.ok) {
        var msg = r.body;
        try { msg = JSON.parse(r.body).error; } catch (e) { /* not JSON: show as is */ }
        errorBox.textContent = status.getAttribute('data-error') + ': ' + msg;
        report.innerHTML = '';
        return;
      }
      report.innerHTML = r.body;
      ftadvisorPlot(report);
      report.setAttribute('data-ready', 'true');
    }).catch(function (e) {
      status.textContent = '';
      errorBox.textContent = status.getAttribute('data-error') + ': ' + e;
    });
  });
})();
