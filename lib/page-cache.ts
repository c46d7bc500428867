import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

// A page cache in front of Next, as a news site would put Varnish or nginx in front of WordPress.
// Next's ISR cache stays the source of truth (it holds every reader page and is revalidated by tag);
// this layer only keeps the bytes of pages Next served from that cache, already compressed, so a hot
// page costs a Map lookup and one write instead of a pass through Next's request pipeline and a
// fresh gzip per request.
//
// Rules that keep it honest:
// - only GET/HEAD documents without RSC headers, cookies or a query string are eligible;
// - a page is stored only after Next served it from its cache (x-nextjs-cache: HIT) with a public
//   s-maxage: that is, only what Next itself would serve to everyone;
// - every revalidation clears the whole layer (clearPageCache), and a fill that started before the
//   clear is dropped, so nothing revalidated by a write is served from here;
// - entries live at most MAX_AGE_SECONDS: pages Next regenerates on a timer (the hourly safety
//   net) may be served up to that much older than Next's copy.
//
// Compressing is the costly part of a fill, and a revalidation empties the layer although most pages
// come back from Next byte for byte the same (a publish changes a handful of pages, not every
// article). So the compressed copies are also kept by the page's hash, across clears: a page that
// comes back unchanged costs a hash instead of three compressions. Being keyed by content, they
// can never serve anything stale.

const MAX_AGE_SECONDS = 300;
const MAX_BYTES = 256 * 1024 * 1024;
const MAX_PACKED_BYTES = 64 * 1024 * 1024;
const FILL_HEADER = 'x-page-cache-fill';
const SKIPPED_HEADERS = new Set([
  'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding', 'date',
  'x-nextjs-cache', 'x-powered-by', 'x-request-id', 'x-nextjs-prerender', 'x-nextjs-stale-time',
]);

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

// A page is stored with brotli's quality 5 (about 8 ms on the 77 KB sample article), then compressed
// again at quality 11 (about 90 ms, in libuv's pool, off the event loop) and swapped in: 13.3 KB
// instead of 15.0, so with its headers the article fits the 14.6 KB a new connection may receive in
// its first round trip (quality 10: 13.5 KB, just over). The quality-11 passes run one at a time:
// after a clear under load, dozens of pages refill at once, and running their passes side by side
// took every core from the requests being served.
const FAST_BROTLI = 5;
const SMALL_BROTLI = 11;

function brotliAt(quality: number, identity: Buffer): Promise<Buffer> {
  return brotli(identity, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: quality,
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
    },
  });
}

/** A page's compressed copies, shared by every entry with the same bytes. */
type Packed = { gzip: Buffer; br: Buffer; smallest: boolean };

type Entry = {
  headers: [string, string][];
  etag: string;
  identity: Buffer;
  packed: Packed;
  expires: number;
  bytes: number;
};

export type Encoding = 'br' | 'gzip' | 'identity';

/** The best encoding the client accepts among those stored (q=0 refuses one). */
export function negotiateEncoding(acceptEncoding: string | undefined): Encoding {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return 'identity';
}

type RequestLike = Pick<IncomingMessage, 'method' | 'url' | 'headers'>;

/** A browser asking for an HTML page (not an RSC fetch, an action, an asset or an API call). */
export function isDocumentRequest(req: RequestLike): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const url = req.url ?? '';
  if (!url.startsWith('/') || /^\/(_next|api|media)\//.test(url)) return false;
  const h = req.headers;
  return !(h.rsc || h['next-router-state-tree'] || h['next-router-prefetch'] || h['next-action']);
}

/** Whether a request may be answered from the page cache at all. */
export function isEligible(req: RequestLike): boolean {
  return (
    isDocumentRequest(req) &&
    !req.url!.includes('?') &&
    !/^\/(en\/)?admin(\/|$)/.test(req.url!) &&
    !req.headers.cookie &&
    !req.headers.authorization
  );
}

