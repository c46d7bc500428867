// Headers every response carries (server.ts sets them before Next or the page cache answers), and
// the cache policy reader pages get so a CDN in front may serve and revalidate them.

import type { ServerResponse } from 'node:http';

/**
 * Reader pages get no nonce: they are cached and shared, so the same bytes go to everyone, and their
 * few inline scripts need 'unsafe-inline'. The newsroom is rendered for each request, so it gets a
 * fresh nonce each time and no inline script runs there without it (Next puts it on its own
 * scripts when the request carries the policy, see server.ts). React's style attributes need
 * 'unsafe-inline' styles everywhere. The site makes no third-party requests, so nothing else is
 * allowed.
 */
export function contentSecurityPolicy(https: boolean, nonce?: string): string {
  return [
    "default-src 'self'",
    nonce ? `script-src 'self' 'nonce-${nonce}'` : "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

const PERMISSIONS_POLICY = [
  'accelerometer', 'autoplay', 'camera', 'display-capture', 'encrypted-media', 'fullscreen', 'geolocation',
  'gyroscope', 'magnetometer', 'microphone', 'midi', 'payment', 'picture-in-picture', 'publickey-credentials-get',
  'screen-wake-lock', 'serial', 'usb', 'xr-spatial-tracking', 'browsing-topics',
].map((feature) => `${feature}=()`).join(', ');

/**
 * Cross-Origin-Opener-Policy only on the admin: on a reader page it makes Chromium start a fresh
 * renderer process for every visit from another site (measured: about 450 ms more Lighthouse TBT on
 * the article), and a reader page holds nothing a window opener could reach.
 */
export function securityHeaders(siteUrl: string | undefined, { admin = false, nonce }: { admin?: boolean; nonce?: string } = {}): [string, string][] {
  const https = (siteUrl ?? '').startsWith('https:');
  return [
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ['Permissions-Policy', PERMISSIONS_POLICY],
    ['Content-Security-Policy', contentSecurityPolicy(https, nonce)],
    ['X-Frame-Options', 'DENY'],
    ...(admin ? ([['Cross-Origin-Opener-Policy', 'same-origin']] as [string, string][]) : []),
    ...(https ? ([['Strict-Transport-Security', 'max-age=31536000; includeSubDomains']] as [string, string][]) : []),
  ];
}

/**
 * Next marks cacheable reader pages with `s-maxage=<revalidate>`; a CDN holding them that long would
 * show a published correction an hour late. Shared caches keep a page a minute and may serve it
 * stale for five while they fetch it again (or a day if the origin is down); browsers always ask.
 */
export const READER_CACHE_CONTROL = 'public, max-age=0, s-maxage=60, stale-while-revalidate=300, stale-if-error=86400';

/** The Cache-Control to send instead of the one Next chose. */
export function readerCacheControl(value: string): string {
  return /(^|,)\s*s-maxage=/.test(value) && !/private|no-store/.test(value) ? READER_CACHE_CONTROL : value;
}

/** A request id from a trusted proxy is kept (so logs join up); otherwise a new one. */
export function requestIdFrom(incoming: string | string[] | undefined, trustProxy: boolean, fresh: () => string): string {
  return trustProxy && typeof incoming === 'string' && /^[\w.-]{8,64}$/.test(incoming) ? incoming : fresh();
}

/** Headers that stay when server.ts replaces a body it was not meant to send (404 documents). */
export const KEPT_ON_REPLACE = new Set(['vary', 'x-request-id', ...securityHeaders('https://any', { admin: true }).map(([name]) => name.toLowerCase())]);

/**
 * Next replays a cached redirect's headers with `appendHeader` after its render already set them, so
 * `Location` (and `x-nextjs-stale-time`) went out twice; a CDN that joins repeated headers turns that
 * into `Location: /a, /a`, which leads nowhere (vercel/next.js#82117). Appending a value a header
 * already has is therefore dropped, except for Set-Cookie, where two equal cookies are two cookies.
 */
export function appendOnlyNewHeaderValues(res: ServerResponse): void {
  const append = res.appendHeader.bind(res);
  res.appendHeader = ((name: string, value: string | readonly string[]) => {
    if (name.toLowerCase() === 'set-cookie') return append(name, value);
    const current = res.getHeader(name);
    const present = current === undefined ? [] : Array.isArray(current) ? current.map(String) : [String(current)];
    const fresh = (typeof value === 'string' ? [value] : [...value]).filter((v) => !present.includes(String(v)));
    return fresh.length ? append(name, fresh) : res;
  }) as typeof res.appendHeader;
}
