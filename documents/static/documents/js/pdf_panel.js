// Polls the PDF status of the page while a render job is open; no reload needed.
(function () {
  "use strict";
  function render(panel, data) {
    var status = panel.querySelector("[data-pdf-status]");
    var error = panel.querySelector("[data-pdf-error]");
    var list = panel.querySelector("[data-pdf-versions]");
    if (data.job) {
      status.textContent = data.job.status_label + " (" + data.job.reason + ", " + data.job.created_at + ")";
      error.hidden = !(data.job.status === "failed" && data.job.error);
      error.querySelector("span").textContent = data.job.error || "";
    }
    list.replaceChildren();
    if (!data.versions.length) {
      var empty = document.createElement("li");
      empty.textContent = "Noch keine Version.";
      list.appendChild(empty);
    }
    data.versions.forEach(function (v) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = v.url;
      link.textContent = "Version " + v.version;
      item.appendChild(link);
      item.appendChild(document.createTextNode(" – " + v.created_at + ", " + v.page_count + " Seite(n)"));
      list.appendChild(item);
    });
  }
  function poll(panel) {
    fetch(panel.dataset.pdfStatusUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data) { return; }
        render(panel, data);
        window.setTimeout(function () { poll(panel); }, data.busy ? 2000 : 10000);
      })
      .catch(function () { window.setTimeout(function () { poll(panel); }, 15000); });
  }
  function start() {
    document.querySelectorAll(".documents-pdf-panel[data-pdf-status-url]").forEach(function (panel) {
      if (panel.dataset.polling) { return; }
      panel.dataset.polling = "1";
      window.setTimeout(function () { poll(panel); }, panel.dataset.busy === "1" ? 1500 : 5000);
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
