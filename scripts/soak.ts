import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { and, eq, like } from 'drizzle-orm';
import { createHarness, hiddenFields, median, percentile, timeOnce, waitFor } from './harness';
import { openDb } from '../db/client';
import { listLatest } from '../db/queries/articles';
import { createSession } from '../db/queries/sessions';
import { getSettings } from '../db/queries/settings';
import { getStaffByEmail } from '../db/queries/staff';
import { listSections } from '../db/queries/sections';
import { articles, articleTags, comments, tags, users } from '../db/schema';
import { hashSessionToken, newSessionToken, SESSION_COOKIE } from '../lib/session-rules';
import { articlePath, authorPath, feedPath, NEWS_SITEMAP_PATH, searchPath, sectionFeedPath, sectionPath, tagPath } from '../lib/paths';
import ar from '../messages/ar.json' with { type: 'json' };

// `npm run soak [-- --minutes 10] [-- --seconds 60]`
// The real server (server.ts) on a fresh database with the demo data, under mixed traffic on
// loopback for the whole duration: readers on every kind of page (and the view beacon after an
// article), commenters posting the article's comment form the way a browser without JavaScript
// does (each from its own address, honouring the form's minimum fill time and the flood window),
// and an editor publishing through the admin's editor form every few seconds.
// First a single-request baseline per kind of page, then the traffic, then the checks:
// requests by status class, no 5xx (nor failed connections), the server's RSS at start and end,
// every acknowledged comment and publish stored exactly once, p50/p95/p99 per kind of page next to
// the baseline. Exits 1 on any 5xx, failed request or lost write.

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    seconds: { type: 'string' },
    readers: { type: 'string', default: '8' },
    commenters: { type: 'string', default: '6' },
    'publish-every': { type: 'string', default: '5' },
    'think-ms': { type: 'string', default: '50' },
    'keep-data': { type: 'boolean', default: false },
  },
});
const durationMs = (values.seconds !== undefined ? Number(values.seconds) : Number(values.minutes) * 60) * 1000;
const READERS = Number(values.readers);
const COMMENTERS = Number(values.commenters);
const PUBLISH_EVERY_MS = Number(values['publish-every']) * 1000;
const THINK_MS = Number(values['think-ms']);
if (![durationMs, READERS, COMMENTERS, PUBLISH_EVERY_MS, THINK_MS].every((n) => Number.isFinite(n) && n >= 0) || durationMs <= 0) {
  console.error('usage: npm run soak -- [--minutes N | --seconds N] [--readers N] [--commenters N] [--publish-every S] [--think-ms MS]');
  process.exit(2);
}
const PORT = 3600;
const harness = createHarness({ port: PORT, name: 'soak', keepData: values['keep-data'] });
const { origin } = harness;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let until = Infinity;
/** Waits, but not past the end of the traffic. */
const pause = (ms: number) => sleep(Math.max(0, Math.min(ms, until - Date.now())));
const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

console.log(
  `soak: ${durationMs / 1000} s, ${READERS} readers, ${COMMENTERS} commenters, ${PUBLISH_EVERY_MS > 0 ? `an editor publishing every ${PUBLISH_EVERY_MS / 1000} s` : 'no editor'}`,
);
await harness.prepare();
const server = harness.startServer();
await waitFor(`${origin}/`);

/** The server's resident memory (the child runs server.ts itself: node --import tsx server.ts). */
function rssMb(): number {
  const status = fs.readFileSync(`/proc/${server.pid}/status`, 'utf8');
  return Number(status.match(/VmRSS:\s+(\d+) kB/)![1]) / 1024;
}

// What readers visit, from the database the server runs on.
const db = openDb(harness.databasePath);
const now = Date.now();
const sectionRows = listSections(db);
const latest = listLatest(db, now, { limit: 60, offset: 0 });
const tagRows = db.selectDistinct({ slug: tags.slug }).from(tags).innerJoin(articleTags, eq(articleTags.tagId, tags.id)).limit(30).all();
const authorRows = db.selectDistinct({ slug: users.slug }).from(users).innerJoin(articles, eq(articles.authorId, users.id)).all();
const settings = getSettings(db);
const admin = getStaffByEmail(db, (process.env.ADMIN_EMAIL || 'admin@example.com').toLowerCase())!;
const sessionToken = newSessionToken();
createSession(db, admin.id, hashSessionToken(sessionToken), Date.now());
const newsSection = sectionRows.find((s) => s.slug === 'news') ?? sectionRows[0]!;

