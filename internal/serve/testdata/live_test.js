// Exercises live.js against a minimal fake DOM and EventSource; run by
// TestLiveScript when node is installed: node live_test.js ../live.js
const fs = require('fs');
const src = fs.readFileSync(process.argv[2], 'utf8');
let reloads = 0, sources = [], appended = [], removed = 0, keyHandlers = [];
function el(tag) {
  const e = { tag, attrs: {}, children: [], listeners: {}, textContent: '', className: '', id: '',
    setAttribute(k, v) { this.attrs[k] = v; }, getAttribute(k) { return this.attrs[k]; },
    appendChild(c) { this.children.push(c); c.parent = this; return c; },
    addEventListener(t, f) { (this.listeners[t] ||= []).push(f); },
    attachShadow() { this.shadow = el('#shadow'); return this.shadow; },
    remove() { removed++; this.removed = true; },
    cloneNode() { const c = el(this.tag); c.href = this.href; c.rel = this.rel; return c; },
    after(n) { appended.push(n); } };
  return e;
}
const links = [Object.assign(el('link'), { href: 'http://h/theme/site.css', rel: 'stylesheet' }),
               Object.assign(el('link'), { href: 'http://h/other.css?v=1', rel: 'stylesheet' }),
               Object.assign(el('link'), { href: 'https://cdn/x.css', rel: 'stylesheet' })];
const body = el('body');
global.window = {};
global.location = { href: 'http://h/a/', pathname: '/a/', origin: 'http://h', reload() { reloads++; } };
global.document = {
  currentScript: Object.assign(el('script'), { attrs: { 'data-build': 'p-1' } }),
  body, documentElement: el('html'),
  createElement: el,
  querySelectorAll() { return links; },
  addEventListener(t, f) { keyHandlers.push(f); },
};
class ES { constructor(u) { this.url = u; this.l = {}; this.readyState = 1; sources.push(this); }
  addEventListener(t, f) { (this.l[t] ||= []).push(f); }
  emit(t, d) { (this.l[t] || []).forEach(f => f(d === undefined ? { type: t } : { type: t, data: JSON.stringify(d) })); }
  close() { this.closed = true; } }
ES.CLOSED = 2;
global.EventSource = ES;
global.setTimeout = (f, ms) => { f(); };
eval(src);
const s = sources[0];
const assert = (c, m) => { if (!c) { console.log('FAIL', m); process.exitCode = 1; } else console.log('ok', m); };
assert(s.url === '/_brief/events?page=%2Fa%2F', 'connects, saying its page: ' + s.url);
s.emit('hello', { build: 'p-1' }); assert(reloads === 0, 'same build: no reload');
s.emit('error', { message: '<b>bad</b>', file: 'a.md', line: 3 });
const host = body.children[0];
assert(host && host.tag === 'brief-overlay', 'overlay shown');
const box = host.shadow.children[1];
assert(box.children.some(c => c.textContent === 'a.md:3'), 'file:line shown');
assert(box.children.some(c => c.textContent === '<b>bad</b>'), 'message as text');
keyHandlers[0]({ key: 'Escape' }); assert(host.removed, 'Escape dismisses');
s.emit('error', { message: 'again' }); const host2 = body.children[1];
s.emit('ok', { build: 'p-1' }); assert(host2.removed, 'ok clears');
s.emit('css', { build: 'p-2', paths: ['/theme/site.css'] });
assert(appended.length === 1 && appended[0].href === 'http://h/theme/site.css?_brief=p-2', 'css swapped: ' + appended.map(a => a.href));
appended[0].listeners.load[0](); assert(links[0].removed, 'old sheet removed on load');
s.emit('hello', { build: 'p-2' }); assert(reloads === 0, 'after css, reconnect with p-2: no reload');
s.emit('hello', { build: 'q-0' }); assert(reloads === 1, 'restart: reload');
s.emit('reload', { build: 'p-3' }); assert(reloads === 2, 'reload event');
s.readyState = 2; s.emit('error'); assert(sources.length === 2, 'reconnects after refused stream');

