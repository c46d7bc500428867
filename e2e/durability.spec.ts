import { expect, test, type APIRequestContext } from '@playwright/test';
import { eq, sql } from 'drizzle-orm';
import { openDb } from '@/db/client';
import { createSession } from '@/db/queries/sessions';
import { setSetting } from '@/db/queries/settings';
import { getStaffByEmail } from '@/db/queries/staff';
import { articles, comments, sections } from '@/db/schema';
import { hashSessionToken, newSessionToken, SESSION_COOKIE } from '@/lib/session-rules';
import { postFormWithoutJs } from './comment-helpers';
import { sampleArticleRow } from './helpers';
import { ownServer, removeOwnServer } from './own-server';

// A crash loses nothing that was acknowledged. A server of its own takes comments and publishes from
// several senders at once and is killed with SIGKILL at random moments; after each restart every
// answer that said "stored" must be in the database exactly once, and the file must be intact.
// WAL with synchronous=NORMAL makes a commit durable against a process crash (the WAL is written
// before the answer leaves); only an operating-system crash or power loss may lose the newest
// commits, which DB_SYNCHRONOUS=FULL prevents at some cost per write (see README).

const ROUNDS = 4;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('SIGKILL at random moments under comments and publishes loses no acknowledged write', async ({ playwright }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'one run is enough: the server is its own, not the browser');
  test.setTimeout(300_000);
  const server = ownServer(testInfo);
  await server.start();
  const db = openDb(server.databasePath);
  setSetting(db, 'comments.minSecondsToSubmit', 1);
  const admin = getStaffByEmail(db, 'admin@example.com')!;
  const token = newSessionToken();
  createSession(db, admin.id, hashSessionToken(token), Date.now());
  const sample = sampleArticleRow(db);
  const articlePath = `/article/${sample.id}/${sample.slug}`;
  const sectionId = String(db.select({ id: sections.id }).from(sections).limit(1).get()!.id);

  const ackedComments = new Set<string>();
  const ackedTitles = new Set<string>();
  let attempts = 0;
  let n = 0;

  async function commenter(api: APIRequestContext, running: () => boolean) {
    while (running()) {
      const i = n++;
      const email = `crash-${i}@example.com`;
      attempts++;
      try {
        const response = await postFormWithoutJs(
          api,
          articlePath,
          { name: `قارئ ${i}`, email, body: `تعليق رقم ${i} قبل الانقطاع أو بعده` },
          { 'x-forwarded-for': `10.99.${Math.floor(i / 250) % 250}.${(i % 250) + 1}` },
        );
        if (response.status() === 200 && (await response.text()).includes('تعليقك بانتظار المراجعة')) ackedComments.add(email);
      } catch {
        // the server died mid-request: not acknowledged
      }
    }
  }

  async function publisher(api: APIRequestContext, running: () => boolean) {
    while (running()) {
      const title = `خبر عاجل رقم ${n++} عن الانقطاع`;
      attempts++;
      try {
        const response = await postFormWithoutJs(
          api,
          '/admin/articles/new',
          { title, body: 'نص الخبر في فقرة واحدة تكفي للنشر.', sectionId, intent: 'publish' },
          { cookie: `${SESSION_COOKIE}=${token}` },
        );
        if (response.status() === 303 && /created=1/.test(response.headers()['location'] ?? '')) ackedTitles.add(title);
      } catch {
        // not acknowledged
      }
    }
  }

  const api = await playwright.request.newContext({ baseURL: server.url });
  try {
    for (let round = 0; round < ROUNDS; round++) {
      let running = true;
      const load = [
        ...Array.from({ length: 4 }, () => commenter(api, () => running)),
        publisher(api, () => running),
      ];
      const before = { comments: ackedComments.size, titles: ackedTitles.size };
      await sleep(2_500 + Math.random() * 3_000);
      // The kill must fall under real load: on a slow machine the first writes after a restart take
      // a while, so wait (at most 20 s) until this round has had a publish and two comments
      // acknowledged, then kill at a random moment while the writes go on.
      const deadline = Date.now() + 20_000;
      while ((ackedTitles.size === before.titles || ackedComments.size < before.comments + 2) && Date.now() < deadline) await sleep(50);
      await sleep(Math.random() * 1_000);
      await server.kill('SIGKILL');
      running = false;
      await Promise.allSettled(load);
      await server.start();
    }

    const check = openDb(server.databasePath);
    expect(check.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    for (const email of ackedComments) {
      expect(check.select().from(comments).where(eq(comments.authorEmail, email)).all(), email).toHaveLength(1);
    }
    for (const title of ackedTitles) {
      const stored = check.select().from(articles).where(eq(articles.title, title)).all();
      expect(stored, title).toHaveLength(1);
      expect(stored[0]!.status).toBe('published');
    }
    const storedComments = check.get<{ n: number }>(sql`select count(*) as n from comments where author_email like 'crash-%'`).n;
    console.log(`kill test: ${ROUNDS} SIGKILLs, ${attempts} writes attempted, ${ackedComments.size} comments and ${ackedTitles.size} publishes acknowledged, ${storedComments} comments stored, integrity ok`);
    // The load must have been real for the test to mean anything.
    expect(ackedComments.size).toBeGreaterThan(ROUNDS * 2);
    expect(ackedTitles.size).toBeGreaterThanOrEqual(ROUNDS);
    check.$client.close();
  } finally {
    await api.dispose();
    await server.kill('SIGTERM');
    db.$client.close();
    removeOwnServer(server);
  }
});
