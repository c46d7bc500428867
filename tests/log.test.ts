import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { currentRequestId, logLine, redact, runWithRequestId } from '@/lib/log';
import { appendOnlyNewHeaderValues, contentSecurityPolicy, READER_CACHE_CONTROL, readerCacheControl, requestIdFrom, securityHeaders } from '@/lib/response-headers';

describe('log lines', () => {
  it('are one JSON line carrying the request id of the request they happen in', async () => {
    const line = await runWithRequestId('req-12345678', async () => {
      await new Promise((r) => setTimeout(r, 1));
      return logLine('error', 'request-failed', { status: 500, path: '/article/1/x' });
    });
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toMatchObject({ level: 'error', event: 'request-failed', rid: 'req-12345678', status: 500 });
    expect(currentRequestId()).toBeUndefined();
  });

  it('never carry emails or tokens', () => {
    const token = 'Zk3JQ0a9_xV8m2Lr5tYw1pN6cB4dE7fH9gK0sU3iO2q';
    const line = logLine('error', 'error', { message: `login failed for reader.one@example.com with ${token}\n  at /work/main/.next/server/chunks/app.js:1:2` });
    expect(line).not.toContain('example.com');
    expect(line).not.toContain(token);
    expect(line).toContain('[email]');
    expect(line).toContain('/work/main/.next/server/chunks/app.js');
    expect(redact('مرحبا')).toBe('مرحبا');
  });
});

describe('response headers', () => {
  it('a strict policy: only this site, no plugins, no framing, forms post home', () => {
    const csp = contentSecurityPolicy(false);
    for (const part of ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"]) {
      expect(csp).toContain(part);
    }
    expect(csp).not.toMatch(/https?:|\*/);
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(contentSecurityPolicy(true)).toContain('upgrade-insecure-requests');
  });

  it('the newsroom runs inline scripts only with the nonce of its request; reader pages are shared, so they get none', () => {
    const scripts = (csp: string) => csp.split('; ').find((d) => d.startsWith('script-src'));
    expect(scripts(contentSecurityPolicy(false, 'bm9uY2U='))).toBe("script-src 'self' 'nonce-bm9uY2U='");
    expect(scripts(Object.fromEntries(securityHeaders(undefined, { admin: true, nonce: 'abc' }))['Content-Security-Policy']!)).toBe("script-src 'self' 'nonce-abc'");
    expect(scripts(contentSecurityPolicy(false))).toBe("script-src 'self' 'unsafe-inline'");
  });

  const names = (url?: string) => securityHeaders(url).map(([name]) => name);

  it('HSTS only when the site is served over https', () => {
    expect(names('http://localhost:3000')).not.toContain('Strict-Transport-Security');
    expect(names('https://news.example')).toContain('Strict-Transport-Security');
    expect(Object.fromEntries(securityHeaders(undefined))).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
    });
    expect(Object.fromEntries(securityHeaders(undefined))['Permissions-Policy']).toContain('camera=()');
  });

  it('opener isolation on the admin only: on reader pages it costs a fresh browser process per visit', () => {
    expect(names(undefined)).not.toContain('Cross-Origin-Opener-Policy');
    expect(Object.fromEntries(securityHeaders(undefined, { admin: true }))['Cross-Origin-Opener-Policy']).toBe('same-origin');
  });

  it('cacheable reader pages get the CDN policy; private answers keep theirs', () => {
    expect(readerCacheControl('s-maxage=3600, stale-while-revalidate=31532400')).toBe(READER_CACHE_CONTROL);
    expect(readerCacheControl('private, no-cache, no-store, max-age=0, must-revalidate')).toBe('private, no-cache, no-store, max-age=0, must-revalidate');
    expect(readerCacheControl('no-store')).toBe('no-store');
  });

  it('request ids from a trusted proxy are kept when well formed', () => {
    const fresh = () => 'fresh-id-1';
    expect(requestIdFrom('abcdef12-3456', true, fresh)).toBe('abcdef12-3456');
    expect(requestIdFrom('abcdef12-3456', false, fresh)).toBe('fresh-id-1');
    expect(requestIdFrom('bad id with spaces', true, fresh)).toBe('fresh-id-1');
    expect(requestIdFrom(['a', 'b'], true, fresh)).toBe('fresh-id-1');
  });
});

describe('repeated header values', () => {
  /** The raw header lines a client gets, after the handler ran on a real server. */
  async function rawHeaders(handler: (res: http.ServerResponse) => void): Promise<string[]> {
    const server = http.createServer((_req, res) => {
      appendOnlyNewHeaderValues(res);
      handler(res);
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const { port } = server.address() as AddressInfo;
      return await new Promise((resolve, reject) => {
        http.get({ port, host: '127.0.0.1' }, (res) => {
          res.resume();
          resolve(res.rawHeaders);
        }).on('error', reject);
      });
    } finally {
      server.close();
    }
  }
  const lines = (raw: string[], name: string) => raw.filter((_, i) => i % 2 === 0 && raw[i]!.toLowerCase() === name).length;

  it('a Location set and then appended again goes out once', async () => {
    const raw = await rawHeaders((res) => {
      res.statusCode = 308;
      res.setHeader('location', '/article/1/%D9%81');
      res.appendHeader('location', '/article/1/%D9%81');
      res.appendHeader('x-nextjs-stale-time', '300');
      res.appendHeader('x-nextjs-stale-time', '300');
    });
    expect(lines(raw, 'location')).toBe(1);
    expect(lines(raw, 'x-nextjs-stale-time')).toBe(1);
  });

  it('new values and every cookie are still added', async () => {
    const raw = await rawHeaders((res) => {
      res.setHeader('vary', 'rsc');
      res.appendHeader('vary', 'Accept-Encoding');
      res.appendHeader('set-cookie', 'a=1; Path=/');
      res.appendHeader('set-cookie', 'a=1; Path=/');
      res.appendHeader('link', ['</a>; rel=preload', '</b>; rel=preload']);
    });
    expect(lines(raw, 'vary')).toBe(2);
    expect(lines(raw, 'set-cookie')).toBe(2);
    expect(lines(raw, 'link')).toBe(2);
  });
});
