import { describe, expect, it } from 'vitest';
import { pageCount, pageFromRest, pageWindow, parseId, parsePageNumber } from '@/lib/paging';

describe('parsePageNumber', () => {
  it('treats a missing segment as page 1', () => {
    expect(parsePageNumber(undefined)).toBe(1);
  });

  it.each([
    ['1', 1],
    ['2', 2],
    ['10', 10],
    ['999999', 999999],
  ])('accepts %j as %i', (raw, expected) => {
    expect(parsePageNumber(raw)).toBe(expected);
  });

  it.each(['0', '-1', '01', '1.5', '١', '٢', '2abc', '1e3', '', ' 2', '2 ', '+2', '0x10', '9999999', 'NaN', 'Infinity'])(
    'rejects %j',
    (raw) => {
      expect(parsePageNumber(raw)).toBeNull();
    },
  );
});

describe('pageCount', () => {
  it('rounds up to whole pages', () => {
    expect(pageCount(41, 20)).toBe(3);
    expect(pageCount(40, 20)).toBe(2);
    expect(pageCount(21, 20)).toBe(2);
    expect(pageCount(1, 20)).toBe(1);
  });

  it('is at least 1 even with no items', () => {
    expect(pageCount(0, 20)).toBe(1);
  });
});

describe('pageWindow', () => {
  it('lists every page when there are few', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(2, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(3, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it('marks even a one-page gap with 0 (current behaviour: the 0 stands for page 4 here)', () => {
    expect(pageWindow(1, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pageWindow(1, 6)).toEqual([1, 2, 3, 0, 6]);
  });

  it('marks a gap after the window with 0 on the first page', () => {
    expect(pageWindow(1, 10)).toEqual([1, 2, 3, 0, 10]);
  });

  it('marks gaps on both sides of a middle page', () => {
    expect(pageWindow(5, 10)).toEqual([1, 2, 3, 4, 5, 6, 7, 0, 10]);
    expect(pageWindow(6, 12)).toEqual([1, 0, 4, 5, 6, 7, 8, 0, 12]);
  });

  it('marks a gap before the window on the last page', () => {
    expect(pageWindow(10, 10)).toEqual([1, 0, 8, 9, 10]);
  });

  it('does not insert a gap between adjacent pages', () => {
    expect(pageWindow(4, 10)).toEqual([1, 2, 3, 4, 5, 6, 0, 10]);
    expect(pageWindow(7, 10)).toEqual([1, 0, 5, 6, 7, 8, 9, 10]);
  });

  it('honours a custom radius', () => {
    expect(pageWindow(50, 100, 1)).toEqual([1, 0, 49, 50, 51, 0, 100]);
    expect(pageWindow(50, 100, 0)).toEqual([1, 0, 50, 0, 100]);
  });

  it('never lists a page outside 1..last and never repeats one', () => {
    for (let last = 1; last <= 12; last++) {
      for (let current = 1; current <= last; current++) {
        const pages = pageWindow(current, last).filter((p) => p !== 0);
        expect(pages[0]).toBe(1);
        expect(pages.at(-1)).toBe(last);
        expect(pages).toContain(current);
        expect(new Set(pages).size).toBe(pages.length);
        expect(pages.every((p) => p >= 1 && p <= last)).toBe(true);
      }
    }
  });
});

describe('pageFromRest', () => {
  it('reads the list address as page 1 and /page/N as page N', () => {
    expect(pageFromRest(undefined)).toBe(1);
    expect(pageFromRest([])).toBe(1);
    expect(pageFromRest(['page', '3'])).toBe(3);
  });
  it('refuses every other shape', () => {
    for (const rest of [['page'], ['page', '0'], ['page', '٣'], ['pages', '2'], ['page', '2', 'x'], ['x']]) expect(pageFromRest(rest)).toBeNull();
  });
});

describe('parseId', () => {
  it('reads 1 to 10 digits without sign or leading zero', () => {
    expect(parseId('1')).toBe(1);
    expect(parseId('9999999999')).toBe(9_999_999_999);
  });
  it.each([undefined, '', '0', '01', '-1', '1.5', '٣', '12345678901', ' 7', 'abc'])('refuses %j', (raw) => expect(parseId(raw)).toBeNull());
});
