// End-to-end test of a built brief site in headless Chromium, run by
// e2e_test.go (go test ./e2e/), which builds and serves the site first.
//
// Environment:
//   SITE_URL        the built example site, served as static files (required)
//   SERVE_URL       a page served by `brief serve` (optional: the live-reload check)
//   SERVE_ARTICLE   the article file behind SERVE_URL, rewritten to trigger a reload
//   SCREENSHOT_DIR  where screenshots go (default: a new temporary folder)
//   CHROMIUM        the browser (default /usr/bin/chromium)
//
// It opens the home page, follows links to a briefing, uses search, fails
// on console errors, runs axe-core on the main kinds of page and fails on
// serious or critical violations (printing them all), takes screenshots at
// desktop and phone widths, and checks that a served page reloads itself
// after its article is edited. Exit status 1 on any failure.
import { chromium } from "playwright-core";
import { readFileSync, writeFileSync, mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const site = process.env.SITE_URL;
if (!site) {
  console.error("SITE_URL is not set");
  process.exit(2);
}
const shots = process.env.SCREENSHOT_DIR || mkdtempSync(join(tmpdir(), "brief-shots-"));
mkdirSync(shots, { recursive: true });
const failures = [];
const fail = (msg) => {
  failures.push(msg);
  console.log("FAIL " + msg);
};

const profile = mkdtempSync(join(tmpdir(), "brief-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  viewport: { width: 1280, height: 800 },
});

// Console errors, uncaught exceptions and failed requests, per page.
function watch(page, label) {
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    // Chromium logs the 404 status of the page we asked to be missing.
    if (label().includes("/no-such-page/") && m.text().includes("404")) return;
    fail(`${label()}: console error: ${m.text()}`);
  });
  page.on("pageerror", (e) => fail(`${label()}: uncaught: ${e.message}`));
  page.on("requestfailed", (r) => {
    const err = r.failure()?.errorText || "";
    if (!err.includes("ERR_ABORTED")) fail(`${label()}: request failed: ${r.url()} ${err}`);
  });
  page.on("response", (r) => {
    if (r.status() >= 400 && !r.url().includes("/no-such-page/")) fail(`${label()}: ${r.status()} for ${r.url()}`);
  });
}

const page = await context.newPage();
watch(page, () => page.url());

async function open(url) {
  const resp = await page.goto(url, { waitUntil: "load", timeout: 20000 });
  if (!resp || !resp.ok()) fail(`${url}: status ${resp && resp.status()}`);
}

// axe-core on the current page; returns the violations.
const audits = [];
async function audit(name) {
  await page.addScriptTag({ content: axeSource });
  const res = await page.evaluate(async () =>
    await window.axe.run(document, { resultTypes: ["violations"] }));
  const v = res.violations;
  const bad = v.filter((x) => x.impact === "serious" || x.impact === "critical");
  audits.push({ name, url: page.url(), total: v.length, bad: bad.length });
  console.log(`axe ${name} (${page.url()}): ${v.length} violations, ${bad.length} serious or critical`);
  for (const x of v) {
    console.log(`  [${x.impact}] ${x.id}: ${x.help} (${x.nodes.length} nodes) ${x.helpUrl}`);
    for (const n of x.nodes.slice(0, 5)) console.log(`      ${n.target.join(" ")}: ${n.failureSummary.replace(/\n/g, " / ")}`);
  }
  for (const x of bad) fail(`axe ${name}: [${x.impact}] ${x.id} on ${x.nodes.length} nodes`);
}

