import { expect, test } from '@playwright/test';
import { sampleArticleRow, testDb } from './helpers';

// The page cache in front of Next (lib/page-cache.ts) must serve exactly what Next serves.
test('a hot article is served from the page cache with the same bytes Next renders', async ({ request }) => {
  const row = sampleArticleRow(testDb());
  const path = `/article/${row.id}/${row.slug}`;
  let cached: Awaited<ReturnType<typeof request.get>> | undefined;
  await expect
    .poll(async () => {
      cached = await request.get(path, { headers: { 'accept-encoding': 'gzip' } });
      return cached.headers()['x-page-cache'];
    })
    .toBe('HIT');
  // A cookie makes the cache step aside, so this one comes from Next itself.
  const fromNext = await request.get(path, { headers: { cookie: 'x=1' } });
  expect(fromNext.headers()['x-page-cache']).toBeUndefined();
  expect(await cached!.text()).toBe(await fromNext.text());
  expect(cached!.headers()['cache-control']).toContain('s-maxage');
});

test('pages that are not found are never kept', async ({ request }) => {
  for (let i = 0; i < 3; i++) {
    const response = await request.get('/article/99999999/x');
    expect(response.status()).toBe(404);
    expect(response.headers()['x-page-cache']).toBeUndefined();
  }
});
