import { describe, expect, it } from 'vitest';
import { isDecodablePath, localeOfPath } from '@/lib/not-found-response';

describe('localeOfPath', () => {
  it('reads the interface language from the path', () => {
    expect(localeOfPath('/en')).toBe('en');
    expect(localeOfPath('/en/article/1/x')).toBe('en');
    expect(localeOfPath('/en?x=1')).toBe('en');
    expect(localeOfPath('/')).toBe('ar');
    expect(localeOfPath('/english')).toBe('ar');
    expect(localeOfPath('/section/news')).toBe('ar');
  });
});

describe('isDecodablePath', () => {
  it('accepts valid escapes and raw Arabic', () => {
    expect(isDecodablePath('/article/1/%D9%81%D9%8A')).toBe(true);
    expect(isDecodablePath('/article/1/في-اجتماع')).toBe(true);
    expect(isDecodablePath('/search?q=%ZZ')).toBe(true); // only the path is decoded here
  });
  it('refuses malformed escapes', () => {
    expect(isDecodablePath('/%ZZ')).toBe(false);
    expect(isDecodablePath('/section/%E0%A4%A')).toBe(false);
    expect(isDecodablePath('/%C0%AF')).toBe(false);
  });
});