// update: the new page's body put in place when its head loads the same
// stylesheets and scripts; a reload when the fetch fails, the answer is
// not an HTML page, or the head differs.
(async () => {
  const node = (tag, attrs, text) => Object.assign(el(tag), { tagName: tag.toUpperCase(), attrs: { ...attrs }, textContent: text || '',
    get attributes() { return Object.entries(this.attrs).map(([name, value]) => ({ name, value })); } });
  const head = (extra) => { const list = [node('link', { rel: 'stylesheet', href: '/theme/style.css' }), node('script', { src: '/_brief/live.js' }),
    node('script', { src: '/theme/brief.js', defer: '' }), ...(extra || [])];
    return { querySelectorAll(sel) { return sel === 'script' ? list.filter(n => n.tag === 'script') : list; } }; };
  let answer, replaced = null, added = [], scrolled = null;
  const oldBody = Object.assign(el('body'), { replaceWith(b) { replaced = b; document.body = b; }, querySelectorAll() { return []; } });
  document.body = oldBody;
  document.head = Object.assign(head(), { appendChild(c) { added.push(c); return c; } });
  document.adoptNode = (n) => n;
  window.scrollX = 0; window.scrollY = 120; window.scrollTo = (x, y) => { scrolled = [x, y]; };
  window.fetch = global.fetch = async () => answer;
  const bodyScript = Object.assign(node('script', {}, 'inline()'), { replaceWith(c) { this.replacedBy = c; } });
  const newBody = { querySelectorAll() { return [bodyScript]; } };
  const page = () => ({ ok: true, redirected: false, headers: { get: () => 'text/html; charset=utf-8' }, text: async () => '<html>' });
  const settle = () => new Promise(r => setImmediate(r));
  const parsed = (h) => { window.DOMParser = global.DOMParser = class { parseFromString() { return { body: newBody, head: h, title: 'New' }; } }; };

  let before = reloads;
  answer = { ok: false, headers: { get: () => 'text/html' } };
  s.emit('reload', { build: 'p-4' }); await settle(); await settle();
  assert(reloads === before + 1, 'update: a failed fetch reloads');

  before = reloads;
  answer = page(); parsed(head([node('link', { rel: 'stylesheet', href: '/theme/new.css' })]));
  s.emit('reload', { build: 'p-5' }); await settle(); await settle(); await settle();
  assert(reloads === before + 1 && replaced === null, 'update: another stylesheet in the head reloads');

  before = reloads;
  answer = page(); parsed(head());
  s.emit('reload', { build: 'p-6' }); await settle(); await settle(); await settle();
  assert(reloads === before, 'update: the same head does not reload');
  assert(replaced === newBody, 'update: the new body is put in place');
  assert(document.title === 'New', 'update: the title follows');
  assert(scrolled && scrolled[1] === 120, 'update: the scroll position stays');
  assert(added.length === 1 && added[0].src === 'http://h/theme/brief.js?_brief=p-6', 'update: the head script runs again: ' + added.map(a => a.src));
  assert(bodyScript.replacedBy && bodyScript.replacedBy.textContent === 'inline()', 'update: a body script runs again');
  s.emit('hello', { build: 'p-6' }); assert(reloads === before, 'update: reconnect with the new build: no reload');

  // Two updates whose fetches answer out of order: the later one's page stays.
  const bodies = [{ querySelectorAll() { return []; }, n: 7 }, { querySelectorAll() { return []; }, n: 8 }];
  const waiting = [];
  window.fetch = global.fetch = () => new Promise(res => waiting.push(res));
  window.DOMParser = global.DOMParser = class { parseFromString(html) { return { body: bodies[Number(html) - 7], head: head(), title: 'T' + html }; } };
  document.body = Object.assign(el('body'), { replaceWith(b) { replaced = b; document.body = b; b.replaceWith = this.replaceWith; }, querySelectorAll() { return []; } });
  s.emit('reload', { build: 'p-7' }); s.emit('reload', { build: 'p-8' });
  const answer2 = (n) => ({ ok: true, redirected: false, headers: { get: () => 'text/html' }, text: async () => String(n) });
  waiting[1](answer2(8)); await settle(); await settle(); await settle();
  waiting[0](answer2(7)); await settle(); await settle(); await settle();
  assert(replaced === bodies[1] && document.title === 'T8', 'update: an older answer that comes later is dropped (shown: ' + document.title + ')');

  // A page event for this page: its HTML is put in place without a fetch;
  // for another page (the path changed since it connected), it fetches.
  let fetches = 0;
  window.fetch = global.fetch = async () => { fetches++; return answer2(8); };
  const s2 = sources[sources.length - 1];
  s2.emit('page', { build: 'p-9', path: '/a/', html: '7' }); await settle(); await settle(); await settle();
  assert(fetches === 0 && replaced === bodies[0] && document.title === 'T7', 'page: its html shown without a fetch (' + fetches + ' fetches, shown: ' + document.title + ')');
  s2.emit('page', { build: 'p-10', path: '/b/', html: '7' }); await settle(); await settle(); await settle();
  assert(fetches === 1 && replaced === bodies[1] && document.title === 'T8', 'page: another path fetches (' + fetches + ' fetches, shown: ' + document.title + ')');
})();
