// reload.mjs measures what DESIGN.md §8 asks of `brief serve`: how long an
// edit takes to be visible in the browser. Against a running `brief serve`,
// it opens URL (the briefing page of ARTICLE) in Debian's Chromium, then N
// times: appends a sentence with a word of its own to ARTICLE, and times
// from the write until the page shows the word (the briefing's source text
// holds every sentence), whether live.js put the new body in place or
// reloaded the page. Two seconds of quiet before each edit; the article is
// restored at the end.
//
// Times, from the write:
//   - painted: the page's own clock at the end of the first frame after
//     live.js put the new body in place (requestAnimationFrame, then a task
//     after it), the moment the edit is on screen; for an edit shown by a
//     reload, seen below;
//   - seen: when Playwright, polling the page every 50 ms, finds the word
//     (a coarse upper bound; polling more often takes the CPU the build
//     needs on a 2-core machine);
//   - reload event: when the server's reload event reaches this script,
//     which listens to /_brief/events itself (the watcher's quiet and the
//     build); painted minus it is the browser's part (fetch, parse, swap,
//     frame).
//
//	(cd e2e && npm ci)
//	node e2e/reload.mjs http://127.0.0.1:PORT/briefings/SLUG/ SITE/content/articles/.../ARTICLE.txt [N]
import { chromium } from "playwright-core";
import fs from "node:fs";

const [url, file, count = "8"] = process.argv.slice(2);
if (!url || !file) {
  console.error("usage: node e2e/reload.mjs URL ARTICLE [N]");
  process.exit(2);
}
const orig = fs.readFileSync(file);
// The arrival of each reload event, on the script's own clock.
const events = [];
const stream = new AbortController();
fetch(new URL("/_brief/events", url), { signal: stream.signal }).then(async (r) => {
  const dec = new TextDecoder();
  let buf = "";
  for await (const chunk of r.body) {
    buf += dec.decode(chunk, { stream: true });
    for (let i; (i = buf.indexOf("\n\n")) >= 0; buf = buf.slice(i + 2)) {
      if (buf.slice(0, i).split("\n").includes("event: reload")) events.push(performance.now());
    }
  }
}).catch(() => {});
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const times = []; // save -> seen, per edit
const painted = []; // save -> painted
const toEvent = []; // save -> reload event
let reloads = 0; // edits shown by reloading the page, not in place
try {
  const page = await browser.newPage();
  // The end of the first frame after each body swap, as epoch ms.
  await page.addInitScript(() => {
    window.__painted = [];
    document.addEventListener("DOMContentLoaded", () => {
      new MutationObserver(() => requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => window.__painted.push(performance.timeOrigin + performance.now());
        ch.port2.postMessage(0);
      })).observe(document.documentElement, { childList: true });
    });
  });
  await page.goto(url);
  await page.evaluate(() => { window.__kept = true; }); // gone after a reload
  for (let i = 0; i < Number(count); i++) {
    await page.waitForTimeout(2000);
    const word = `Quillfeather${process.pid % 1000}x${i}`;
    const t0 = performance.now();
    const epoch0 = performance.timeOrigin + t0;
    fs.appendFileSync(file, `\n\n${word} said the committee met again on Tuesday.\n`);
    for (let tries = 0; ; tries++) {
      try {
        await page.waitForFunction((w) => document.body && document.body.innerText.includes(w), word, { polling: 50, timeout: 10000 });
        break;
      } catch (e) { // the page navigated (a reload) while it was checked
        if (tries > 3) throw e;
        await page.waitForLoadState("load");
      }
    }
    times.push(performance.now() - t0);
    const ev = events.find((t) => t >= t0);
    toEvent.push(ev === undefined ? NaN : ev - t0);
    const kept = await page.evaluate(() => (window.__kept ? 1 : 0));
    reloads += 1 - kept;
    const frames = await page.evaluate(() => { const p = window.__painted; window.__painted = []; return p; });
    const frame = frames.find((t) => t >= epoch0); // a frame of an earlier edit may come late
    painted.push(kept && frame !== undefined ? frame - epoch0 : times[times.length - 1]);
    await page.evaluate(() => { window.__kept = true; });
  }
} finally {
  fs.writeFileSync(file, orig);
  await browser.close();
  stream.abort();
}
const median = (xs) => Math.round([...xs].sort((a, b) => a - b)[xs.length >> 1]);
const max = (xs) => Math.round(Math.max(...xs));
const list = (xs) => xs.map(Math.round).join(" ");
console.log(`save -> painted: median ${median(painted)} ms, max ${max(painted)} ms, ${reloads} of ${times.length} by a reload | ${list(painted)}`);
console.log(`  save -> reload event: median ${median(toEvent)} ms | ${list(toEvent)}`);
console.log(`  reload event -> painted: median ${median(painted.map((t, i) => t - toEvent[i]))} ms | ${list(painted.map((t, i) => t - toEvent[i]))}`);
console.log(`  save -> seen by Playwright: median ${median(times)} ms, max ${max(times)} ms | ${list(times)}`);
