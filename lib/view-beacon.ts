import type http from 'node:http';
import { getDb, withoutWaiting } from '../db/client';
import { mostReadIds, pruneViews, recordViews } from '../db/queries/views';
import { INTERNAL_HEADER, internalToken } from './internal';
import { log } from './log';
import { isBot, parseBeacon, ViewCounter } from './view-counter';

// POST /api/views, answered by server.ts before Next: the article pages stay static and cached,
// and a beacon costs a Map update. Counts are written every FLUSH_MS in one transaction; when the
// most-read lists change, the server asks itself (like the scheduler) to revalidate them, at most
// every MOST_READ_REFRESH_MS.

export const BEACON_PATH = '/api/views';
const FLUSH_MS = 2_000;
const MOST_READ_REFRESH_MS = 15_000;
const MAX_BODY = 32;

export function startViewCounting(port: number) {
  const counter = new ViewCounter();
  let lastLists = '';
  let lastRefresh = 0;
  let lastPrune = 0;

  function handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (req.method !== 'POST') {
      res.writeHead(405, { Allow: 'POST' }).end();
      return;
    }
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk.slice(0, MAX_BODY + 1);
    });
    req.on('end', () => {
      if (body.length > MAX_BODY) {
        res.writeHead(413, { 'Cache-Control': 'no-store' }).end();
        return;
      }
      const id = parseBeacon(body);
      if (id === null) {
        res.writeHead(400, { 'Cache-Control': 'no-store' }).end();
        return;
      }
      const ua = req.headers['user-agent'];
      if (!isBot(ua)) counter.add(id, `${req.headers['x-portal-client-ip'] ?? ''}\n${ua}`, Date.now());
      res.writeHead(204, { 'Cache-Control': 'no-store' }).end();
    });
  }

  function flush(): void {
    const batch = counter.take();
    const now = Date.now();
    const db = getDb();
    if (batch.size > 0) {
      try {
        withoutWaiting(db, () => recordViews(db, batch, now));
      } catch (error) {
        counter.restore(batch);
        log('warn', 'views-kept-in-memory', { reason: String((error as { code?: string }).code ?? error) });
        return;
      }
    }
    if (now - lastPrune > 3_600_000) {
      lastPrune = now;
      try {
        withoutWaiting(db, () => pruneViews(db, now));
      } catch {
        lastPrune = 0; // locked: next round
      }
    }
    if (batch.size === 0 || now - lastRefresh < MOST_READ_REFRESH_MS) return;
    const lists = `${mostReadIds(db, now, 24, 5)}|${mostReadIds(db, now, 24 * 7, 5)}`;
    if (lists === lastLists) return;
    lastLists = lists;
    lastRefresh = now;
    void fetch(`http://127.0.0.1:${port}/api/internal/most-read`, { method: 'POST', headers: { [INTERNAL_HEADER]: internalToken() } }).catch(() => {});
  }

  const timer = setInterval(flush, FLUSH_MS);
  timer.unref();
  return { handle, flush, stop: () => clearInterval(timer) };
}
