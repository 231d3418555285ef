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
