// Measures the search page of a built site as a reader meets it: for each query, a cold
// browser (empty cache) opens /search/, types the query, and waits for the first result.
// Prints, per query, the time from the last keystroke to the first result, the bytes
// and requests the search fetched, and where the expected document ranks.
//
//   node search-bench.mjs --base http://127.0.0.1:PORT/ --site DIR
//
// The three queries come from the index itself: its most common word, the most frequent
// speaker's surname, and a rare word (in one document only), whose document must be first.

import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

function args(argv) {
  const out = {};
  for (let i = 2; i < argv.length; i += 2) out[argv[i].replace(/^--/, '')] = argv[i + 1];
  return out;
}

function varints(bytes) {
  let at = 0;
  return {
    next() {
      let value = 0, scale = 1, b;
      do { b = bytes[at++]; value += (b & 0x7f) * scale; scale *= 128; } while (b >= 0x80);
      return value;
    },
    skip(n) { at += n; },
    at: () => at,
    done: () => at >= bytes.length,
  };
}

// The most common term, and the rarest word of six letters or more, with the search
// number of the document it weighs most in.
function pickTerms(site) {
  const dir = path.join(site, 'search', 't');
  let common = null, rare = null;
  const decoder = new TextDecoder();
  const shards = fs.readdirSync(dir).sort((a, b) => parseInt(a) - parseInt(b));
  for (const name of shards) {
    const bytes = new Uint8Array(fs.readFileSync(path.join(dir, name)));
    const r = varints(bytes);
    while (!r.done()) {
      const len = r.next();
      const term = decoder.decode(bytes.subarray(r.at(), r.at() + len));
      r.skip(len);
      const df = r.next();
      const count = r.next();
      const docs = [];
      let doc = 0;
      for (let i = 0; i < count; i++) { doc += r.next(); docs.push(doc); }
      const weights = bytes.subarray(r.at(), r.at() + count);
      r.skip(count);
      if (!common || df > common.df) common = { term, df };
      const fewer = !rare || df < rare.df || (df === rare.df && term < rare.term);
      if (/^\p{L}{6,}$/u.test(term) && fewer) {
        // The document the term weighs most in (the newest among equals) should lead.
        let best = 0;
        for (let i = 1; i < count; i++) if (weights[i] > weights[best]) best = i;
        rare = { term, df, doc: docs[best] };
      }
    }
  }
  return { common, rare };
}

async function measure(base, query, expected) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'search-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const page = context.pages()[0] || await context.newPage();
  let bytes = 0, requests = 0;
  page.on('response', async (response) => {
    if (!response.url().includes('/search/') || response.url().endsWith('/search/')) return;
    if (response.url().endsWith('.js')) return;
    try { bytes += (await response.body()).length; requests += 1; } catch { /* gone */ }
  });
  await page.goto(base + 'search/', { waitUntil: 'load' });
  await page.waitForFunction(() => !document.getElementById('search-filters').hidden);
  // Timed in the page: from the input event to the first result in the list.
  await page.evaluate(() => {
    const input = document.getElementById('search-input');
    input.addEventListener('input', () => { window.typedAt = performance.now(); }, { capture: true });
    new MutationObserver((_, observer) => {
      if (document.querySelector('#search-results a')) {
        window.firstAt = performance.now();
        observer.disconnect();
      }
    }).observe(document.getElementById('search-results'), { childList: true, subtree: true });
  });
  await page.fill('#search-input', query);
  await page.waitForSelector('#search-results a', { timeout: 30000 });
  await page.waitForFunction(() => window.firstAt !== undefined);
  const firstResult = Math.round(await page.evaluate(() => window.firstAt - window.typedAt));
  await page.waitForLoadState('networkidle');
  const hrefs = await page.$$eval('#search-results a', (links) => links.map((a) => a.getAttribute('href')));
  const rank = expected ? hrefs.indexOf(expected) + 1 : 0;
  const status = await page.textContent('#search-status');
  await context.close();
  fs.rmSync(profile, { recursive: true, force: true });
  return { query, firstResult, bytes, requests, rank, status: status.trim() };
}

const opts = args(process.argv);
const manifest = JSON.parse(fs.readFileSync(path.join(opts.site, 'search', 'manifest.json')));
const { common, rare } = pickTerms(opts.site);
const speaker = manifest.filters.find((f) => f.key === 'speaker').values[0][0];
const surname = speaker.split(' ').pop();
const chunk = JSON.parse(fs.readFileSync(
  path.join(opts.site, 'search', 'd', `${Math.floor(rare.doc / manifest.chunk)}.json`)));
const rareUrl = chunk[rare.doc % manifest.chunk][1];
for (const [label, query, expected] of [
  ['common word', common.term + ' ', null],
  ['name', surname + ' ', null],
  [`rare term (${rare.df} doc)`, rare.term + ' ', rareUrl],
]) {
  const m = await measure(opts.base, query, expected);
  const ranked = expected ? `; expected document ranked ${m.rank || 'not shown'}` : '';
  console.log(`${label.padEnd(12)} "${query.trim()}": first result ${m.firstResult} ms, ` +
    `${(m.bytes / 1024).toFixed(1)} kB in ${m.requests} requests; ${m.status.replace(/\.$/, "")}${ranked}`);
}
