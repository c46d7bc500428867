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

test('the newsroom runs only the scripts its answer carried, each with that answer’s own nonce', async ({ request, page }) => {
  const nonces: string[] = [];
  for (let i = 0; i < 2; i++) {
    const response = await request.get('/admin/login');
    const csp = response.headers()['content-security-policy']!;
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce, csp).toBeTruthy();
    expect(csp.split('; ').find((d) => d.startsWith('script-src'))).toBe(`script-src 'self' 'nonce-${nonce}'`);
    const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    nonces.push(nonce!);
  }
  expect(new Set(nonces).size).toBe(2);

  // The page's own code runs (the form is hydrated); an inline script slipped in without the nonce does not.
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/.test(m.text())) violations.push(m.text());
  });
  await page.goto('/admin/login');
  await waitForHydration(page, 'form:has(input[type="password"])');
  expect(violations).toEqual([]);
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true';
    document.body.append(script);
    return (window as { __injected?: boolean }).__injected ?? false;
  });
  expect(ran).toBe(false);
  await expect.poll(() => violations.length).toBe(1);
});
