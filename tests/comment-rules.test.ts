import { describe, expect, it } from 'vitest';
import { classifyComment, commentsAreOpen, isFlood, MAX_DEPTH, matchesAny, type RuleInput, threadPlacement } from '@/lib/comment-rules';
import { settingDefaults } from '@/lib/settings';

const lists = { moderationWords: ['bitcoin', 'ربح سريع', 'واتساب'], blockList: ['casino', 'كازينو', '203.0.113.9', 'spam@bad.example'] };
const clean: RuleInput = { name: 'ليلى', email: 'leila@example.com', website: 'https://leila.example.com/', body: 'مقال مفيد، شكرًا.', ip: '198.51.100.7' };
const classify = (patch: Partial<RuleInput>, trusted = false) => classifyComment({ ...clean, ...patch }, lists, trusted);

describe('matchesAny', () => {
  it('finds a word anywhere, case-insensitively', () => {
    expect(matchesAny('Buy BITCOIN now', ['bitcoin'])).toBe(true);
    expect(matchesAny('buy bitcoin now', ['BitCoin'])).toBe(true);
    expect(matchesAny('superbitcoinz', ['bitcoin'])).toBe(true);
    expect(matchesAny('buy gold now', ['bitcoin'])).toBe(false);
  });

  it('ignores harakat and tatweel in the text and in the list', () => {
    expect(matchesAny('العب في الكَازِينُو اليوم', ['كازينو'])).toBe(true);
    expect(matchesAny('العب في الكـــازيـنو اليوم', ['كازينو'])).toBe(true);
    expect(matchesAny('العب في الكازينو اليوم', ['كَازِينُو'])).toBe(true);
    expect(matchesAny('ربـحٌ سَريـع', ['ربح سريع'])).toBe(true);
  });

  it('folds compatibility forms (full-width Latin, Arabic presentation forms)', () => {
    expect(matchesAny('ＣＡＳＩＮＯ', ['casino'])).toBe(true);
    expect(matchesAny('\uFEDB\uFE8E\uFEAF\uFEF3\uFEE8\uFEEE', ['كازينو'])).toBe(true);
  });

  it('does not confuse different letters', () => {
    expect(matchesAny('قمر', ['قمار'])).toBe(false);
  });

  it('skips empty and blank list entries instead of matching everything', () => {
    expect(matchesAny('نص عادي', ['', '   ', '\u064E'])).toBe(false);
    expect(matchesAny('نص عادي', [])).toBe(false);
  });

  it('trims list entries', () => {
    expect(matchesAny('play casino', ['  casino  '])).toBe(true);
  });
});

describe('classifyComment', () => {
  it('holds a clean first comment for review', () => {
    expect(classify({})).toBe('pending');
  });

  it('approves a clean comment when the email already has an approved one', () => {
    expect(classify({}, true)).toBe('approved');
  });

  it('sends a block-list match to spam wherever it is: name, email, website, body, ip', () => {
    expect(classify({ name: 'Casino King' }, true)).toBe('spam');
    expect(classify({ email: 'spam@bad.example' }, true)).toBe('spam');
    expect(classify({ website: 'https://best-casino.example/' }, true)).toBe('spam');
    expect(classify({ body: 'زوروا الكازينو' }, true)).toBe('spam');
    expect(classify({ ip: '203.0.113.9' }, true)).toBe('spam');
  });

  it('spam wins over the moderation rules', () => {
    expect(classify({ body: 'casino bitcoin https://a.com https://b.com' }, true)).toBe('spam');
  });

  it('holds a comment with 2 or more links, even from a trusted email', () => {
    expect(classify({ body: 'https://a.example.com و http://b.example.com' }, true)).toBe('pending');
    expect(classify({ body: 'www.a.example.com www.b.example.com https://c.example.com' }, true)).toBe('pending');
  });

  it('one link does not hold a trusted email', () => {
    expect(classify({ body: 'المصدر: https://a.example.com/x' }, true)).toBe('approved');
  });

  it('one http://www. link does not hold a trusted email', () => {
    expect(classify({ body: 'المصدر: https://www.example.com/x' }, true)).toBe('approved');
  });

  it('links in the website field do not count as body links', () => {
    expect(classify({ website: 'https://a.example.com/', body: 'انظر https://b.example.com' }, true)).toBe('approved');
  });

  it('holds a moderation word anywhere, ignoring case and harakat', () => {
    expect(classify({ body: 'اربح BitCoin' }, true)).toBe('pending');
    expect(classify({ name: 'تواصل واتساب' }, true)).toBe('pending');
    expect(classify({ body: 'رِبْحٌ سَرِيعٌ مضمون' }, true)).toBe('pending');
    expect(classify({ website: 'https://bitcoin.example.com/' }, true)).toBe('pending');
  });

  it('a null website is fine', () => {
    expect(classify({ website: null }, true)).toBe('approved');
  });

  it('uses the default lists from settings', () => {
    const defaults = {
      moderationWords: settingDefaults['comments.moderationWords'],
      blockList: settingDefaults['comments.blockList'],
    };
    expect(classifyComment({ ...clean, body: 'عروض كازينو' }, defaults, true)).toBe('spam');
    expect(classifyComment({ ...clean, body: 'تداول الفوركس' }, defaults, true)).toBe('pending');
    expect(classifyComment(clean, defaults, true)).toBe('approved');
  });
});

