// brief: the timeline's actor filter. Without JavaScript every event shows.
(function () {
  "use strict";
  var form = document.querySelector("form[data-filter]");
  if (!form) return;
  var select = form.querySelector("select");
  form.hidden = false;
  function apply() {
    var v = select.value;
    document.querySelectorAll("ol.events > li").forEach(function (li) {
      li.hidden = v !== "" && (" " + li.getAttribute("data-actors") + " ").indexOf(" " + v + " ") < 0;
    });
    document.querySelectorAll("section.year").forEach(function (sec) {
      sec.hidden = !sec.querySelector("ol.events > li:not([hidden])");
    });
    history.replaceState(null, "", v ? "#actor=" + v : location.pathname);
  }
  select.addEventListener("change", apply);
  var m = /actor=([^&]+)/.exec(location.hash);
  if (m) { select.value = decodeURIComponent(m[1]); apply(); }
})();

// Sortable tables (the actor and place indexes): a button in each column
// head sorts by that column; numbers sort as numbers. Without JavaScript
// the tables stay in brief's order (most briefings first).
(function () {
  "use strict";
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var heads = table.querySelectorAll("thead th");
    heads.forEach(function (th, col) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var asc = th.getAttribute("aria-sort") !== "ascending";
        heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var numeric = th.classList.contains("num");
        rows.sort(function (a, b) {
          var x = a.cells[col].textContent.trim(), y = b.cells[col].textContent.trim();
          var d = numeric ? Number(x) - Number(y) : x.localeCompare(y);
          return asc ? d : -d;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
})();
