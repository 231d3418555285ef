// reload.mjs measures what DESIGN.md §8 asks of `brief serve`: how long an
// edit takes to be visible in the browser. Against a running `brief serve`,
// it opens URL (the briefing page of ARTICLE) in Debian's Chromium, then N
// times: appends a sentence with a word of its own to ARTICLE, and times
// from the write until the page shows the word (the briefing's source text
// holds every sentence), checked every 5 ms, whether live.js put the new
// body in place or reloaded the page. Two seconds of quiet before each
// edit; the article is restored at the end.
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
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const times = [];
let reloads = 0; // edits shown by reloading the page, not in place
try {
  const page = await browser.newPage();
  await page.goto(url);
  await page.evaluate(() => { window.__kept = true; }); // gone after a reload
  for (let i = 0; i < Number(count); i++) {
    await page.waitForTimeout(2000);
    const word = `Quillfeather${process.pid % 1000}x${i}`;
    const t0 = performance.now();
    fs.appendFileSync(file, `\n\n${word} said the committee met again on Tuesday.\n`);
    for (let tries = 0; ; tries++) {
      try {
        await page.waitForFunction((w) => document.body && document.body.innerText.includes(w), word, { polling: 5, timeout: 10000 });
        break;
      } catch (e) { // the page navigated (a reload) while it was checked
        if (tries > 3) throw e;
        await page.waitForLoadState("load");
      }
    }
    times.push(performance.now() - t0);
    reloads += await page.evaluate(() => (window.__kept ? 0 : 1));
    await page.evaluate(() => { window.__kept = true; });
  }
} finally {
  fs.writeFileSync(file, orig);
  await browser.close();
}
const sorted = [...times].sort((a, b) => a - b);
console.log(`save -> visible: median ${Math.round(sorted[sorted.length >> 1])} ms, max ${Math.round(sorted[sorted.length - 1])} ms, ${reloads} of ${times.length} by a reload | ${times.map(Math.round).join(" ")}`);
