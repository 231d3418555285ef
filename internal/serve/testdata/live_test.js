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
global.location = { href: 'http://h/a/', origin: 'http://h', reload() { reloads++; } };
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
assert(s.url === '/_brief/events', 'connects');
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