/** Whether the response Next gave to an eligible request may be stored for everyone. */
export function isStorable(status: number, headers: { get(name: string): string | null }): boolean {
  const cacheControl = headers.get('cache-control') ?? '';
  return (
    status === 200 &&
    headers.get('x-nextjs-cache') === 'HIT' &&
    /(^|,)\s*s-maxage=\d+/.test(cacheControl) &&
    !/private|no-store|no-cache/.test(cacheControl) &&
    !headers.get('set-cookie')
  );
}

export class PageCache {
  private entries = new Map<string, Entry>();
  private filling = new Set<string>();
  private internal = new Map<string, { body: Buffer; generation: number; expires: number }>();
  private packed = new Map<string, Packed>();
  private packedBytes = 0;
  private slowQueue: Promise<void> = Promise.resolve();
  private generation = 0;
  private bytes = 0;
  private readonly fillToken = crypto.randomBytes(16).toString('hex');

  constructor(private readonly origin: string, private readonly now: () => number = Date.now) {}

  get size(): number {
    return this.entries.size;
  }

  /** How many times a page was compressed (a page that came back unchanged after a clear is not). */
  compressions = 0;

  clear(): void {
    this.generation++;
    this.entries.clear();
    this.internal.clear();
    this.bytes = 0;
  }

  /** Requests made by this cache itself (fills) carry this header; they must reach Next. */
  isInternal(req: IncomingMessage): boolean {
    return req.headers[FILL_HEADER] === this.fillToken;
  }

  /**
   * The body of a page the server itself needs (the rendered 404 view), fetched from Next with
   * the internal header and kept like any entry.
   */
  async internalPage(path: string): Promise<Buffer | undefined> {
    const kept = this.internal.get(path);
    if (kept && kept.generation === this.generation && kept.expires > this.now()) return kept.body;
    const generation = this.generation;
    try {
      const response = await fetch(`${this.origin}${path}`, { headers: { [FILL_HEADER]: this.fillToken, 'accept-encoding': 'identity' } });
      if (!response.ok) return undefined;
      const body = Buffer.from(await response.arrayBuffer());
      if (generation === this.generation) this.internal.set(path, { body, generation, expires: this.now() + MAX_AGE_SECONDS * 1000 });
      return body;
    } catch {
      return undefined;
    }
  }

  /** Has the server render a page again past this cache (what that rendering leaves behind is the point). */
  async renderAgain(path: string): Promise<void> {
    const response = await fetch(`${this.origin}${path}`, { headers: { [FILL_HEADER]: this.fillToken, 'accept-encoding': 'identity' } });
    await response.arrayBuffer();
  }

  /** Answers from the cache when it can; returns false to let Next handle the request. */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    if (this.isInternal(req)) return false;
    if (!isEligible(req)) return false;
    const key = req.url!;
    const entry = this.entries.get(key);
    if (!entry) return false;
    if (entry.expires <= this.now()) {
      this.delete(key);
      return false;
    }
    // Least recently used goes first when memory runs out: move this one to the end.
    this.entries.delete(key);
    this.entries.set(key, entry);

