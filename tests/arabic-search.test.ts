import { describe, expect, it } from 'vitest';
import { cleanQuery, foldArabic, indexText, matchExpression, QUERY_MAX_CHARS, searchTerms, snippet, stripPrefix } from '@/lib/arabic-search';

const same = (a: string, b: string) => expect(indexText(a)).toBe(indexText(b));

describe('foldArabic, rule by rule', () => {
  it('applies NFKC first: presentation forms become plain letters', () => {
    expect(foldArabic('\uFEFB')).toBe('لا'); // the lam-alef ligature
    expect(foldArabic('\uFE8D\uFEDF')).toBe('ال');
  });

  it('composes a decomposed hamza or madda, then folds the alef', () => {
    expect(foldArabic('\u0627\u0654')).toBe('ا');
    expect(foldArabic('\u0627\u0653')).toBe('ا');
  });

  it('removes harakat, the superscript alef and tatweel', () => {
    expect(foldArabic('مَدْرَسَةٌ')).toBe('مدرسه');
    expect(foldArabic('هٰذا')).toBe('هذا');
    expect(foldArabic('جـــمـيـل')).toBe('جميل');
    expect(foldArabic('\u064B\u065F\u0670')).toBe('');
  });

  it('removes zero-width and bidi control characters', () => {
    expect(foldArabic('مد\u200Bرسة\u202E')).toBe('مدرسه');
  });

  it('folds آ أ إ ٱ to ا', () => {
    for (const c of ['آ', 'أ', 'إ', 'ٱ']) expect(foldArabic(c)).toBe('ا');
  });

  it('folds ى to ي, ة to ه, ؤ to و and ئ to ي', () => {
    expect(foldArabic('ى')).toBe('ي');
    expect(foldArabic('ة')).toBe('ه');
    expect(foldArabic('ؤ')).toBe('و');
    expect(foldArabic('ئ')).toBe('ي');
  });

  it('folds Persian and Urdu yeh and kaf to the Arabic letters', () => {
    expect(foldArabic('ی')).toBe('ي');
    expect(foldArabic('ے')).toBe('ي');
    expect(foldArabic('ک')).toBe('ك');
    expect(foldArabic('ڪ')).toBe('ك');
    expect(foldArabic('کتاب')).toBe(foldArabic('كتاب'));
  });

  it('turns Arabic-Indic and Persian digits into Western digits', () => {
    expect(foldArabic('٢٠٢٤')).toBe('2024');
    expect(foldArabic('۱۹۹۶')).toBe('1996');
  });

  it('lower-cases Latin letters', () => {
    expect(foldArabic('NATO')).toBe('nato');
  });
});

describe('words spelled in several ways are one term', () => {
  it.each([
    ['أذربيجان', 'اذربيجان'],
    ['آذربيجان', 'اذربيجان'],
    ['إذربيجان', 'أذربيجان'],
    ['مدرسة', 'مدرسه'],
    ['مستشفى', 'مستشفي'],
    ['مَدْرَسَة', 'مدرسة'],
    ['مـدرســة', 'مدرسة'],
    ['مسؤول', 'مسوول'],
    ['رئيس', 'رييس'],
    ['فارسی', 'فارسي'],
  ])('%s = %s', (a, b) => same(a, b));

  it('does not make different words equal', () => {
    expect(indexText('مدرسة')).not.toBe(indexText('مدرس'));
    expect(indexText('كتب')).not.toBe(indexText('كتاب'));
  });
});

describe('the prefix rule', () => {
  it.each([
    ['الدبلوماسية', 'دبلوماسية'],
    ['والدبلوماسية', 'دبلوماسية'],
    ['فالدبلوماسية', 'دبلوماسية'],
    ['بالدبلوماسية', 'دبلوماسية'],
    ['كالدبلوماسية', 'دبلوماسية'],
    ['للمدرسة', 'مدرسة'],
    ['الأذربيجاني', 'أذربيجاني'],
  ])('%s matches %s', (a, b) => same(a, b));

  it('keeps the bare conjunctions and prepositions, which may be part of the word', () => {
    expect(stripPrefix('وزير')).toBe('وزير');
    expect(stripPrefix('بلد')).toBe('بلد');
    expect(stripPrefix('فيلم')).toBe('فيلم');
  });

  it('leaves at least two letters', () => {
    expect(stripPrefix('الي')).toBe('الي');
    expect(stripPrefix('الف')).toBe('الف');
    expect(stripPrefix('البر')).toBe('بر');
  });
});

