// Browser tests of a built site, served on loopback, in headless Chromium.
//
//   node browse.mjs --site NAME --base http://127.0.0.1:PORT/ --fixtures FIXTURES.json
//                   [--origin http://localhost:8000/] [--screenshots DIR]
//
// FIXTURES.json is ci/sitecheck.py's `fixtures` output. Two tests, one line each:
//
// search  open /search/, type the fixture's query (2-3 rare words of one article's
//         title) into input#search-input (type=search), wait for links in
//         #search-results, and expect that article among the first 5 distinct
//         /articles/ links there. If no link shows up after typing, Enter is pressed
//         once (a search that runs on submit passes too).
// nav     open /, click the first story link (`.story a`, else the first link in <main>
//         into /articles/, /speeches/ or /events/), reach an article that has a speech
//         and an event (a link on that page, else the fixture's article directly),
//         follow its link into /speeches/, then the speech page's link into /events/,
//         and go back three times, checking each URL comes back in order. Every page
//         on the way must have a non-empty <h1>.
//
// A missing /search/ fails, unless SITE_CHECKS_ALLOW_MISSING=1, when it is skipped.
// Exits 1 if a test failed.

import fs from 'node:fs';
import path from 'node:path';
import { args, launch, line } from './axe.mjs';

const WAIT = 10000;