    for (const [name, value] of entry.headers) res.setHeader(name, value);
    res.setHeader('ETag', entry.etag);
    res.setHeader('X-Page-Cache', 'HIT');
    if (req.headers['if-none-match'] === entry.etag) {
      res.statusCode = 304;
      res.end();
      return true;
    }
    const encoding = negotiateEncoding(req.headers['accept-encoding']);
    const body = encoding === 'identity' ? entry.identity : entry.packed[encoding];
    if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding);
    res.setHeader('Content-Length', body.length);
    res.statusCode = 200;
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  }

  /** After Next answered an eligible request from its own cache, fetch and keep a copy. */
  considerAfterResponse(req: IncomingMessage, res: ServerResponse): void {
    if (req.headers[FILL_HEADER] || !isEligible(req)) return;
    const headers = { get: (name: string) => String(res.getHeader(name) ?? '') || null };
    if (res.statusCode !== 200 || !headers.get('cache-control')?.includes('s-maxage')) return;
    const key = req.url!;
    if (this.entries.has(key) || this.filling.has(key)) return;
    this.filling.add(key);
    void this.fill(key).finally(() => this.filling.delete(key));
  }

  private async fill(key: string): Promise<void> {
    const generation = this.generation;
    try {
      const response = await fetch(`${this.origin}${key}`, {
        headers: { [FILL_HEADER]: this.fillToken, 'accept-encoding': 'identity' },
        redirect: 'manual',
      });
      const identity = Buffer.from(await response.arrayBuffer());
      if (!isStorable(response.status, response.headers)) return;
      const etag = `"${crypto.createHash('sha1').update(identity).digest('base64url')}"`;
      const packed = this.reuse(etag) ?? (await this.pack(etag, identity));
      // A revalidation happened while this page was fetched or compressed: it may be stale.
      if (generation !== this.generation) return;
      const headers: [string, string][] = [];
      response.headers.forEach((value, name) => {
        if (!SKIPPED_HEADERS.has(name) && name !== 'etag') headers.push([name, value]);
      });
      const entry: Entry = {
        headers,
        etag,
        identity,
        packed,
        expires: this.now() + MAX_AGE_SECONDS * 1000,
        bytes: identity.length,
      };
      this.delete(key);
      this.entries.set(key, entry);
      this.bytes += entry.bytes;
      for (const [oldest] of this.entries) {
        if (this.bytes <= MAX_BYTES) break;
        this.delete(oldest);
      }
      if (!packed.smallest) this.slowQueue = this.slowQueue.then(() => this.recompress(key, entry));
    } catch {
      // A failed fill only means the next request goes to Next again.
    }
  }

  /** The copies kept for these bytes, if any, marked as just used. */
  private reuse(etag: string): Packed | undefined {
    const packed = this.packed.get(etag);
    if (packed) {
      this.packed.delete(etag);
      this.packed.set(etag, packed);
    }
    return packed;
  }

  /** Compresses a page the fast way and keeps the copies under its hash, least recently used first out. */
  private async pack(etag: string, identity: Buffer): Promise<Packed> {
    this.compressions++;
    const [gz, br] = await Promise.all([gzip(identity, { level: 9 }), brotliAt(FAST_BROTLI, identity)]);
    const packed: Packed = { gzip: gz, br, smallest: false };
    this.packed.set(etag, packed);
    this.packedBytes += gz.length + br.length;
    for (const [oldest, old] of this.packed) {
      if (this.packedBytes <= MAX_PACKED_BYTES) break;
      this.packed.delete(oldest);
      this.packedBytes -= old.gzip.length + old.br.length;
    }
    return packed;
  }

  /** Swaps in the smaller brotli, unless the page was dropped, replaced or already done meanwhile. */
  private async recompress(key: string, entry: Entry): Promise<void> {
    const { packed } = entry;
    if (packed.smallest || this.entries.get(key) !== entry) return;
    try {
      const smaller = await brotliAt(SMALL_BROTLI, entry.identity);
      packed.smallest = true;
      if (smaller.length >= packed.br.length) return;
      if (this.packed.get(entry.etag) === packed) this.packedBytes -= packed.br.length - smaller.length;
      packed.br = smaller;
    } catch {
      // The fast copy stays.
    }
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= entry.bytes;
    this.entries.delete(key);
  }
}

const globalKey = '__portalPageCache';

export function installPageCache(cache: PageCache): void {
  (globalThis as Record<string, unknown>)[globalKey] = cache;
}

/** Drops every stored page. Called with every revalidation, so the layer never outlives Next's cache. */
export function clearPageCache(): void {
  ((globalThis as Record<string, unknown>)[globalKey] as PageCache | undefined)?.clear();
}
