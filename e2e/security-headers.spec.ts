import { expect, test } from '@playwright/test';
import { READER_CACHE_CONTROL } from '@/lib/response-headers';
import { sampleArticlePath } from './comment-helpers';
import { waitForHydration } from './helpers';

// Every answer carries the security headers; reader pages a policy a CDN may cache; the pages
// work under their own Content-Security-Policy and ask nothing of any other host.

const REQUIRED_CSP = ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"];

test('every kind of answer carries the security headers and a request id of its own', async ({ request }) => {
  const { path } = sampleArticlePath();
  const ids = new Set<string>();
  for (const url of ['/', path, '/section/news', '/search?q=روسيا', '/en', '/admin/login', '/feed.xml', '/sitemap.xml', '/robots.txt', '/api/health', '/no-such-page', '/article/999999/x']) {
    const response = await request.get(url, { maxRedirects: 0 });
    expect(response.status(), url).toBeLessThan(500);
    const h = response.headers();
    expect(h['x-content-type-options'], url).toBe('nosniff');
    expect(h['referrer-policy'], url).toBe('strict-origin-when-cross-origin');
    expect(h['permissions-policy'], url).toContain('camera=()');
    for (const part of REQUIRED_CSP) expect(h['content-security-policy'], url).toContain(part);
    expect(h['strict-transport-security'], 'no HSTS on plain http').toBeUndefined();
    // Opener isolation for the newsroom only: on reader pages it costs every visit a fresh process.
    expect(h['cross-origin-opener-policy'], url).toBe(url.startsWith('/admin') ? 'same-origin' : undefined);
    expect(h['x-request-id'], url).toMatch(/^[\w-]{8,}$/);
    ids.add(h['x-request-id']!);
  }
  expect(ids.size).toBe(12);
});

test('reader pages may be kept by a CDN for a minute and revalidated; the newsroom never', async ({ request }) => {
  const { path } = sampleArticlePath();
  for (const url of ['/', path]) {
    for (let i = 0; i < 3; i++) {
      const response = await request.get(url);
      expect(response.headers()['cache-control'], `${url} #${i}`).toBe(READER_CACHE_CONTROL);
    }
  }
  const admin = await request.get('/admin/login');
  expect(admin.headers()['cache-control']).toMatch(/private|no-store/);
  const search = await request.get('/search?q=روسيا');
  expect(search.headers()['cache-control']).not.toContain('public');
});

test('pages work under their policy and ask nothing of another host', async ({ page, baseURL }) => {
  const foreign: string[] = [];
  const violations: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(baseURL!) && !/^(data|blob):/.test(r.url())) foreign.push(r.url());
  });
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/.test(m.text())) violations.push(m.text());
  });
  const { path } = sampleArticlePath();
  for (const url of ['/', path, '/search?q=روسيا', '/en', '/admin/login']) {
    await page.goto(url);
    await page.waitForLoadState('networkidle');
  }
  // Under the policy React still runs: the comment form hydrates.
  await page.goto(path);
  await waitForHydration(page, 'form:has(textarea[name="body"])');
  expect(foreign).toEqual([]);
  expect(violations).toEqual([]);
});
