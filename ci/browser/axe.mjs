// axe-core in headless Chromium on the pages of a built site, served on loopback.
//
//   node axe.mjs --site NAME --base http://127.0.0.1:PORT/ --pages PAGES.json
//                [--origin http://localhost:8000/] [--screenshots DIR]
//
// PAGES.json is ci/sitecheck.py's plan: [{label, path} | {label, missing}]. Each page is
// loaded at 360x800 and at 1280x900 and checked with axe's default rules (every rule but
// the experimental ones); a violation at either size fails the page. A page that is
// missing fails too, unless SITE_CHECKS_ALLOW_MISSING=1, when it is skipped. With
// --screenshots, a full-page PNG of each page at each size goes into DIR.
//
// Prints one line per page, `STATUS  site  axe:LABEL  detail  [time]`, and the
// violations (rule id, impact, nodes) under a failing one; exits 1 if any page failed.

import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const VIEWPORTS = [
  { width: 360, height: 800 },
  { width: 1280, height: 900 },
];
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

// `--name value` pairs, each of `required` among them.
export function args(argv, required) {
  const out = {};
  for (let i = 2; i < argv.length; i++) {
    const m = /^--([a-z-]+)$/.exec(argv[i]);
    if (!m) throw new Error(`unexpected argument ${argv[i]}`);
    out[m[1]] = argv[++i];
  }
  for (const need of required) {
    if (!out[need]) throw new Error(`--${need} is required`);
  }
  return out;
}

// One result line: `STATUS  site  check  detail  [time]`.
export function line(status, site, check, detail, ms) {
  const when = ms === undefined ? '' : `  [${(ms / 1000).toFixed(1)}s]`;
  console.log(`${status.padEnd(4)}  ${site.padEnd(6)} ${check.padEnd(14)} ${detail}${when}`);
}

// Chromium with the flags this closed network needs and a fresh profile; requests for
// the site's own base_url go to the local server, and any other off-machine request is
// refused (and counted), so that nothing waits on the network.
export async function launch(base, origin) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'site-checks-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: VIEWPORTS[1],
  });
  const local = new URL(base);
  const stats = { remapped: 0, blocked: new Set() };
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (origin && url.startsWith(origin)) {
      stats.remapped++;
      const to = new URL(url.slice(origin.length), base).href;
      try {
        const response = await route.fetch({ url: to });
        return route.fulfill({ response });
      } catch {
        return route.abort();
      }
    }
    const u = new URL(url);
    if (u.host === local.host || u.protocol === 'data:' || u.protocol === 'blob:') {
      return route.continue();
    }
    stats.blocked.add(url);
    return route.abort('blockedbyclient');
  });
  const close = async () => {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return { context, stats, close };
}

async function main() {
  const opt = args(process.argv, ['site', 'base', 'pages']);
  const site = opt.site;
  const allowMissing = process.env.SITE_CHECKS_ALLOW_MISSING === '1';
  const pages = JSON.parse(fs.readFileSync(opt.pages, 'utf8'));
  if (opt.screenshots) fs.mkdirSync(opt.screenshots, { recursive: true });
  const { context, stats, close } = await launch(opt.base, opt.origin);
  let failed = 0;
  try {
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(String(e.message || e).split('\n')[0]));
    for (const p of pages) {
      const check = `axe:${p.label}`;
      const started = Date.now();
      if (p.missing) {
        if (allowMissing) {
          line('SKIP', site, check, `${p.missing} (SITE_CHECKS_ALLOW_MISSING=1)`);
        } else {
          line('FAIL', site, check, `${p.missing}`);
          failed++;
        }
        continue;
      }
      const url = new URL(p.path, opt.base).href;
      const found = new Map(); // rule id -> {v, sizes:Set}
      const problems = [];
      pageErrors.length = 0;
      for (const vp of VIEWPORTS) {
        const size = `${vp.width}x${vp.height}`;
        await page.setViewportSize(vp);
        let response;
        try {
          response = await page.goto(url, { waitUntil: 'load', timeout: 30000 });
          await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
        } catch (e) {
          problems.push(`${size}: could not load ${p.path}: ${e.message.split('\n')[0]}`);
          continue;
        }
        if (!response || response.status() !== 200) {
          problems.push(`${size}: ${p.path} answered HTTP ${response ? response.status() : 'nothing'}`);
          continue;
        }
        await page.addScriptTag({ path: AXE });
        const result = await page.evaluate(async () => {
          // eslint-disable-next-line no-undef
          const r = await axe.run(document, { resultTypes: ['violations'] });
          return {
            version: r.testEngine && r.testEngine.version,
            violations: r.violations.map((v) => ({
              id: v.id,
              impact: v.impact,
              help: v.help,
              tags: v.tags.filter((t) => /^wcag|^best-practice$/.test(t)),
              nodes: v.nodes.map((n) => ({
                target: n.target.join(' '),
                summary: (n.failureSummary || '').split('\n').slice(1, 2).join(' ').trim(),
              })),
            })),
          };
        });
        for (const v of result.violations) {
          const seen = found.get(v.id);
          if (seen) seen.sizes.add(size);
          else found.set(v.id, { v, sizes: new Set([size]) });
        }
        if (opt.screenshots) {
          const file = path.join(opt.screenshots, `${site}-${p.label}-${size}.png`);
          await page.screenshot({ path: file, fullPage: true });
        }
      }
      const ms = Date.now() - started;
      const nodes = [...found.values()].reduce((a, f) => a + f.v.nodes.length, 0);
      if (found.size || problems.length) {
        failed++;
        const what = problems.length ? `${problems.length} load problems, ` : '';
        line('FAIL', site, check,
          `${p.path}: ${what}${found.size} violations (${nodes} nodes)`, ms);
        for (const pr of problems) console.log(`        ${pr}`);
        for (const { v, sizes } of found.values()) {
          console.log(`        ${v.id} (${v.impact}; ${v.tags.join(', ')}) at ${[...sizes].join(' and ')}: ` +
            `${v.help} — ${v.nodes.length} nodes`);
          for (const n of v.nodes.slice(0, 3)) {
            console.log(`            ${n.target}${n.summary ? ` — ${n.summary}` : ''}`);
          }
          if (v.nodes.length > 3) console.log(`            … and ${v.nodes.length - 3} more`);
        }
      } else {
        line('PASS', site, check,
          `${p.path}: 0 violations at ${VIEWPORTS.map((v) => `${v.width}x${v.height}`).join(' and ')}`, ms);
      }
      for (const e of [...new Set(pageErrors)].slice(0, 3)) {
        console.log(`        note: uncaught script error on ${p.path}: ${e}`);
      }
    }
  } finally {
    await close();
  }
  if (stats.remapped) {
    console.log(`        note: ${stats.remapped} requests for ${opt.origin} were served from the local copy`);
  }
  if (stats.blocked.size) {
    console.log(`        note: ${stats.blocked.size} off-machine requests were refused, e.g. ${[...stats.blocked][0]}`);
  }
  process.exitCode = failed ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((e) => {
    console.log(`FAIL  axe: ${e.stack || e}`);
    process.exitCode = 1;
  });
}