const pools: Record<string, string[]> = {
  front: ['/'],
  section: [...sectionRows.map((s) => sectionPath(s.slug)), sectionPath(newsSection.slug, 2)],
  article: latest.map((a) => articlePath(a.id, a.slug)),
  tag: tagRows.map((t) => tagPath(t.slug)),
  author: authorRows.map((a) => authorPath(a.slug)),
  search: ['المغرب', 'الحكومة', 'علييف', 'الدبلوماسية الدولية', 'كرة القدم', 'مليار دولار'].map((q) => searchPath(q)),
  feed: [feedPath(), NEWS_SITEMAP_PATH, ...sectionRows.slice(0, 4).map((s) => sectionFeedPath(s.slug))],
};
const commentTargets = latest.slice(0, 12).map((a) => articlePath(a.id, a.slug));

// Warm every page once (Next renders it, the page cache keeps it), then the baseline: each kind of
// page requested alone, one request at a time, before any other traffic.
for (const url of Object.values(pools).flat()) await timeOnce(`${origin}${url}`);
await sleep(500);
const baseline: Record<string, number> = {};
for (const [kind, urls] of Object.entries(pools)) {
  const times: number[] = [];
  for (let i = 0; i < 30; i++) times.push(await timeOnce(`${origin}${urls[i % urls.length]}`));
  baseline[kind] = median(times);
}

// The traffic.
const statusClasses: Record<string, number> = { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, failed: 0 };
const fiveHundreds: string[] = [];
const latencies: Record<string, number[]> = Object.fromEntries(Object.keys(pools).map((k) => [k, []]));

async function request(url: string, init: RequestInit = {}): Promise<{ status: number; text: string; location: string | null } | null> {
  try {
    const response = await fetch(`${origin}${url}`, { redirect: 'manual', ...init });
    const text = await response.text();
    statusClasses[`${Math.floor(response.status / 100)}xx`] = (statusClasses[`${Math.floor(response.status / 100)}xx`] ?? 0) + 1;
    if (response.status >= 500) fiveHundreds.push(`${init.method ?? 'GET'} ${url}: ${response.status}`);
    return { status: response.status, text, location: response.headers.get('location') };
  } catch (error) {
    statusClasses.failed! += 1;
    fiveHundreds.push(`${init.method ?? 'GET'} ${url}: ${(error as Error).message}`);
    return null;
  }
}

until = Date.now() + durationMs;
const running = () => Date.now() < until;

async function reader(n: number) {
  const kinds = Object.keys(pools);
  while (running()) {
    const kind = pick(kinds);
    const url = pick(pools[kind]!);
    const started = performance.now();
    const answer = await request(url, { headers: { 'x-forwarded-for': `10.1.${n}.${Math.floor(Math.random() * 250) + 1}` } });
    if (answer) latencies[kind]!.push(performance.now() - started);
    // A browser counts the read after loading an article.
    if (kind === 'article' && answer?.status === 200) {
      const id = url.split('/')[2]!;
      void request('/api/views', { method: 'POST', body: id, headers: { 'x-forwarded-for': `10.1.${n}.1` } });
    }
    await pause(Math.random() * 2 * THINK_MS);
  }
}

const acknowledgedComments: string[] = [];
const refusedComments: Record<string, number> = {};
const ACK = [ar.Comments.awaiting, ar.Comments.published];

async function commenter(n: number) {
  const ip = `10.2.${n}.7`;
  let i = 0;
  while (running()) {
    const url = pick(commentTargets);
    const page = await request(url, { headers: { 'x-forwarded-for': ip } });
    if (!page || page.status !== 200) continue;
    // A person takes a while to write: past the form's minimum time, so the token is honoured.
    await pause((settings['comments.minSecondsToSubmit'] + 0.5 + Math.random() * 2) * 1000);
    if (!running()) break;
    i++;
    const body = new FormData();
    for (const [name, value] of hiddenFields(page.text, 'name="body"')) body.append(name, value);
    const text = `تعليق التحمل ${n}-${i} ${Date.now()}: شكرًا على هذا المقال المفيد.`;
    body.append('body', text);
    body.append('name', `قارئ التحمل ${n}`);
    body.append('email', `soak-${n}@example.com`);
    body.append('website', '');
    const answer = await request(url, { method: 'POST', body, headers: { origin, 'x-forwarded-for': ip } });
    if (answer && ACK.some((message) => answer.text.includes(message))) acknowledgedComments.push(text);
    else {
      const reason = answer ? (answer.text.includes(ar.Comments.errors.flood) ? 'flood' : `status ${answer.status}`) : 'no answer';
      refusedComments[reason] = (refusedComments[reason] ?? 0) + 1;
    }
    // The flood window is per address and per email: wait it out before the next one.
    await pause(settings['comments.floodSeconds'] * 1000 + 500);
  }
}

const acknowledgedPublishes: string[] = [];
let refusedPublishes = 0;
const staffHeaders = { cookie: `${SESSION_COOKIE}=${sessionToken}`, origin };

