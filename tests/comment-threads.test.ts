import { describe, expect, it } from 'vitest';
import { avatarColor, buildThreads, initials } from '@/lib/comment-threads';

type Item = { id: number; parentId: number | null; label: string };
const item = (id: number, parentId: number | null): Item => ({ id, parentId, label: `c${id}` });

/** A compact picture of a forest: "1(2(3),4),5". */
function shape(nodes: { id: number; replies: unknown[] }[]): string {
  return nodes
    .map((n) => (n.replies.length ? `${n.id}(${shape(n.replies as { id: number; replies: unknown[] }[])})` : `${n.id}`))
    .join(',');
}

describe('buildThreads', () => {
  it('returns [] for no comments', () => {
    expect(buildThreads([])).toEqual([]);
  });

  it('nests replies under their parents, three levels deep', () => {
    const threads = buildThreads([item(1, null), item(2, 1), item(3, 2), item(4, 1), item(5, null)]);
    expect(shape(threads)).toBe('1(2(3),4),5');
  });

  it('keeps each item’s fields and adds replies', () => {
    const [root] = buildThreads([item(1, null), item(2, 1)]);
    expect(root).toEqual({ id: 1, parentId: null, label: 'c1', replies: [{ id: 2, parentId: 1, label: 'c2', replies: [] }] });
  });

  it('keeps the input order among roots and among siblings', () => {
    const threads = buildThreads([item(9, null), item(3, null), item(7, 9), item(5, 9), item(4, 3)]);
    expect(shape(threads)).toBe('9(7,5),3(4)');
  });

  it('puts a reply whose parent is missing at the top level, in order', () => {
    const threads = buildThreads([item(1, null), item(2, 99), item(3, null), item(4, 2)]);
    expect(shape(threads)).toBe('1,2(4),3');
  });

  it('a comment naming itself as parent stays at the top level', () => {
    expect(shape(buildThreads([item(1, 1)]))).toBe('1');
  });

  it('does not mutate the input items', () => {
    const items = [item(1, null), item(2, 1)];
    buildThreads(items);
    expect(items).toEqual([item(1, null), item(2, 1)]);
    expect('replies' in items[0]!).toBe(false);
  });
});

describe('initials', () => {
  it('takes the first letter of the first two words of an Arabic name', () => {
    expect(initials('سعاد بنعلي')).toBe('سب');
    expect(initials('محمد أمين العلوي')).toBe('مأ');
    expect(initials('ليلى')).toBe('ل');
  });

  it('skips the article «ال» of a word', () => {
    expect(initials('محمد الأمين')).toBe('مأ');
    expect(initials('فاطمة الزهراء')).toBe('فز');
    expect(initials('عبد الله')).toBe('عل');
    // Not a word that merely starts with those letters and is too short to carry the article.
    expect(initials('سعيد الا')).toBe('سا');
    expect(initials('الرباط')).toBe('ر');
  });

  it('upper-cases Latin initials', () => {
    expect(initials('john smith')).toBe('JS');
    expect(initials('Ahmed')).toBe('A');
    expect(initials('  anna   maria  lopez ')).toBe('AM');
  });

  it('skips non-letters at the start of a word', () => {
    expect(initials('"زين" (الدين)')).toBe('زد');
    expect(initials('123 abc')).toBe('A');
  });

  it('falls back to ؟ for an empty or letterless name', () => {
    expect(initials('')).toBe('؟');
    expect(initials('   ')).toBe('؟');
    expect(initials('123 !!')).toBe('؟');
  });
});

describe('avatarColor', () => {
  const palette = ['#7a1013', '#14532d', '#1e3a8a', '#5b21b6', '#854d0e', '#0f766e', '#9d174d', '#374151'];

  it('is stable for a name', () => {
    expect(avatarColor('سعاد بنعلي')).toBe(avatarColor('سعاد بنعلي'));
  });

  it('comes from the palette', () => {
    for (const name of ['', 'a', 'سعاد', 'John Smith', '😀', 'x'.repeat(500)]) {
      expect(palette).toContain(avatarColor(name));
    }
  });

  it('spreads names over several colours', () => {
    const colours = new Set(Array.from({ length: 40 }, (_, i) => avatarColor(`قارئ ${i}`)));
    expect(colours.size).toBeGreaterThanOrEqual(4);
  });

  it('matches the documented hash (31-multiplier over code points)', () => {
    // 'a' = 97 → 97 % 8 = 1; 'ab' = 97*31+98 = 3105 → 3105 % 8 = 1; 'c' = 99 → 3.
    expect(avatarColor('a')).toBe(palette[1]);
    expect(avatarColor('c')).toBe(palette[3]);
    expect(avatarColor('')).toBe(palette[0]);
  });
});