async function shoot(name) {
  for (const [w, h, label] of [[1280, 800, "desktop"], [390, 844, "phone"]]) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: join(shots, `${name}-${label}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function firstHref(selector) {
  const a = await page.$(selector);
  return a ? new URL(await a.getAttribute("href"), page.url()).href : null;
}

try {
  // axe itself: a page with an image without alt text must fail.
  await page.setContent("<!doctype html><html lang=en><title>x</title><img src=data:,>");
  await page.addScriptTag({ content: axeSource });
  const self = await page.evaluate(async () => (await window.axe.run(document)).violations.map((v) => v.id));
  if (!self.includes("image-alt")) fail(`axe self-check: image-alt not found (got ${self})`);

  // Home, then follow a link to a briefing.
  await open(site);
  const title = await page.title();
  if (!title) fail("home: no <title>");
  await audit("home");
  await shoot("home");
  const card = await page.$("main a[href*='briefings/']");
  if (!card) throw new Error("home: no link to a briefing");
  await Promise.all([page.waitForNavigation({ timeout: 20000 }), card.click()]);
  if (!page.url().includes("/briefings/")) fail(`clicking a briefing link went to ${page.url()}`);
  const h1 = await page.textContent("h1");
  if (!h1 || !h1.trim()) fail("briefing: no <h1>");
  const briefing = page.url();
  await audit("briefing");
  await shoot("briefing");

  // A source link inside the briefing scrolls to its sentence.
  const src = await page.$("a[href^='#s']");
  if (src) {
    const id = (await src.getAttribute("href")).slice(1);
    await src.click();
    if (!(await page.$(`[id='${id}']`))) fail(`briefing: link #${id} has no target`);
  }

  // The archive, a tag page, an actor page, the timeline.
  await open(new URL("archive/", site).href);
  await audit("archive");
  await open(briefing);
  const tag = await firstHref("a.tag") || (await (async () => { await open(new URL("tags/", site).href); return firstHref("main a[href*='tags/']"); })());
  if (tag) {
    await open(tag);
    await audit("tag");
  } else fail("no tag page found");
  await open(briefing);
  let actor = await firstHref("main a[href*='/actors/']");
  if (!actor) {
    await open(new URL("actors/", site).href);
    actor = await firstHref("main a[href*='/actors/'][href$='/']");
  }
  if (actor) {
    await open(actor);
    await audit("actor");
    await shoot("actor");
  } else console.log("no actor page in this site: skipped");
  const tl = await page.goto(new URL("timeline/", site).href, { waitUntil: "load" });
  if (tl && tl.ok()) {
    await audit("timeline");
    await shoot("timeline");
  } else console.log("no timeline page in this site: skipped");

  // Search, when the site has it.
  const s = await page.goto(new URL("search/", site).href, { waitUntil: "load" });
  if (s && s.ok() && (await page.$("form.search, input[type=search], #q"))) {
    await audit("search");
    const word = (h1 || "").split(/\s+/).find((w) => w.length > 4) || "the";
    await page.fill("#q, input[type=search]", word);
    await page.keyboard.press("Enter");
    try {
      await page.waitForSelector("#results li, .results li", { timeout: 10000 });
      console.log(`search "${word}": ${await page.locator("#results li, .results li").count()} results`);
    } catch {
      fail(`search "${word}": no results`);
    }
  } else console.log("no search page in this site: skipped");

  // A missing page is the site's 404 page.
  const nf = await page.goto(new URL("no-such-page/", site).href, { waitUntil: "load" });
  if (!nf || nf.status() !== 404) fail(`missing page: status ${nf && nf.status()}, want 404`);
  else if (!(await page.$("h1"))) fail("missing page: not the site's 404 page");
  else await audit("404");

  // Serve mode: an edit shows in the open page, which live.js updates in
  // place (the new body, the page's scripts run again) without a reload
  // and without fetching the page (the reload event brought it); twice,
  // so that the updated page updates again.
  if (process.env.SERVE_URL) {
    const live = await context.newPage();
    watch(live, () => "serve " + live.url());
    await live.goto(process.env.SERVE_URL, { waitUntil: "load", timeout: 20000 });
    await live.evaluate(() => { window.__kept = true; }); // gone if the page reloads
    let fetched = 0; // requests for the page itself after its load
    live.on("request", (r) => { if (r.url() === live.url()) fetched++; });
    const art = process.env.SERVE_ARTICLE;
    for (let i = 1; i <= 2; i++) {
      await live.waitForTimeout(500); // the event stream connects; the watcher settles
      const marker = `Edited live ${i} ${Date.now()}`;
      writeFileSync(art, readFileSync(art, "utf8") + `\n\n${marker}, officials said on Monday.\n`);
      try {
        await live.waitForFunction((m) => document.body.textContent.includes(m), marker, { timeout: 20000 });
        if (!(await live.evaluate(() => window.__kept === true))) fail(`serve: edit ${i} reloaded the page instead of updating it in place`);
        else if (fetched > 0) fail(`serve: edit ${i} fetched the page (${fetched} requests) instead of taking it from the event`);
        else {
          // The head's scripts ran again, and their copies are gone once run.
          await live.waitForFunction(() => document.querySelectorAll("head script").length === 2, null, { timeout: 5000 })
            .then(() => console.log(`serve: edit ${i} shown in place`), () => fail(`serve: edit ${i} left scripts behind in the head`));
        }
      } catch (e) {
        fail(`serve: the page did not show edit ${i} within 20s: ` + e.message);
      }
    }
  }
} catch (e) {
  fail("error: " + (e.stack || e));
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}

console.log(`screenshots in ${shots}`);
console.log(`axe: ${audits.map((a) => `${a.name} ${a.total} violations (${a.bad} serious/critical)`).join("; ")}`);
console.log(`${failures.length ? "FAILED" : "ok"}: ${failures.length} failures`);
process.exit(failures.length ? 1 : 0);
