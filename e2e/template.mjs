// template.mjs measures a template edit under `brief serve`: how long from
// writing SITE/templates/base.html (brief's own, with a mark of its own
// added to the footer) until the open page at URL shows the mark, N times
// 15 s apart. A change to base.html makes every page again; brief
// serve makes the open pages first (session 11). The site's base.html is
// put back as it was (removed, with its folder, when it had none) at the end.
//
//	(cd e2e && npm ci)
//	node e2e/template.mjs http://127.0.0.1:PORT/briefings/SLUG/ SITE [N]
import { chromium } from "playwright-core";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const [url, site, count = "3"] = process.argv.slice(2);
if (!url || !site) {
  console.error("usage: node e2e/template.mjs URL SITE [N]");
  process.exit(2);
}
const repo = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const ours = fs.readFileSync(path.join(repo, "templates", "base.html"), "utf8");
const file = path.join(site, "templates", "base.html");
const had = fs.existsSync(file) ? fs.readFileSync(file) : null;
const hadDir = fs.existsSync(path.dirname(file));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const times = [];
try {
  const page = await browser.newPage();
  await page.goto(url);
  for (let i = 0; i < Number(count); i++) {
    await page.waitForTimeout(i === 0 ? 1000 : 15000); // the last build done
    const mark = `Tplmark${process.pid % 1000}x${i}`;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const t0 = performance.now();
    fs.writeFileSync(file, ours.replace("</footer>", `<span>${mark}</span></footer>`));
    await page.waitForFunction((m) => document.body && document.body.innerText.includes(m), mark, { polling: 20, timeout: 60000 });
    times.push(performance.now() - t0);
  }
} finally {
  if (had) fs.writeFileSync(file, had);
  else fs.rmSync(file, { force: true });
  if (!hadDir) fs.rmSync(path.dirname(file), { recursive: true, force: true });
  await browser.close();
}
console.log(`template edit -> shown: ${times.map((t) => Math.round(t) + " ms").join(", ")}`);
