import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import { like } from 'drizzle-orm';
import lighthouse, { type Result } from 'lighthouse';
import { createHarness, median, timeOnce, waitFor } from './harness';
import { CHROMIUM_ARGS, findChromium, HOW_TO_GET_CHROMIUM } from '../e2e/browser';
import { openDb } from '../db/client';
import { articles } from '../db/schema';
import { articlePath, sectionPath } from '../lib/paths';

// `npm run lighthouse [-- --runs 3] [-- --save DIR] [-- --block '*.woff2']`
// Lighthouse (mobile form factor, its default simulated throttling) on the front page, a section
// front and the sample article, served by the real server on a fresh database with the demo data.
// Prints the median of the runs per page: the four category scores, LCP, CLS, TBT and the bytes
// transferred, with a breakdown by kind for the article, then the audits that did not pass.
// A report, not a test: it exits 0 whatever the scores. `--block PATTERN` blocks requests (Chrome's
// URL pattern syntax), to see what a resource costs: `--block '*.woff2'` shows the pages without fonts.

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    save: { type: 'string' },
    'keep-data': { type: 'boolean', default: false },
    block: { type: 'string', multiple: true, default: [] },
  },
});
const RUNS = Number(values.runs);
const PORT = 3500;
const SAMPLE_TITLE_START = 'في اجتماع إلهام علييف';
const SECTION = 'news';
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

const chromePath = findChromium();
if (!chromePath) {
  console.error(HOW_TO_GET_CHROMIUM);
  process.exit(1);
}

const harness = createHarness({ port: PORT, name: 'lighthouse', keepData: values['keep-data'] });
const { origin } = harness;
await harness.prepare();
harness.startServer();
await waitFor(`${origin}/`);

const db = openDb(harness.databasePath);
const sample = db.select({ id: articles.id, slug: articles.slug }).from(articles).where(like(articles.title, `${SAMPLE_TITLE_START}%`)).get();
db.$client.close();
if (!sample) throw new Error(`no article whose title starts with «${SAMPLE_TITLE_START}»`);
const pages = {
  front: '/',
  section: sectionPath(SECTION),
  article: articlePath(sample.id, sample.slug),
};

// Readers get pages from the cache: render each once, then let the page cache keep it.
for (const url of Object.values(pages)) await timeOnce(`${origin}${url}`);
await new Promise((r) => setTimeout(r, 500));
for (const url of Object.values(pages)) await timeOnce(`${origin}${url}`);

const KINDS = { Document: 'html', Stylesheet: 'css', Script: 'js', Font: 'fonts', Image: 'images' } as const;
type Kind = (typeof KINDS)[keyof typeof KINDS] | 'other';
type Run = {
  scores: Record<(typeof CATEGORIES)[number], number>;
  lcp: number;
  cls: number;
  tbt: number;
  bytes: number;
  byKind: Record<Kind, number>;
  failing: string[];
  /** Lighthouse's measure of this machine's CPU at the time (higher is faster). */
  benchmarkIndex: number;
};

function summarize(lhr: Result): Run {
  const audit = (id: string) => lhr.audits[id]!;
  const byKind: Record<Kind, number> = { html: 0, css: 0, js: 0, fonts: 0, images: 0, other: 0 };
  const requests = (audit('network-requests').details as { items: { resourceType?: string; transferSize?: number }[] }).items;
  for (const r of requests) byKind[KINDS[r.resourceType as keyof typeof KINDS] ?? 'other'] += r.transferSize ?? 0;
  const failing = Object.values(lhr.audits)
    .filter((a) => a.score !== null && a.score < 1 && !['informative', 'notApplicable', 'manual'].includes(a.scoreDisplayMode))
    .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`);
  return {
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as Run['scores'],
    lcp: audit('largest-contentful-paint').numericValue ?? NaN,
    cls: audit('cumulative-layout-shift').numericValue ?? NaN,
    tbt: audit('total-blocking-time').numericValue ?? NaN,
    bytes: audit('total-byte-weight').numericValue ?? NaN,
    byKind,
    failing,
    benchmarkIndex: lhr.environment.benchmarkIndex,
  };
}

const chrome = await chromeLauncher.launch({
  chromePath,
  // chrome-launcher's own defaults plus what Debian's Chromium needs as root on a closed network.
  chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
});
process.on('exit', () => {
  try {
    chrome.kill();
  } catch {
    // already gone
  }
});

const results: Record<string, Run[]> = {};
for (const [name, url] of Object.entries(pages)) {
  results[name] = [];
  for (let i = 0; i < RUNS; i++) {
    const answer = await lighthouse(`${origin}${url}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
      blockedUrlPatterns: values.block,
    });
    if (!answer) throw new Error(`Lighthouse gave no result for ${url}`);
    if (answer.lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${answer.lhr.runtimeError.message}`);
    if (values.save) {
      fs.mkdirSync(values.save, { recursive: true });
      fs.writeFileSync(path.join(values.save, `${name}-${i + 1}.json`), answer.report as string);
    }
    results[name]!.push(summarize(answer.lhr));
    process.stderr.write('.');
  }
}
process.stderr.write('\n');
chrome.kill();

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const m = (runs: Run[], pick: (r: Run) => number) => median(runs.map(pick));
console.log(`\nLighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, mobile, simulated throttling, median of ${RUNS} runs${values.block.length ? `, blocked: ${values.block.join(' ')}` : ''}`);
console.log('page      perf  a11y  best   seo     LCP     CLS     TBT    bytes  CPU index (min-max)');
for (const [name, runs] of Object.entries(results)) {
  console.log(
    [
      name.padEnd(8),
      ...CATEGORIES.map((c) => String(m(runs, (r) => r.scores[c])).padStart(5)),
      `${(m(runs, (r) => r.lcp) / 1000).toFixed(2)} s`.padStart(8),
      m(runs, (r) => r.cls).toFixed(3).padStart(7),
      `${m(runs, (r) => r.tbt).toFixed(0)} ms`.padStart(7),
      kb(m(runs, (r) => r.bytes)).padStart(9),
      ` ${Math.round(Math.min(...runs.map((r) => r.benchmarkIndex)))}-${Math.round(Math.max(...runs.map((r) => r.benchmarkIndex)))}`,
    ].join(' '),
  );
}
const article = results.article!;
console.log('Simulated times scale with the CPU index: a busy machine (an index that varies a lot) inflates TBT and LCP.');
console.log(
  `\narticle bytes: ${(['html', 'css', 'js', 'fonts', 'images', 'other'] as Kind[]).map((k) => `${k} ${kb(m(article, (r) => r.byKind[k]))}`).join(', ')}`,
);
console.log('\naudits not passed (in any run):');
for (const [name, runs] of Object.entries(results)) {
  const failing = [...new Set(runs.flatMap((r) => r.failing.map((f) => f.replace(/ \(.*\)$/, ''))))];
  console.log(`  ${name}: ${failing.length ? failing.join(', ') : 'none'}`);
}
process.exit(0);
