/* The presidium's screen: the figures of attendance, fetched every few seconds without reloading. */
(function () {
  "use strict";
  var root = document.getElementById("presidium");
  if (!root) return;
  function refresh() {
    fetch(root.dataset.url, { credentials: "same-origin", cache: "no-store" })
      .then(function (response) { if (!response.ok) throw new Error(); return response.json(); })
      .then(function (data) {
        root.querySelectorAll("[data-live]").forEach(function (node) {
          var value = data[node.dataset.live];
          if (value !== undefined && value !== null) node.textContent = value;
        });
        var meter = root.querySelector("[data-live-meter]");
        if (meter) { meter.max = Math.max(data.roster, 1); meter.value = data.present; }
        var share = document.getElementById("presidium-share");
        share.className = "alert " + (data.share_ok ? "alert-success" : "alert-warning");
        data.categories.forEach(function (c) {
          var row = root.querySelector('tr[data-category="' + c.category + '"]');
          if (!row) return;
          ["roster", "present", "yes", "pending", "no"].forEach(function (col) {
            row.querySelector('[data-col="' + col + '"]').textContent = c[col];
          });
        });
        document.getElementById("presidium-at").textContent = data.at;
      })
      .catch(function () { /* keep the last figures; try again */ });
  }
  setInterval(refresh, parseInt(root.dataset.interval || "5000", 10));
})();
