/* Document jobs: poll each unfinished job's JSON status and move its progress bar;
   reload the page when a job finishes so its download or retry button appears. */
(function () {
  "use strict";
  var rows = document.querySelectorAll("[data-report-status-url]");
  if (!rows.length) { return; }
  var pending = Array.prototype.filter.call(rows, function (row) {
    return row.getAttribute("data-finished") !== "true";
  });
  if (!pending.length) { return; }

  function update(row, data) {
    var bar = row.querySelector(".progress-bar");
    var label = row.querySelector("[data-report-status-label]");
    if (bar) {
      bar.style.width = data.progress + "%";
      bar.setAttribute("aria-valuenow", data.progress);
      bar.textContent = data.progress + "%";
    }
    if (label) { label.textContent = data.status_label; }
  }

  function poll() {
    var requests = pending.map(function (row) {
      return fetch(row.getAttribute("data-report-status-url"), {
        credentials: "same-origin", headers: { "Accept": "application/json" }
      }).then(function (response) {
        return response.ok ? response.json() : null;
      }).then(function (data) {
        if (!data) { return false; }
        update(row, data);
        return data.finished;
      }).catch(function () { return false; });
    });
    Promise.all(requests).then(function (finished) {
      if (finished.some(Boolean)) {
        window.location.reload();
      } else {
        window.setTimeout(poll, 1500);
      }
    });
  }
  window.setTimeout(poll, 1000);
})();
