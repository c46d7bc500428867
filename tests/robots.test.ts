import { describe, expect, it } from 'vitest';
import { buildRobotsTxt } from '@/lib/robots';

describe('buildRobotsTxt', () => {
  const lines = buildRobotsTxt(['https://news.example/sitemap.xml', 'https://news.example/news-sitemap.xml']).split('\n');

  it('keeps the newsroom out in both languages and lets the rest in', () => {
    expect(lines.slice(0, 4)).toEqual(['User-agent: *', 'Disallow: /admin', 'Disallow: /en/admin', 'Allow: /']);
  });

  it('names each sitemap by its absolute URL', () => {
    expect(lines).toContain('Sitemap: https://news.example/sitemap.xml');
    expect(lines).toContain('Sitemap: https://news.example/news-sitemap.xml');
  });
});
