import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { createHarness, hiddenFields, median, percentile, timeOnce, waitFor } from './harness';
import { openDb } from '../db/client';
import { countInSections, listLatest } from '../db/queries/articles';
import { countComments } from '../db/queries/comments';
import { searchArticleIds } from '../db/queries/search';
import { createSession } from '../db/queries/sessions';
import { getStaffByEmail } from '../db/queries/staff';
import { listSections } from '../db/queries/sections';
import { subtreeIds } from '../lib/section-tree';
import { matchExpression } from '../lib/arabic-search';
import { hashSessionToken, newSessionToken, SESSION_COOKIE } from '../lib/session-rules';
import { articlePath, sectionPath } from '../lib/paths';

// `npm run bench [-- --articles 100000] [-- --duration 10]`
// Serves the built portal (server.ts) on a fresh database and loads the front, a section and the
// sample article with autocannon, next to a baseline measured in the same run: a bare node:http
// server returning the same article HTML from memory. Machines here are noisy: read the ratio.
// Also prints the uncached first render (Next rendering a page nobody asked for yet) and what the
// article page weighs.

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '120' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    'keep-data': { type: 'boolean', default: false },
  },
});
const articleCount = Number(values.articles);
const duration = Number(values.duration);
const connections = Number(values.connections);
const PORT = 3300;
const BASELINE_PORT = 3301;
const harness = createHarness({ port: PORT, name: 'bench', keepData: values['keep-data'] });
const { origin, env } = harness;

function startBaseline(html: string): ChildProcess {
  // A separate process so it does not share the load generator's event loop.
  const source = `
    const http = require('node:http');
    const body = require('node:fs').readFileSync(process.env.BENCH_HTML_FILE);
    http.createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
      res.end(body);
    }).listen(${BASELINE_PORT}, '127.0.0.1');`;
  // Through a file: one environment variable may not exceed 128 KB.
  const file = path.join(harness.dataDir, 'baseline.html');
  fs.writeFileSync(file, html);
  return harness.adopt(spawn(process.execPath, ['-e', source], { env: { ...env, BENCH_HTML_FILE: file }, stdio: 'inherit' }));
}

type Load = { name: string; rps: number; p50: number; p99: number; errors: number; non2xx: number };

async function load(name: string, url: string): Promise<Load> {
  const result = await autocannon({ url, connections, duration });
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

console.log(`bench: ${articleCount} generated articles, ${connections} connections, ${duration} s per page`);
await harness.prepare(articleCount);
harness.startServer();
await waitFor(`${origin}/`);

// The sample article is the newest; find its address the way a reader does, from the front page.
const front = await (await fetch(`${origin}/`)).text();
const articleHref = front.match(/href="(\/article\/\d+\/[^"]+)"/)?.[1];
if (!articleHref) throw new Error('no article link on the front page');
const pages = {
  front: `${origin}/`,
  section: `${origin}/section/news`,
  article: `${origin}${articleHref}`,
};

// Uncached first renders: pages nobody asked for yet, spread over the archive, one at a time.
const db = openDb(env.DATABASE_PATH);
const spread = (n: number, max: number) => Array.from({ length: n }, (_, i) => Math.floor(((i + 1) * max) / (n + 1)));
const coldArticleTimes: number[] = [];
for (const offset of spread(15, articleCount)) {
  const [card] = listLatest(db, Date.now(), { limit: 1, offset: offset + 1 });
  if (card) coldArticleTimes.push(await timeOnce(`${origin}${articlePath(card.id, card.slug)}`, true));
}
const sections = listSections(db);
const newsPages = Math.ceil(countInSections(db, subtreeIds(sections, sections.find((s) => s.slug === 'news')!.id), Date.now()) / 20);
db.$client.close();
const coldSectionUrls = [
  ...sections.filter((s) => s.slug !== 'news').map((s) => sectionPath(s.slug)),
  ...spread(10, newsPages - 1).map((p) => sectionPath('news', p + 2)),
].filter((u) => !u.endsWith('/page/1'));
const coldSectionTimes: number[] = [];
for (const url of coldSectionUrls) coldSectionTimes.push(await timeOnce(`${origin}${url}`, true));

