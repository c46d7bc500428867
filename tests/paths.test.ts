import { describe, expect, it } from 'vitest';
import { articlePath, hrefOf, tagPath } from '@/lib/paths';

describe('hrefOf', () => {
  it('writes Arabic as letters, and a browser resolves it to the same address', () => {
    const path = articlePath(121, 'في-اجتماع-بوتين');
    expect(path).toBe('/article/121/%D9%81%D9%8A-%D8%A7%D8%AC%D8%AA%D9%85%D8%A7%D8%B9-%D8%A8%D9%88%D8%AA%D9%8A%D9%86');
    expect(hrefOf(path)).toBe('/article/121/في-اجتماع-بوتين');
    expect(new URL(hrefOf(path), 'https://example.com').pathname).toBe(path);
    expect(hrefOf(path).length).toBeLessThan(path.length / 2);
  });

  it('keeps encoded ASCII encoded, so a slash, question mark, hash or percent in a slug stays part of it', () => {
    const path = tagPath('أ/ب?ج#د%ه');
    const href = hrefOf(path);
    expect(href).toBe('/tag/أ%2Fب%3Fج%23د%25ه');
    const url = new URL(href, 'https://example.com');
    expect(url.pathname).toBe(path);
    expect(url.search).toBe('');
    expect(url.hash).toBe('');
  });

  it('decodes inside query strings too (share links), and leaves bytes that are not UTF-8 alone', () => {
    const share = `https://t.me/share/url?url=${encodeURIComponent('https://example.com/article/1/سلام')}&text=${encodeURIComponent('عنوان الخبر')}`;
    const href = hrefOf(share);
    expect(href).toBe('https://t.me/share/url?url=https%3A%2F%2Fexample.com%2Farticle%2F1%2Fسلام&text=عنوان%20الخبر');
    expect(new URL(href).searchParams.get('text')).toBe('عنوان الخبر');
    expect(new URL(href).searchParams.get('url')).toBe('https://example.com/article/1/سلام');
    expect(hrefOf('/x/%FF%D9')).toBe('/x/%FF%D9');
    expect(hrefOf('/plain/path?q=1')).toBe('/plain/path?q=1');
  });
});
