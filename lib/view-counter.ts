import crypto from 'node:crypto';
import { parseId } from './paging';

// Article views, counted in memory and written in batches (server.ts flushes every few seconds and
// on shutdown). The page sends one beacon after load, and here the same address and browser
// signature count once per article per day, so reloads or replayed beacons do not inflate a story.

export const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Past this many remembered (reader, article) pairs in a day, new ones are counted without dedup. */
const MAX_SEEN = 500_000;

const BOT = /bot|crawl|spider|slurp|scrap|fetch|preview|monitor|headless|lighthouse|pingdom|curl|wget|python|java\/|go-http|okhttp|axios|node-fetch|libwww|httpclient|facebookexternalhit|whatsapp|telegram|embedly|quora link|validator/i;

/** Obvious robots: no user agent, a declared crawler, a link previewer or a scripting library. */
export function isBot(userAgent: string | undefined): boolean {
  return !userAgent || userAgent.length < 10 || BOT.test(userAgent);
}

/** The article id a beacon carries (its whole body, e.g. "42"), or null. */
export function parseBeacon(body: string): number | null {
  return parseId(body.trim());
}

export class ViewCounter {
  private pending = new Map<number, number>();
  private seen = new Set<string>();
  private day = -1;
  private readonly secret = crypto.randomBytes(16);

  /** Counts one view unless this reader already counted this article today; true when counted. */
  add(articleId: number, reader: string, now: number): boolean {
    const day = Math.floor(now / DAY_MS);
    if (day !== this.day) {
      this.day = day;
      this.seen.clear();
    }
    const key = crypto.createHmac('sha256', this.secret).update(`${reader}\n${articleId}`).digest('base64url').slice(0, 22);
    if (this.seen.has(key)) return false;
    if (this.seen.size < MAX_SEEN) this.seen.add(key);
    this.pending.set(articleId, (this.pending.get(articleId) ?? 0) + 1);
    return true;
  }

  get size(): number {
    return this.pending.size;
  }

  /** What was counted since the last call, to write in one transaction. */
  take(): Map<number, number> {
    const batch = this.pending;
    this.pending = new Map();
    return batch;
  }

  /** Puts a batch back after a failed write, so nothing counted is lost. */
  restore(batch: Map<number, number>): void {
    for (const [id, n] of batch) this.pending.set(id, (this.pending.get(id) ?? 0) + n);
  }
}