const cssString = (s) => s.replace(/[\\"]/g, '\\$&');

class Failure extends Error {}
const fail = (msg) => { throw new Failure(msg); };

// A link's target as a path on the site: the local server's and the site's own origin
// both count as the site; '…/index.html' is the folder.
function sitePath(href, base, origin) {
  let u;
  try { u = new URL(href, base); } catch { return null; }
  const local = new URL(base);
  const own = origin ? new URL(origin) : null;
  if (u.host !== local.host && !(own && u.host === own.host)) return null;
  let p = decodeURIComponent(u.pathname);
  if (own && u.host === own.host && own.pathname !== '/' && p.startsWith(own.pathname)) {
    p = p.slice(own.pathname.length - 1);
  }
  return p.replace(/index\.html$/, '');
}

async function h1(page, where) {
  const heads = page.locator('h1');
  if (await heads.count() === 0) fail(`${where}: no <h1>`);
  const text = (await heads.first().innerText()).trim();
  if (!text) fail(`${where}: the <h1> is empty`);
  return text;
}

async function goto(page, url, where) {
  const r = await page.goto(url, { waitUntil: 'load', timeout: 30000 });
  if (!r || r.status() !== 200) fail(`${where}: ${url} answered HTTP ${r ? r.status() : 'nothing'}`);
  return r;
}

// Clicks a link and waits for the page it leads to.
async function follow(page, link, where) {
  const before = page.url();
  const href = await link.getAttribute('href');
  await Promise.all([
    page.waitForURL((u) => u.href !== before, { timeout: WAIT, waitUntil: 'load' })
      .catch(() => fail(`${where}: clicking the link to ${href} left the page at ${before}`)),
    link.click({ timeout: WAIT }),
  ]);
  return href;
}

async function links(page, selector) {
  return page.locator(selector).evaluateAll((as) => as.map((a) => a.getAttribute('href')));
}

async function searchTest(page, opt, fx, say) {
  const s = fx.search;
  if (!s) fail('no article title with two rare words to search for in api/documents.json');
  const url = new URL('search/', opt.base).href;
  const r = await page.goto(url, { waitUntil: 'load', timeout: 30000 });
  if (!r || r.status() === 404) return { missing: 'no search page: /search/ answered 404' };
  if (r.status() !== 200) fail(`/search/ answered HTTP ${r.status()}`);
  await h1(page, '/search/');
  const input = page.locator('#search-input');
  if (await input.count() !== 1) fail(`/search/: ${await input.count()} elements match #search-input (need one <input id="search-input" type="search">)`);
  const tag = await input.evaluate((e) => `${e.tagName.toLowerCase()}[type=${e.getAttribute('type')}]`);
  if (tag !== 'input[type=search]') fail(`/search/: #search-input is ${tag}, not input[type=search]`);
  await input.click({ timeout: WAIT });
  await input.pressSequentially(s.query, { delay: 25 });
  const any = '#search-results a[href]';
  let pressedEnter = false;
  try {
    await page.locator(any).first().waitFor({ state: 'attached', timeout: WAIT });
  } catch {
    pressedEnter = true;
    await input.press('Enter');
    await page.waitForLoadState('load');
    try {
      await page.locator(any).first().waitFor({ state: 'attached', timeout: WAIT });
    } catch {
      fail(`typed ${JSON.stringify(s.query)} (and pressed Enter): no link appeared in #search-results within ${2 * WAIT / 1000}s`);
    }
  }
  // Results may still be settling (a debounced search): poll until the article is in
  // the first five, or the time is up.
  const top = async () => {
    const seen = [];
    for (const href of await links(page, any)) {
      const p = sitePath(href, page.url(), opt.origin);
      if (p && p.startsWith('/articles/') && !seen.includes(p)) seen.push(p);
    }
    return seen.slice(0, 5);
  };
  const deadline = Date.now() + WAIT;
  let first5 = await top();
  while (!first5.includes(s.expected) && Date.now() < deadline) {
    await page.waitForTimeout(250);
    first5 = await top();
  }
  const rank = first5.indexOf(s.expected) + 1;
  if (!rank) {
    say(`query ${JSON.stringify(s.query)} (from the title ${JSON.stringify(s.title)}); expected ${s.expected}`);
    say(`first ${first5.length} /articles/ results: ${first5.join(' ') || '(none)'}`);
    fail(`${s.expected} is not among the first 5 results for ${JSON.stringify(s.query)}`);
  }
  return {
    detail: `query ${JSON.stringify(s.query)} → ${s.expected} is result ${rank} of the first ${first5.length}` +
      (pressedEnter ? ' (after Enter)' : ''),
  };
}

async function navTest(page, opt, fx, say) {
  const cands = fx.nav_candidates || {};
  if (!fx.nav) fail('no article with both a speech and an event in api/documents.json and api/groups.json');
  const history = [];
  const at = () => sitePath(page.url(), opt.base, opt.origin);
  const step = async (where) => {
    const h = await h1(page, where);
    history.push(page.url());
    say(`${history.length}. ${at()} — h1 ${JSON.stringify(h.slice(0, 60))}`);
  };

  await goto(page, new URL('/', opt.base).href, 'home');
  await step('home');

  let story = page.locator('.story a[href]');
  if (await story.count() === 0) {
    story = page.locator('main a[href*="/articles/"], main a[href*="/speeches/"], main a[href*="/events/"]');
  }
  if (await story.count() === 0) fail('home: no story link (.story a, or a link in <main> into /articles/, /speeches/ or /events/)');
  await follow(page, story.first(), 'home → first story');
  await step('first story');

  let hop = cands[at()];
  if (!hop) {
    // an article on this page that has a speech and an event, else the fixture's
    let target = null;
    for (const href of await links(page, 'main a[href*="/articles/"]')) {
      const p = sitePath(href, page.url(), opt.origin);
      if (p && cands[p]) { target = href; break; }
    }
    if (target) {
      await follow(page, page.locator(`main a[href="${cssString(target)}"]`).first(), `${at()} → article`);
    } else {
      await goto(page, new URL(fx.nav.article, opt.base).href, 'article');
      say(`(no link on the story page to an article with a speech and an event: opened ${fx.nav.article} directly)`);
    }
    hop = cands[at()];
    if (!hop) fail(`${at()} is not an article with a speech and an event`);
    await step('article');
  }

  const pick = async (kind, expected, where) => {
    const hrefs = await links(page, `main a[href*="/${kind}/"]`);
    const all = hrefs.length ? hrefs : await links(page, `a[href*="/${kind}/"]`);
    if (!all.length) fail(`${where}: no link whose href contains /${kind}/`);
    const exact = all.find((h) => sitePath(h, page.url(), opt.origin) === expected);
    const href = exact || all[0];
    const scope = hrefs.length ? 'main ' : '';
    await follow(page, page.locator(`${scope}a[href="${cssString(href)}"]`).first(), where);
    if (at() !== expected) fail(`${where}: the /${kind}/ link led to ${at()}, expected ${expected}`);
  };
  await pick('speeches', hop.speech, `${at()} → its speech`);
  await step('speech');
  await pick('events', hop.event, `${at()} → its event`);
  await step('event');

  for (let back = 1; back <= 3; back++) {
    const want = history[history.length - 1 - back];
    await page.goBack({ waitUntil: 'load', timeout: WAIT });
    if (page.url() !== want) fail(`goBack ${back}: at ${page.url()}, expected ${want}`);
    await h1(page, `goBack ${back} (${at()})`);
  }
  const paths = history.map((u) => sitePath(u, opt.base, opt.origin));
  return { detail: `${paths.join(' → ')}, then back ×3 in order` };
}

async function main() {
  const opt = args(process.argv, ['site', 'base', 'fixtures']);
  const site = opt.site;
  const allowMissing = process.env.SITE_CHECKS_ALLOW_MISSING === '1';
  const fx = JSON.parse(fs.readFileSync(opt.fixtures, 'utf8'));
  const { context, stats, close } = await launch(opt.base, opt.origin);
  let failed = 0;
  try {
    for (const [name, test] of [['search', searchTest], ['nav', navTest]]) {
      const page = await context.newPage();
      await page.setViewportSize({ width: 1280, height: 900 });
      const notes = [];
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e.message || e).split('\n')[0]));
      const started = Date.now();
      try {
        const r = await test(page, opt, fx, (s) => notes.push(s));
        const ms = Date.now() - started;
        if (r.missing) {
          if (allowMissing) line('SKIP', site, `browser:${name}`, `${r.missing} (SITE_CHECKS_ALLOW_MISSING=1)`, ms);
          else { failed++; line('FAIL', site, `browser:${name}`, r.missing, ms); }
        } else {
          line('PASS', site, `browser:${name}`, r.detail, ms);
        }
      } catch (e) {
        failed++;
        const msg = e instanceof Failure ? e.message : `${e.message.split('\n')[0]} (at ${page.url()})`;
        line('FAIL', site, `browser:${name}`, msg, Date.now() - started);
        for (const n of notes) console.log(`        ${n}`);
        if (opt.screenshots) {
          fs.mkdirSync(opt.screenshots, { recursive: true });
          const file = path.join(opt.screenshots, `${site}-${name}-failure.png`);
          await page.screenshot({ path: file, fullPage: true }).catch(() => {});
          console.log(`        screenshot: ${file}`);
        }
      }
      for (const e of [...new Set(errors)].slice(0, 3)) console.log(`        note: uncaught script error: ${e}`);
      await page.close();
    }
  } finally {
    await close();
  }
  if (stats.blocked.size) {
    console.log(`        note: ${stats.blocked.size} off-machine requests were refused, e.g. ${[...stats.blocked][0]}`);
  }
  process.exitCode = failed ? 1 : 0;
}

main().catch((e) => {
  console.log(`FAIL  browser: ${e.stack || e}`);
  process.exitCode = 1;
});