// Warm the three pages (Next's cache, then the page cache), then measure the baseline with the
// article's own HTML.
for (const url of Object.values(pages)) await timeOnce(url);
await new Promise((r) => setTimeout(r, 500));
for (const url of Object.values(pages)) await timeOnce(url);
const articleHtml = await (await fetch(pages.article)).text();
startBaseline(articleHtml);
await waitFor(`http://127.0.0.1:${BASELINE_PORT}/`);

const results: Load[] = [await load('baseline', `http://127.0.0.1:${BASELINE_PORT}/`)];
for (const [name, url] of Object.entries(pages)) results.push(await load(name, url));

// What a reader's browser downloads for the article: HTML, CSS and the JavaScript of the first load.
const assets = async (pattern: RegExp, within = articleHtml) => {
  let raw = 0;
  let gzip = 0;
  for (const src of new Set([...within.matchAll(pattern)].map((m) => m[1]))) {
    const body = Buffer.from(await (await fetch(new URL(src!, origin))).arrayBuffer());
    raw += body.length;
    gzip += gzipSync(body).length;
  }
  return { raw, gzip };
};
// Scripts marked noModule are legacy polyfills that modern browsers skip.
const js = await assets(/<script(?![^>]*noModule)[^>]+src="([^"]+)"/g);
const css = await assets(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g);
// What the reader's first interaction loads (lib/deferred-scripts.ts): the page's data, then Next's runtime.
// Only the addresses the loader lists: the page's other /_next/static files (icons) are no scripts.
const loader = /<script data-deferred-runtime="">([\s\S]*?)<\/script>/.exec(articleHtml)?.[1] ?? '';
const deferred = await assets(/"((?:\/_next\/static\/|\/_flight\/)[^"]+)"/g, loader);
const html = { raw: Buffer.byteLength(articleHtml), gzip: gzipSync(articleHtml).length };

// Search: sequential requests for the result page, common words, rare words and several words,
// next to the same page with an empty query (the page without the search) as the baseline.
const SEARCHES = {
  common: ['المغرب', 'الحكومة', 'مليار دولار', 'وزير الخارجية'],
  rare: ['علييف', 'بايكال', 'آمور', 'كلمةغيرموجودة'],
  multiWord: ['الدبلوماسية الدولية', 'حيدر علييف رابطة الدول', 'كرة القدم', 'تعزيز التعاون الاقتصادي'],
};
const searchUrl = (q: string) => `${origin}/search?q=${encodeURIComponent(q)}`;
for (const q of Object.values(SEARCHES).flat()) await timeOnce(searchUrl(q)); // warm-up
const emptySearchTimes: number[] = [];
for (let i = 0; i < 20; i++) emptySearchTimes.push(await timeOnce(searchUrl('')));
const searchTimes: Record<string, number[]> = {};
for (const [kind, queries] of Object.entries(SEARCHES)) {
  searchTimes[kind] = [];
  for (let round = 0; round < 5; round++) for (const q of queries) searchTimes[kind]!.push(await timeOnce(searchUrl(q)));
}
// The same queries against the index alone (count, ranking, recency boost), in this process.
const searchDb = openDb(env.DATABASE_PATH);
const queryTimes: number[] = [];
for (let round = 0; round < 6; round++) {
  for (const q of Object.values(SEARCHES).flat()) {
    const started = performance.now();
    const match = matchExpression(q);
    if (match) searchArticleIds(searchDb, match, Date.now());
    if (round > 0) queryTimes.push(performance.now() - started);
  }
}
searchDb.$client.close();

