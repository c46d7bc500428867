import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isEligible, isStorable, negotiateEncoding, PageCache } from '@/lib/page-cache';

describe('negotiateEncoding', () => {
  it('prefers brotli, then gzip, then identity', () => {
    expect(negotiateEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(negotiateEncoding('gzip, deflate')).toBe('gzip');
    expect(negotiateEncoding(undefined)).toBe('identity');
    expect(negotiateEncoding('')).toBe('identity');
  });
  it('honours q=0 and the wildcard', () => {
    expect(negotiateEncoding('br;q=0, gzip')).toBe('gzip');
    expect(negotiateEncoding('br;q=0, gzip;q=0')).toBe('identity');
    expect(negotiateEncoding('*')).toBe('br');
    expect(negotiateEncoding('*;q=0')).toBe('identity');
  });
});

describe('isEligible', () => {
  const req = (over: Partial<{ method: string; url: string; headers: http.IncomingHttpHeaders }> = {}) => ({
    method: 'GET',
    url: '/article/1/x',
    headers: {},
    ...over,
  });
  it('accepts plain document requests', () => {
    expect(isEligible(req())).toBe(true);
    expect(isEligible(req({ method: 'HEAD' }))).toBe(true);
  });
  it('refuses writes, queries, Next internals, RSC requests and anything with cookies', () => {
    expect(isEligible(req({ method: 'POST' }))).toBe(false);
    expect(isEligible(req({ url: '/search?q=x' }))).toBe(false);
    expect(isEligible(req({ url: '/_next/static/x.js' }))).toBe(false);
    expect(isEligible(req({ url: '/api/health' }))).toBe(false);
    expect(isEligible(req({ headers: { rsc: '1' } }))).toBe(false);
    expect(isEligible(req({ headers: { 'next-router-prefetch': '1' } }))).toBe(false);
    expect(isEligible(req({ headers: { 'next-action': 'abc' } }))).toBe(false);
    expect(isEligible(req({ headers: { cookie: 'session=1' } }))).toBe(false);
  });
});

describe('isStorable', () => {
  const h = (values: Record<string, string>) => new Headers(values);
  it('stores only public pages Next served from its cache', () => {
    expect(isStorable(200, h({ 'x-nextjs-cache': 'HIT', 'cache-control': 's-maxage=3600, stale-while-revalidate=1' }))).toBe(true);
    expect(isStorable(200, h({ 'x-nextjs-cache': 'STALE', 'cache-control': 's-maxage=3600' }))).toBe(false);
    expect(isStorable(200, h({ 'x-nextjs-cache': 'MISS', 'cache-control': 's-maxage=3600' }))).toBe(false);
    expect(isStorable(404, h({ 'x-nextjs-cache': 'HIT', 'cache-control': 's-maxage=3600' }))).toBe(false);
    expect(isStorable(200, h({ 'x-nextjs-cache': 'HIT', 'cache-control': 'private, no-cache, no-store' }))).toBe(false);
    expect(isStorable(200, h({ 'x-nextjs-cache': 'HIT', 'cache-control': 's-maxage=60', 'set-cookie': 'a=b' }))).toBe(false);
  });
});

// A real HTTP origin standing in for Next: it answers like Next does for a cached page.
describe('PageCache over real HTTP', () => {
  let origin: http.Server;
  let front: http.Server;
  let cache: PageCache;
  let originHits = 0;
  let originDelayMs = 0;
  let clock = 1_000_000;
  let frontUrl = '';
  let edition = '';
  const page = `<!doctype html><html lang="ar" dir="rtl"><body>${'<p>نص الخبر</p>'.repeat(200)}</body></html>`;

  beforeAll(async () => {
    origin = http.createServer(async (req, res) => {
      originHits++;
      if (originDelayMs) await new Promise((r) => setTimeout(r, originDelayMs));
      if (req.url === '/missing') {
        res.writeHead(404, { 'content-type': 'text/html', 'cache-control': 's-maxage=3600', 'x-nextjs-cache': 'HIT' });
        res.end('not found');
        return;
      }
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 's-maxage=3600, stale-while-revalidate=31532400',
        'x-nextjs-cache': 'HIT',
        vary: 'rsc, Accept-Encoding',
      });
      res.end(page.replace('</body>', `${edition}</body>`));
    });
    await new Promise<void>((r) => origin.listen(0, '127.0.0.1', r));
    cache = new PageCache(`http://127.0.0.1:${(origin.address() as AddressInfo).port}`, () => clock);
    // The front server: cache first, else the origin's answer is relayed and considered for a fill.
    front = http.createServer(async (req, res) => {
      if (cache.serve(req, res)) return;
      const upstream = await fetch(`http://127.0.0.1:${(origin.address() as AddressInfo).port}${req.url}`);
      res.statusCode = upstream.status;
      upstream.headers.forEach((v, k) => res.setHeader(k, v));
      res.on('finish', () => cache.considerAfterResponse(req, res));
      res.end(Buffer.from(await upstream.arrayBuffer()));
    });
    await new Promise<void>((r) => front.listen(0, '127.0.0.1', r));
    frontUrl = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
  });

  afterAll(() => {
    front.close();
    origin.close();
  });

  /** The article's bytes as served to a client that asks for brotli. */
  const servedBrotli = () =>
    new Promise<Buffer>((resolve) => {
      http.get(`${frontUrl}/article/1/x`, { headers: { 'accept-encoding': 'br' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve(Buffer.concat(chunks)));
      });
    });

  async function waitForEntry(n: number) {
    for (let i = 0; i < 100 && cache.size < n; i++) await new Promise((r) => setTimeout(r, 10));
  }

  it('keeps a copy after the first answer and serves it compressed, byte for byte the same page', async () => {
    const first = await fetch(`${frontUrl}/article/1/x`);
    expect(first.headers.get('x-page-cache')).toBeNull();
    expect(await first.text()).toBe(page);
    await waitForEntry(1);
    expect(cache.size).toBe(1);

    const hitsBefore = originHits;
    for (const [encoding, decode] of [
      ['br', (b: Buffer) => zlib.brotliDecompressSync(b)],
      ['gzip', (b: Buffer) => zlib.gunzipSync(b)],
      ['identity', (b: Buffer) => b],
    ] as const) {
      const raw = await new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve) => {
        http.get(`${frontUrl}/article/1/x`, { headers: { 'accept-encoding': encoding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        });
      });
      expect(raw.headers['x-page-cache']).toBe('HIT');
      expect(raw.headers['content-encoding']).toBe(encoding === 'identity' ? undefined : encoding);
      expect(raw.headers['cache-control']).toContain('s-maxage=3600');
      expect(decode(raw.body).toString('utf8')).toBe(page);
    }
    expect(originHits).toBe(hitsBefore);
  });

  it('swaps in a smaller brotli once the slower compression is done', async () => {
    const brotliSize = (quality: number) =>
      zlib.brotliCompressSync(Buffer.from(page), {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: quality,
          [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(page),
        },
      }).length;
    expect(brotliSize(11)).toBeLessThan(brotliSize(5));
    let body = await servedBrotli();
    for (let i = 0; i < 100 && body.length !== brotliSize(11); i++) {
      await new Promise((r) => setTimeout(r, 20));
      body = await servedBrotli();
    }
    expect(body.length).toBe(brotliSize(11));
    expect(zlib.brotliDecompressSync(body).toString('utf8')).toBe(page);
  });

  it('keeps the compressed copies of a page that comes back unchanged after a clear, and only those', async () => {
    const smallest = await servedBrotli();
    const compressions = cache.compressions;

    cache.clear();
    await fetch(`${frontUrl}/article/1/x`);
    await waitForEntry(1);
    expect(cache.compressions).toBe(compressions);
    expect(await servedBrotli()).toEqual(smallest);

    edition = '<p>خبر عاجل</p>';
    try {
      cache.clear();
      await fetch(`${frontUrl}/article/1/x`);
      await waitForEntry(1);
      expect(cache.compressions).toBe(compressions + 1);
      expect(zlib.brotliDecompressSync(await servedBrotli()).toString('utf8')).toContain('خبر عاجل');
    } finally {
      edition = '';
      cache.clear();
      await fetch(`${frontUrl}/article/1/x`);
      await waitForEntry(1);
    }
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const hit = await fetch(`${frontUrl}/article/1/x`);
    const etag = hit.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    const again = await fetch(`${frontUrl}/article/1/x`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('never stores error pages and steps aside for cookies', async () => {
    await fetch(`${frontUrl}/missing`);
    await new Promise((r) => setTimeout(r, 50));
    const missing = await fetch(`${frontUrl}/missing`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-page-cache')).toBeNull();

    const withCookie = await fetch(`${frontUrl}/article/1/x`, { headers: { cookie: 'comment_author=x' } });
    expect(withCookie.headers.get('x-page-cache')).toBeNull();
  });

  it('forgets everything on clear() and entries expire after five minutes', async () => {
    cache.clear();
    expect(cache.size).toBe(0);
    expect((await fetch(`${frontUrl}/article/1/x`)).headers.get('x-page-cache')).toBeNull();
    await waitForEntry(1);
    expect((await fetch(`${frontUrl}/article/1/x`)).headers.get('x-page-cache')).toBe('HIT');
    clock += 301_000;
    expect((await fetch(`${frontUrl}/article/1/x`)).headers.get('x-page-cache')).toBeNull();
  });

  it('drops a fill that was still running when the cache was cleared', async () => {
    cache.clear();
    originDelayMs = 150;
    await fetch(`${frontUrl}/article/2/y`); // answered, and a fill starts (slow origin)
    await new Promise((r) => setTimeout(r, 50));
    cache.clear(); // a revalidation lands while the fill is in flight
    await new Promise((r) => setTimeout(r, 300));
    originDelayMs = 0;
    expect(cache.size).toBe(0);
  });
});
