// Live reload for `brief serve`. Injected into served pages only, never
// written to the site. Protocol: see the package comment of internal/serve.
(function () {
  "use strict";
  if (window.__briefLive) return;
  window.__briefLive = true;

  var me = document.currentScript;
  var build = (me && me.getAttribute("data-build")) || "";
  var source = null;
  var wait = 500;
  var host = null;

  function connect() {
    // The page shown, so that a reload event brings it along (page).
    source = new EventSource("/_brief/events?page=" + encodeURIComponent(location.pathname));
    source.addEventListener("hello", function (e) {
      wait = 500;
      var d = JSON.parse(e.data);
      if (d.build !== build) location.reload();
    });
    source.addEventListener("reload", function (e) {
      var d = {};
      try { d = JSON.parse(e.data); } catch (err) {}
      update(d.build || "");
    });
    source.addEventListener("page", function (e) {
      var d = {};
      try { d = JSON.parse(e.data); } catch (err) {}
      update(d.build || "", d.path === location.pathname ? d.html : undefined);
    });
    source.addEventListener("css", function (e) {
      var d = JSON.parse(e.data);
      build = d.build;
      hide();
      swapCSS(d.paths || [], d.build);
    });
    source.addEventListener("ok", function (e) {
      hide();
    });
    source.addEventListener("error", function (e) {
      if (typeof e.data === "string") { show(JSON.parse(e.data)); return; }
      // A lost connection: the browser retries by itself unless the stream
      // was refused; then retry here, backing off to 5s.
      if (source.readyState === EventSource.CLOSED) {
        source.close();
        setTimeout(connect, wait);
        wait = Math.min(wait * 2, 5000);
      }
    });
  }

  // update shows the page of the new build without a reload: it fetches
  // the page again (unless the event brought it: html) and puts its body
  // in place of this one, so that the stylesheets stay loaded and the
  // scroll position stays, and runs the page's scripts again on the new
  // body. This is about half a reload's time. The page reloads instead
  // when the new one is not a page (an error, a redirect), when its head
  // loads other stylesheets or scripts, or when anything fails.
  var updates = 0; // the latest update: an older one that answers later is dropped
  function update(id, html) {
    if (!window.DOMParser || (typeof html !== "string" && !window.fetch)) { location.reload(); return; }
    var mine = ++updates;
    var got = typeof html === "string" ? Promise.resolve(html) :
      fetch(location.href, { cache: "no-store", credentials: "same-origin" }).then(function (r) {
        var type = r.headers.get("Content-Type") || "";
        if (!r.ok || r.redirected || type.indexOf("text/html") !== 0) throw new Error("not a page");
        return r.text();
      });
    got.then(function (html) {
      if (mine !== updates) return;
      var doc = new DOMParser().parseFromString(html, "text/html");
      if (!doc.body || !doc.head || assets(doc) !== assets(document)) throw new Error("other assets");
      var x = window.scrollX, y = window.scrollY;
      build = id || build;
      hide();
      document.title = doc.title;
      document.body.replaceWith(document.adoptNode(doc.body));
      rerun(doc.head, id);
      window.scrollTo(x, y);
    }).catch(function () { location.reload(); });
  }

  // assets is what a document's head loads or holds for the page's look
  // and behaviour: its stylesheets, scripts and style elements (this
  // script and brief serve's other paths aside).
  function assets(doc) {
    var out = [];
    doc.head.querySelectorAll('link[rel~="stylesheet"], script, style').forEach(function (n) {
      var u = n.getAttribute("href") || n.getAttribute("src") || "";
      if (u.indexOf("/_brief/") >= 0) return;
      out.push(n.tagName + " " + u + " " + (u ? "" : n.textContent));
    });
    return out.join("\n");
  }

  // rerun runs the page's scripts again, in order, as the new body's: those
  // of the head (which ran on the old body; the new head's copies, since
  // assets found them the same) and those of the body, which the parser
  // left inert. A copy of a script is a new element, which the browser
  // runs; head copies are removed once run.
  function rerun(head, id) {
    var scripts = [];
    head.querySelectorAll("script").forEach(function (n) {
      if ((n.getAttribute("src") || "").indexOf("/_brief/") < 0) scripts.push([n, null]);
    });
    document.body.querySelectorAll("script").forEach(function (n) { scripts.push([n, n]); });
    scripts.forEach(function (pair) {
      var old = pair[0], copy = document.createElement("script");
      for (var i = 0; i < old.attributes.length; i++) copy.setAttribute(old.attributes[i].name, old.attributes[i].value);
      if (old.getAttribute("src")) {
        var u = new URL(old.getAttribute("src"), location.href);
        if (u.origin === location.origin) u.searchParams.set("_brief", id); // modules run once per URL
        copy.src = u.href;
        copy.async = false; // in order, as the parser ran them
      } else {
        copy.textContent = old.textContent;
      }
      if (pair[1]) {
        pair[1].replaceWith(copy);
      } else {
        copy.addEventListener("load", function () { copy.remove(); });
        copy.addEventListener("error", function () { copy.remove(); });
        document.head.appendChild(copy);
        if (!old.getAttribute("src")) copy.remove();
      }
    });
  }

  function swapCSS(paths, id) {
    var links = document.querySelectorAll('link[rel~="stylesheet"]');
    var matched = [];
    links.forEach(function (l) {
      var u = new URL(l.href, location.href);
      if (u.origin !== location.origin) return;
      var hit = paths.length === 0 || paths.some(function (p) {
        return u.pathname === p || u.pathname.slice(-p.length) === p;
      });
      if (hit) matched.push(l);
    });
    if (matched.length === 0) links.forEach(function (l) { matched.push(l); });
    matched.forEach(function (l) {
      var u = new URL(l.href, location.href);
      if (u.origin !== location.origin) return;
      u.searchParams.set("_brief", id);
      var next = l.cloneNode(false);
      next.href = u.href;
      next.addEventListener("load", function () { l.remove(); });
      next.addEventListener("error", function () { next.remove(); });
      l.after(next);
    });
  }

  var style =
    ":host{all:initial}" +
    ".box{position:fixed;top:0;left:0;right:0;max-height:70vh;overflow:auto;z-index:2147483647;" +
    "box-sizing:border-box;margin:0;padding:1rem 4rem 1rem 1.25rem;" +
    "font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;" +
    "background:#fff8f7;color:#1f1f1f;border-bottom:4px solid #c62828;box-shadow:0 4px 16px rgba(0,0,0,.3)}" +
    "h2{margin:0 0 .5rem;font:bold 15px/1.4 system-ui,sans-serif;color:#b71c1c}" +
    ".where{margin:0 0 .5rem;font-weight:bold}" +
    "pre{margin:0;white-space:pre-wrap;overflow-wrap:anywhere;font:inherit}" +
    "button{position:absolute;top:.6rem;right:.75rem;padding:.2rem .6rem;font:18px/1 system-ui,sans-serif;" +
    "color:inherit;background:transparent;border:1px solid currentColor;border-radius:4px;cursor:pointer}" +
    "button:focus-visible{outline:3px solid #1565c0;outline-offset:2px}" +
    "@media (prefers-color-scheme:dark){.box{background:#2b1d1d;color:#f3eaea;border-bottom-color:#ef5350}" +
    "h2{color:#ff8a80}button:focus-visible{outline-color:#90caf9}}";

  function show(d) {
    hide();
    host = document.createElement("brief-overlay");
    var root = host.attachShadow({ mode: "open" });
    var css = document.createElement("style");
    css.textContent = style;
    var box = document.createElement("div");
    box.className = "box";
    box.setAttribute("role", "alertdialog");
    box.setAttribute("aria-labelledby", "t");
    var h = document.createElement("h2");
    h.id = "t";
    h.textContent = "Build failed — showing the last good site";
    box.appendChild(h);
    if (d.file) {
      var where = document.createElement("p");
      where.className = "where";
      where.textContent = d.file + (d.line ? ":" + d.line : "");
      box.appendChild(where);
    }
    var pre = document.createElement("pre");
    pre.textContent = d.message || "";
    box.appendChild(pre);
    var close = document.createElement("button");
    close.type = "button";
    close.setAttribute("aria-label", "Dismiss");
    close.textContent = "×";
    close.addEventListener("click", hide);
    box.appendChild(close);
    root.appendChild(css);
    root.appendChild(box);
    (document.body || document.documentElement).appendChild(host);
  }

  function hide() {
    if (host) { host.remove(); host = null; }
  }

  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") hide();
  });

  connect();
})();