// Comment submissions: 500 at once from distinct senders through the action's real HTTP endpoint
// (the form's no-JavaScript POST), then the same 500 again, which must store nothing more.
const SUBMISSIONS = 500;
const commentDb = openDb(env.DATABASE_PATH);
const [target] = listLatest(commentDb, Date.now(), { limit: 1, offset: 5 });
const targetPath = `${origin}${articlePath(target!.id, target!.slug)}`;
const formHtml = await (await fetch(targetPath)).text();
const hidden = hiddenFields(formHtml, 'name="body"');
const storedBefore = countComments(commentDb, { articleId: target!.id });
await new Promise((r) => setTimeout(r, 3500)); // the form's minimum time between showing and sending
const submit = async (i: number) => {
  const body = new FormData();
  for (const [name, value] of hidden) body.append(name!, value!);
  body.append('body', `تعليق رقم ${i} في اختبار الحمل: شكرًا على المقال.`);
  body.append('name', `قارئ ${i}`);
  body.append('email', `bench-${i}@example.com`);
  body.append('website', '');
  const started = performance.now();
  const response = await fetch(targetPath, {
    method: 'POST',
    body,
    headers: { origin, 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
  });
  const text = await response.text();
  return { ms: performance.now() - started, ok: response.ok && text.includes('تعليقك بانتظار المراجعة') };
};
const batch = async () => {
  const started = performance.now();
  const answers = await Promise.all(Array.from({ length: SUBMISSIONS }, (_, i) => submit(i)));
  return { seconds: (performance.now() - started) / 1000, answers };
};
const first = await batch();
const storedAfterFirst = countComments(commentDb, { articleId: target!.id }) - storedBefore;
const replay = await batch();
const storedAfterReplay = countComments(commentDb, { articleId: target!.id }) - storedBefore;

// Publishing: an editor presses «نشر» on a new article (the editor's no-JavaScript POST, with a
// session like the login's), then a reader loads the front page until the article is on it.
const PUBLISHES = 20;
const admin = getStaffByEmail(commentDb, (process.env.ADMIN_EMAIL || 'admin@example.com').toLowerCase())!;
const token = newSessionToken();
createSession(commentDb, admin.id, hashSessionToken(token), Date.now());
const staffHeaders = { cookie: `${SESSION_COOKIE}=${token}`, origin };
const newsSection = listSections(commentDb).find((s) => s.slug === 'news')!;
commentDb.$client.close();
const publishTimes: { action: number; visible: number; frontLoads: number }[] = [];

// Failed logins: a wrong password and an unknown email must take about as long (4 of each,
// alternating, each from its own address so throttling stays out of it).
const loginPage = await (await fetch(`${origin}/admin/login`)).text();
const loginTimes = { wrongPassword: [] as number[], unknownEmail: [] as number[] };
for (let i = 0; i < 8; i++) {
  const kind = i % 2 === 0 ? 'wrongPassword' : 'unknownEmail';
  const body = new FormData();
  for (const [name, value] of hiddenFields(loginPage, 'name="password"')) body.append(name, value);
  body.append('email', kind === 'wrongPassword' ? admin.email : `nobody-${i}@example.com`);
  body.append('password', `not the password ${i}`);
  const started = performance.now();
  const answer = await fetch(`${origin}/admin/login`, { method: 'POST', body, headers: { origin, 'x-forwarded-for': `10.250.0.${i + 1}` }, redirect: 'manual' });
  const text = await answer.text();
  if (!text.includes('بيانات الدخول غير صحيحة')) throw new Error(`login ${kind} did not answer with the generic message (${answer.status})`);
  loginTimes[kind].push(performance.now() - started);
}
for (let i = 1; i <= PUBLISHES; i++) {
  const editorPage = await (await fetch(`${origin}/admin/articles/new`, { headers: staffHeaders })).text();
  const title = `مقال القياس رقم ${i} ${Date.now()}`;
  const body = new FormData();
  for (const [name, value] of hiddenFields(editorPage, 'name="intent"')) body.append(name, value);
  for (const [name, value] of Object.entries({ title, deck: '', source: '', excerpt: '', slug: '', tags: 'قياس', imageAlt: '', publishAt: '' })) body.append(name, value);
  body.append('body', `نص مقال القياس رقم ${i}.\n\nفقرة ثانية.`);
  body.append('sectionId', String(newsSection.id));
  body.append('commentsOpen', 'on');
  body.append('intent', 'publish');
  const started = performance.now();
  const answer = await fetch(`${origin}/admin/articles/new`, { method: 'POST', body, headers: staffHeaders, redirect: 'manual' });
  await answer.arrayBuffer();
  const action = performance.now() - started;
  if (answer.status >= 400) throw new Error(`publish answered ${answer.status}`);
  let frontLoads = 0;
  for (;;) {
    frontLoads++;
    if ((await (await fetch(`${origin}/`)).text()).includes(title)) break;
    if (performance.now() - started > 30_000) throw new Error(`published article ${i} not on the front page after 30 s`);
  }
  publishTimes.push({ action, visible: performance.now() - started, frontLoads });
}

const baseline = results[0]!;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log('\npage       req/s      p50 ms  p99 ms  vs baseline  errors');
for (const r of results) {
  console.log(
    `${r.name.padEnd(10)} ${r.rps.toFixed(0).padStart(8)}  ${String(r.p50).padStart(6)}  ${String(r.p99).padStart(6)}  ${`${((r.rps / baseline.rps) * 100).toFixed(1)}%`.padStart(10)}  ${r.errors + r.non2xx}`,
  );
}
console.log(
  `\nuncached first render, p50: article ${median(coldArticleTimes).toFixed(1)} ms (${coldArticleTimes.length} pages), section page ${median(coldSectionTimes).toFixed(1)} ms (${coldSectionTimes.length} pages)`,
);
const allSearches = Object.values(searchTimes).flat();
console.log(`\nsearch (${articleCount + 1} articles, ${allSearches.length} requests): p50 ${percentile(allSearches, 0.5).toFixed(1)} ms, p95 ${percentile(allSearches, 0.95).toFixed(1)} ms; page without a query p50 ${percentile(emptySearchTimes, 0.5).toFixed(1)} ms (search adds ${(percentile(allSearches, 0.5) / percentile(emptySearchTimes, 0.5)).toFixed(2)}×)`);
console.log(`  the query alone (index, count, ranking): p50 ${percentile(queryTimes, 0.5).toFixed(1)} ms, p95 ${percentile(queryTimes, 0.95).toFixed(1)} ms`);
for (const [kind, times] of Object.entries(searchTimes)) {
  console.log(`  ${kind.padEnd(10)} p50 ${percentile(times, 0.5).toFixed(1)} ms  p95 ${percentile(times, 0.95).toFixed(1)} ms`);
}
const times = first.answers.map((a) => a.ms);
console.log(
  `\ncomments: ${SUBMISSIONS} concurrent submissions in ${first.seconds.toFixed(1)} s, p50 ${percentile(times, 0.5).toFixed(0)} ms, p99 ${percentile(times, 0.99).toFixed(0)} ms, ${first.answers.filter((a) => a.ok).length} answered «تعليقك بانتظار المراجعة»; rows stored: ${storedAfterFirst}; after replaying the batch (${replay.seconds.toFixed(1)} s): ${storedAfterReplay}`,
);
console.log(
  `failed login, p50 of 4: wrong password ${median(loginTimes.wrongPassword).toFixed(0)} ms, unknown email ${median(loginTimes.unknownEmail).toFixed(0)} ms`,
);
console.log(
  `publish → front page, ${PUBLISHES} publishes: p50 ${median(publishTimes.map((p) => p.visible)).toFixed(0)} ms (the publish itself ${median(publishTimes.map((p) => p.action)).toFixed(0)} ms, max ${Math.max(...publishTimes.map((p) => p.visible)).toFixed(0)} ms); front-page loads until seen: ${Math.max(...publishTimes.map((p) => p.frontLoads))} at most`,
);
console.log(`article page: HTML ${kb(html.raw)} (${kb(html.gzip)} gzip, CSS inline), first-load JS ${kb(js.gzip)} gzip, CSS files ${kb(css.gzip)} gzip; on the first interaction: ${kb(deferred.gzip)} gzip of JS and page data`);
process.exit(0);
