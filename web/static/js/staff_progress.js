// Live progress for an ingestion batch: poll the status endpoint every second, reload when finished.
(function () {
  "use strict";
  var bar = document.querySelector(".progress[data-status-url]");
  if (!bar) return;
  var url = bar.getAttribute("data-status-url");
  function tick() {
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin", cache: "no-store" })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (data) {
        bar.querySelector(".progress-fill").style.width = data.percent + "%";
        bar.setAttribute("aria-valuenow", data.percent);
        document.querySelectorAll("[data-field]").forEach(function (el) {
          var key = el.getAttribute("data-field");
          if (key in data) el.textContent = data[key];
        });
        if (data.finished) { window.location.reload(); } else { setTimeout(tick, 1000); }
      })
      .catch(function () { setTimeout(tick, 3000); });
  }
  setTimeout(tick, 1000);
})();