async function editor() {
  let i = 0;
  while (running()) {
    const started = Date.now();
    const editorPage = await request('/admin/articles/new', { headers: staffHeaders });
    if (editorPage?.status === 200) {
      i++;
      const title = `مقال التحمل رقم ${i} ${Date.now()}`;
      const body = new FormData();
      for (const [name, value] of hiddenFields(editorPage.text, 'name="intent"')) body.append(name, value);
      for (const [name, value] of Object.entries({ title, deck: '', source: '', excerpt: '', slug: '', tags: 'تحمل', imageAlt: '', publishAt: '' })) body.append(name, value);
      body.append('body', `نص مقال التحمل رقم ${i}.\n\nفقرة ثانية.`);
      body.append('sectionId', String(newsSection.id));
      body.append('commentsOpen', 'on');
      body.append('intent', 'publish');
      const answer = await request('/admin/articles/new', { method: 'POST', body, headers: staffHeaders });
      // The editor's answer to a new article is a redirect to its edit page.
      if (answer && answer.status === 303 && /\/admin\/articles\/\d+\?created=1/.test(answer.location ?? '')) acknowledgedPublishes.push(title);
      else refusedPublishes++;
    }
    await pause(PUBLISH_EVERY_MS - (Date.now() - started));
  }
}

const rssStart = rssMb();
const rssSamples: number[] = [rssStart];
const sampler = setInterval(() => rssSamples.push(rssMb()), 5000);
const started = performance.now();
await Promise.all([
  ...Array.from({ length: READERS }, (_, n) => reader(n)),
  ...Array.from({ length: COMMENTERS }, (_, n) => commenter(n)),
  ...(PUBLISH_EVERY_MS > 0 ? [editor()] : []),
]);
const elapsed = (performance.now() - started) / 1000;
clearInterval(sampler);
// Let the view counter flush and in-flight revalidations settle before the last reading.
await sleep(3000);
const rssEnd = rssMb();

// Every acknowledged write, stored exactly once.
const lost: string[] = [];
for (const text of acknowledgedComments) {
  const stored = db.select({ id: comments.id }).from(comments).where(eq(comments.body, text)).all().length;
  if (stored !== 1) lost.push(`comment «${text}» stored ${stored} times`);
}
for (const title of acknowledgedPublishes) {
  const stored = db.select({ id: articles.id }).from(articles).where(and(eq(articles.title, title), eq(articles.status, 'published'))).all().length;
  if (stored !== 1) lost.push(`article «${title}» stored ${stored} times`);
}
const commentsStored = db.select({ id: comments.id }).from(comments).where(like(comments.authorEmail, 'soak-%')).all().length;
db.$client.close();

const total = Object.values(latencies).flat().length;
const ms = (n: number) => `${n.toFixed(1)}`.padStart(7);
console.log(`\n${elapsed.toFixed(0)} s of traffic: ${total} reader pages (${(total / elapsed).toFixed(0)}/s)`);
console.log(`requests by status: ${Object.entries(statusClasses).map(([k, v]) => `${k} ${v}`).join(', ')}`);
console.log(`server RSS: ${rssStart.toFixed(0)} MB at start, ${rssEnd.toFixed(0)} MB at end (peak ${Math.max(...rssSamples, rssEnd).toFixed(0)} MB)`);
console.log(
  `comments: ${acknowledgedComments.length} acknowledged, ${commentsStored} stored${Object.keys(refusedComments).length ? `; not acknowledged: ${Object.entries(refusedComments).map(([k, v]) => `${k} ${v}`).join(', ')}` : ''}`,
);
console.log(`publishes: ${acknowledgedPublishes.length} acknowledged${refusedPublishes ? `, ${refusedPublishes} refused` : ''}`);
console.log('\npage       requests  baseline     p50     p95     p99  p99/baseline  (ms)');
for (const [kind, times] of Object.entries(latencies)) {
  if (times.length === 0) continue;
  const p99 = percentile(times, 0.99);
  console.log(
    `${kind.padEnd(9)} ${String(times.length).padStart(9)}  ${ms(baseline[kind]!)} ${ms(percentile(times, 0.5))} ${ms(percentile(times, 0.95))} ${ms(p99)}  ${`${(p99 / baseline[kind]!).toFixed(1)}×`.padStart(12)}`,
  );
}

const problems = [
  ...(fiveHundreds.length ? [`${fiveHundreds.length} requests answered 5xx or failed, e.g. ${fiveHundreds.slice(0, 5).join('; ')}`] : []),
  ...lost,
];
if (problems.length) {
  console.error(`\nFAILED:\n  ${problems.slice(0, 20).join('\n  ')}`);
  process.exit(1);
}
console.log('\nOK: no 5xx, no failed request, every acknowledged write stored once');
process.exit(0);
