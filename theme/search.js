// brief search: loads the site's search index once and searches titles,
// bottom lines, actors and text in the browser. No other host is asked.
(function () {
  "use strict";
  var form = document.querySelector("form.search");
  if (!form) return;
  var input = document.getElementById("q");
  var list = document.getElementById("results");
  var status = document.getElementById("search-status");
  var docs = null;

  function norm(s) {
    return (s || "").toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  }
  function json(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error("index " + r.status);
      return r.json();
    });
  }
  // The index lists its shards; they load in parallel.
  function load() {
    if (docs) return Promise.resolve(docs);
    return json(form.getAttribute("data-index")).then(function (idx) {
      return Promise.all((idx.shards || []).map(json));
    }).then(function (parts) {
      docs = [];
      parts.forEach(function (part) {
        part.forEach(function (x) {
          docs.push({ d: x, t: norm(x.t), s: norm(x.s), a: norm(x.a), x: norm(x.x) });
        });
      });
      return docs;
    });
  }
  // score: every query term must appear somewhere; phrases in quotes too.
  function score(doc, terms) {
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var t = terms[i], s = 0;
      if (doc.t.indexOf(t) >= 0) s += 8;
      if (doc.a.indexOf(t) >= 0) s += 5;
      if (doc.s.indexOf(t) >= 0) s += 3;
      if (doc.x.indexOf(t) >= 0) s += 1;
      if (!s) return 0;
      total += s;
    }
    return total;
  }
  function terms(q) {
    var out = [], re = /"([^"]+)"|(\S+)/g, m;
    q = norm(q);
    while ((m = re.exec(q))) out.push(m[1] || m[2]);
    return out;
  }
  function show(q) {
    var ts = terms(q);
    list.textContent = "";
    if (!ts.length) { status.textContent = ""; return; }
    var hits = [];
    docs.forEach(function (doc) {
      var s = score(doc, ts);
      if (s) hits.push({ s: s, doc: doc.d });
    });
    hits.sort(function (a, b) { return b.s - a.s || (a.doc.d < b.doc.d ? 1 : -1); });
    status.textContent = hits.length + (hits.length === 1 ? " briefing matches" : " briefings match") + " “" + q + "”.";
    hits.slice(0, 50).forEach(function (h) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = h.doc.u;
      a.textContent = h.doc.t;
      var meta = document.createElement("p");
      meta.className = "meta";
      meta.textContent = h.doc.d + (h.doc.a ? " · " + h.doc.a : "");
      var s = document.createElement("p");
      s.textContent = h.doc.s;
      li.appendChild(a); li.appendChild(meta); li.appendChild(s);
      list.appendChild(li);
    });
  }
  function run() {
    var q = input.value.trim();
    load().then(function () { show(q); }, function (e) {
      status.textContent = "The search index could not be loaded (" + e.message + ").";
    });
  }
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    history.replaceState(null, "", "?q=" + encodeURIComponent(input.value.trim()));
    run();
  });
  var timer;
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 120); });
  // "/" focuses the search box. Registered once a page: brief serve runs
  // this script again when it updates the page in place, and the box is
  // looked up when the key is pressed.
  if (!window.briefSearchKey) {
    window.briefSearchKey = true;
    document.addEventListener("keydown", function (e) {
      var box = document.getElementById("q");
      if (e.key === "/" && box && document.activeElement !== box) { e.preventDefault(); box.focus(); }
    });
  }
  var q = new URLSearchParams(location.search).get("q");
  if (q) { input.value = q; run(); } else { input.focus(); }
})();