describe('threadPlacement', () => {
  it('allows three levels', () => {
    expect(MAX_DEPTH).toBe(2);
  });

  it('a reply to a top-level comment goes to depth 1 under it', () => {
    expect(threadPlacement({ id: 10, depth: 0, parentId: null })).toEqual({ parentId: 10, depth: 1 });
  });

  it('a reply to a depth-1 comment goes to depth 2 under it', () => {
    expect(threadPlacement({ id: 11, depth: 1, parentId: 10 })).toEqual({ parentId: 11, depth: 2 });
  });

  it('a reply to a depth-2 comment stays at depth 2, under that comment’s parent', () => {
    expect(threadPlacement({ id: 12, depth: 2, parentId: 11 })).toEqual({ parentId: 11, depth: 2 });
  });
});

describe('isFlood', () => {
  const t = 1_700_000_000_000;

  it('no earlier comment is never a flood', () => {
    expect(isFlood(undefined, t, 15)).toBe(false);
  });

  it('inside the 15 s window is a flood; at 15 s and after it is not', () => {
    expect(isFlood(t, t, 15)).toBe(true);
    expect(isFlood(t - 1, t, 15)).toBe(true);
    expect(isFlood(t - 14_999, t, 15)).toBe(true);
    expect(isFlood(t - 15_000, t, 15)).toBe(false);
    expect(isFlood(t - 15_001, t, 15)).toBe(false);
  });

  it('follows the configured window', () => {
    expect(isFlood(t - 20_000, t, 30)).toBe(true);
    expect(isFlood(t - 20_000, t, 15)).toBe(false);
  });
});

describe('commentsAreOpen', () => {
  const DAY = 86_400_000;
  const now = Date.UTC(2024, 3, 22, 12);
  const published = { status: 'published', publishedAt: now - DAY, commentsOpen: true };

  it('is open on a published article with its switch on', () => {
    expect(commentsAreOpen(published, now, 60)).toBe(true);
  });

  it('is closed on a missing article, a draft, an undated or a future article', () => {
    expect(commentsAreOpen(undefined, now, 60)).toBe(false);
    expect(commentsAreOpen({ ...published, status: 'draft' }, now, 60)).toBe(false);
    expect(commentsAreOpen({ ...published, publishedAt: null }, now, 60)).toBe(false);
    expect(commentsAreOpen({ ...published, publishedAt: now + 1 }, now, 60)).toBe(false);
  });

  it('is open at the moment of publication', () => {
    expect(commentsAreOpen({ ...published, publishedAt: now }, now, 60)).toBe(true);
  });

  it('is closed when the switch is off', () => {
    expect(commentsAreOpen({ ...published, commentsOpen: false }, now, 60)).toBe(false);
    expect(commentsAreOpen({ ...published, commentsOpen: false }, now, 0)).toBe(false);
  });

  it('closes exactly 60 days after publication', () => {
    expect(commentsAreOpen({ ...published, publishedAt: now - 60 * DAY + 1 }, now, 60)).toBe(true);
    expect(commentsAreOpen({ ...published, publishedAt: now - 60 * DAY }, now, 60)).toBe(false);
    expect(commentsAreOpen({ ...published, publishedAt: now - 61 * DAY }, now, 60)).toBe(false);
  });

  it('0 days keeps threads open forever', () => {
    expect(commentsAreOpen({ ...published, publishedAt: now - 3650 * DAY }, now, 0)).toBe(true);
  });

  it('follows the configured number of days', () => {
    expect(commentsAreOpen({ ...published, publishedAt: now - 8 * DAY }, now, 7)).toBe(false);
    expect(commentsAreOpen({ ...published, publishedAt: now - 6 * DAY }, now, 7)).toBe(true);
  });
});

describe('matchesAny and invisible characters', () => {
  it('is not fooled by a zero-width joiner inside a blocked word', () => {
    expect(matchesAny('كا\u200Cزينو أونلاين', ['كازينو'])).toBe(true);
    expect(matchesAny('vi\u200Bagra', ['viagra'])).toBe(true);
  });
});