describe('searchTerms', () => {
  it('splits on punctuation, Arabic punctuation and spaces', () => {
    expect(searchTerms('روسيا، وأذربيجان: «تعاون»!')).toEqual(['روسيا', 'واذربيجان', 'تعاون']);
  });
  it('keeps numbers as terms', () => {
    expect(searchTerms('عام ٢٠٢٤')).toEqual(['عام', '2024']);
  });
});

describe('query sanitizing', () => {
  it('quotes every term and joins them with AND', () => {
    expect(matchExpression('الدبلوماسية الدولية')).toBe('"دبلوماسيه" "دوليه"');
  });

  it.each(['"', '*', 'NEAR(', '-', '^', '()', '%', "'", 'AND OR NOT', '"unterminated', 'a:b', '{col}'])(
    'turns FTS5 syntax into plain terms or nothing: %s',
    (raw) => {
      const expression = matchExpression(raw);
      if (expression !== null) expect(expression).toMatch(/^("[\p{L}\p{N}]+" ?)+$/u);
    },
  );

  it('reads FTS5 operators as words', () => {
    expect(matchExpression('NEAR(روسيا أذربيجان)')).toBe('"near" "روسيا" "اذربيجان"');
    expect(matchExpression('روسيا OR أذربيجان')).toBe('"روسيا" "or" "اذربيجان"');
  });

  it('gives nothing for an empty or punctuation-only query', () => {
    expect(matchExpression('')).toBeNull();
    expect(matchExpression('   ')).toBeNull();
    expect(matchExpression('"*()^-')).toBeNull();
    expect(matchExpression('ــــ \u064E')).toBeNull();
  });

  it('caps a 10 KB query', () => {
    const huge = 'كلمة '.repeat(2000);
    expect(cleanQuery(huge).length).toBeLessThanOrEqual(QUERY_MAX_CHARS);
    expect(matchExpression(huge)).toBe('"كلمه"');
    const many = Array.from({ length: 40 }, (_, i) => `كلمة${i}`).join(' ');
    expect(matchExpression(many)!.split(' ')).toHaveLength(12);
  });

  it('turns control characters into spaces', () => {
    expect(cleanQuery('روسيا\u0000أذربيجان\n')).toBe('روسيا أذربيجان');
  });
});

describe('snippet', () => {
  const text = 'التقى الرئيس إلهام علييف بالرئيس فلاديمير بوتين لبحث تعزيز التعاون بين أذربيجان وروسيا في مجالات عدة.';

  it('marks the matching words in their original spelling', () => {
    const parts = snippet(text, 'اذربيجان');
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['أذربيجان']);
    expect(parts.map((p) => p.text).join('')).toBe(text);
  });

  it('matches through the prefix rule and harakat', () => {
    const parts = snippet('وَالدِّبْلُومَاسِيَّةُ نشطة', 'الدبلوماسية');
    expect(parts[0]).toEqual({ text: 'وَالدِّبْلُومَاسِيَّةُ', hit: true });
  });

  it('starts near the first match in a long text and marks the cut', () => {
    const long = `${'كلمة '.repeat(100)}هدف ${'نهاية '.repeat(100)}`;
    const parts = snippet(long, 'هدف', 30);
    expect(parts[0]!.text.startsWith('… ')).toBe(true);
    expect(parts.at(-1)!.text.endsWith(' …')).toBe(true);
    expect(parts.filter((p) => p.hit)).toEqual([{ text: 'هدف', hit: true }]);
  });

  it('shows the start of the text when nothing matches', () => {
    const parts = snippet(text, 'غائب');
    expect(parts.every((p) => !p.hit)).toBe(true);
    expect(parts[0]!.text.startsWith('التقى')).toBe(true);
  });
});
