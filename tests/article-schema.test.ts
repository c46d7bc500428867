import { describe, expect, it } from 'vitest';
import { type ArticleForm, articleLimits, parseTags, validateArticle } from '@/lib/article-schema';

const base: ArticleForm = {
  title: 'الحكومة تعلن خطة جديدة للنقل',
  deck: 'مقدمة قصيرة',
  source: 'وكالات',
  excerpt: 'ملخص',
  body: 'نص المقال.\n\nفقرة ثانية.',
  slug: '',
  sectionId: '3',
  tags: 'نقل، اقتصاد',
  imageAlt: '',
  imageCaption: '',
  imageCredit: '',
  commentsOpen: true,
};

function errorsOf(patch: Partial<ArticleForm>) {
  const result = validateArticle({ ...base, ...patch });
  return result.ok ? {} : result.errors;
}

function dataOf(patch: Partial<ArticleForm>) {
  const result = validateArticle({ ...base, ...patch });
  if (!result.ok) throw new Error(`unexpected errors ${JSON.stringify(result.errors)}`);
  return result.data;
}

const URL_SAFE_SLUG = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u;

describe('validateArticle: a valid form', () => {
  it('returns the cleaned values with the slug from the title and the parsed tags', () => {
    expect(validateArticle(base)).toEqual({
      ok: true,
      data: {
        title: 'الحكومة تعلن خطة جديدة للنقل',
        deck: 'مقدمة قصيرة',
        source: 'وكالات',
        excerpt: 'ملخص',
        body: 'نص المقال.\n\nفقرة ثانية.',
        slug: 'الحكومة-تعلن-خطة-جديدة-للنقل',
        sectionId: 3,
        tags: ['نقل', 'اقتصاد'],
        imageAlt: '',
        imageCaption: '',
        imageCredit: '',
        commentsOpen: true,
      },
    });
  });

  it('trims the single-line fields, normalizes to NFC and removes bidi overrides', () => {
    const data = dataOf({ title: '  \u202Eعنوان\u202C cafe\u0301  ', deck: '\tمقدمة ', source: ' مصدر\u2066 ' });
    expect(data.title).toBe('عنوان café');
    expect(data.deck).toBe('مقدمة');
    expect(data.source).toBe('مصدر');
  });

  it('unifies line breaks in the body and trims it', () => {
    expect(dataOf({ body: '\r\n  سطر\r\nسطر\rسطر  \n' }).body).toBe('سطر\nسطر\nسطر');
  });

  it('keeps line breaks in the excerpt', () => {
    expect(dataOf({ excerpt: 'سطر\r\nسطر' }).excerpt).toBe('سطر\nسطر');
  });
});

describe('validateArticle: each error key', () => {
  it.each([
    ['empty', ''],
    ['spaces only', '   '],
    ['zero-width only', '\u200B\u200C'],
    ['tatweel only', 'ـــ'],
  ])('titleRequired for a title that is %s', (_label, title) => {
    expect(errorsOf({ title })).toEqual({ title: 'titleRequired' });
  });

  it('titleTooLong above 300 characters, counted in code points', () => {
    expect(articleLimits.title).toBe(300);
    expect(errorsOf({ title: 'ع'.repeat(300) })).toEqual({});
    expect(errorsOf({ title: 'ع'.repeat(301) })).toEqual({ title: 'titleTooLong' });
    expect(errorsOf({ title: '😀'.repeat(300) })).toEqual({});
    expect(errorsOf({ title: '😀'.repeat(301) })).toEqual({ title: 'titleTooLong' });
  });

  it('measures the length after trimming', () => {
    expect(errorsOf({ title: `  ${'ع'.repeat(300)}  ` })).toEqual({});
  });

  it.each([
    ['NUL', 'عنوان\u0000'],
    ['BEL', 'عنوان\u0007'],
    ['ESC', '\u001Bعنوان'],
    ['DEL', 'عنوان\u007F'],
    ['C1 control', 'عنوان\u0085'],
    ['a line break', 'سطر\nسطر'],
    ['a carriage return', 'سطر\rسطر'],
    ['a line separator', 'سطر\u2028سطر'],
  ])('textInvalid for a title with %s', (_label, title) => {
    expect(errorsOf({ title })).toEqual({ title: 'textInvalid' });
  });

  it('textInvalid in the other single-line fields and for control characters in excerpt and body', () => {
    expect(errorsOf({ deck: 'سطر\nسطر', source: 'مصدر\u0000', imageAlt: 'وصف\u0001', imageCaption: 'تعليق\nثان', imageCredit: 'وكالة\u007F' })).toEqual({
      deck: 'textInvalid',
      source: 'textInvalid',
      imageAlt: 'textInvalid',
      imageCaption: 'textInvalid',
      imageCredit: 'textInvalid',
    });
    expect(errorsOf({ excerpt: 'ملخص\u0000', body: 'نص\u0008' })).toEqual({ excerpt: 'textInvalid', body: 'textInvalid' });
  });

  it('accepts tabs in a title and line breaks in excerpt and body', () => {
    expect(errorsOf({ title: 'أ\tب', excerpt: 'أ\nب', body: 'أ\n\nب' })).toEqual({});
  });

  it('deckTooLong above 500, sourceTooLong above 200, excerptTooLong above 1000, image alt and caption above 300, credit above 150', () => {
    expect(articleLimits).toMatchObject({ deck: 500, source: 200, excerpt: 1000, imageAlt: 300, imageCaption: 300, imageCredit: 150 });
    expect(errorsOf({ deck: 'د'.repeat(500), source: 'م'.repeat(200), excerpt: 'خ'.repeat(1000), imageAlt: 'و'.repeat(300), imageCaption: 'ت'.repeat(300), imageCredit: 'ح'.repeat(150) })).toEqual({});
    expect(errorsOf({ deck: 'د'.repeat(501), source: 'م'.repeat(201), excerpt: 'خ'.repeat(1001), imageAlt: 'و'.repeat(301), imageCaption: 'ت'.repeat(301), imageCredit: 'ح'.repeat(151) })).toEqual({
      deck: 'deckTooLong',
      source: 'sourceTooLong',
      excerpt: 'excerptTooLong',
      imageAlt: 'imageAltTooLong',
      imageCaption: 'imageCaptionTooLong',
      imageCredit: 'imageCreditTooLong',
    });
  });

  it('cleans the caption and credit like the other lines: trimmed, NFC, no bidi overrides', () => {
    const data = dataOf({ imageCaption: '  \u202Eالرئيسان في موسكو\u202C ', imageCredit: '\tأذرتاج ' });
    expect([data.imageCaption, data.imageCredit]).toEqual(['الرئيسان في موسكو', 'أذرتاج']);
  });

  it('allows deck, source, excerpt and image text to be empty', () => {
    expect(errorsOf({ deck: '', source: '', excerpt: '', imageAlt: '', imageCaption: '', imageCredit: '' })).toEqual({});
  });

  it.each([
    ['empty', ''],
    ['spaces and line breaks', '  \n\n\t  \n'],
    ['zero-width characters', '\u200B\u200D\uFEFF\u2060'],
    ['tatweel', 'ـــــ'],
    ['a mix of all of them', ' \u200Bـ\n\u200Fـ '],
  ])('bodyRequired for a body of %s only', (_label, body) => {
    expect(errorsOf({ body })).toEqual({ body: 'bodyRequired' });
  });

  it('bodyTooLong above 200,000 characters', () => {
    expect(articleLimits.body).toBe(200_000);
    expect(errorsOf({ body: 'ن'.repeat(200_000) })).toEqual({});
    expect(errorsOf({ body: 'ن'.repeat(200_001) })).toEqual({ body: 'bodyTooLong' });
  });

  it.each([
    ['empty', ''],
    ['zero', '0'],
    ['negative', '-1'],
    ['fractional', '1.5'],
    ['null', null],
  ])('sectionRequired for a section id that is %s', (_label, sectionId) => {
    expect(errorsOf({ sectionId })).toEqual({ sectionId: 'sectionRequired' });
  });

  it.each([
    ['letters', 'abc'],
    ['missing', undefined],
  ])('sectionRequired for a section id that is %s', (_label, sectionId) => {
    expect(errorsOf({ sectionId })).toEqual({ sectionId: 'sectionRequired' });
  });

  it('accepts a section id as a number or a numeric string', () => {
    expect(dataOf({ sectionId: 7 }).sectionId).toBe(7);
    expect(dataOf({ sectionId: '12' }).sectionId).toBe(12);
  });

  it('tagsInvalid at 21 distinct tags, not at 20', () => {
    const tags = (n: number) => Array.from({ length: n }, (_, i) => `وسم${i}`).join('، ');
    expect(articleLimits.tags).toBe(20);
    expect(dataOf({ tags: tags(20) }).tags).toHaveLength(20);
    expect(errorsOf({ tags: tags(21) })).toEqual({ tags: 'tagsInvalid' });
  });

  it('counts tags after removing duplicates', () => {
    const list = [...Array.from({ length: 20 }, (_, i) => `وسم${i}`), 'وسم0'].join(',');
    expect(dataOf({ tags: list }).tags).toHaveLength(20);
  });

  it('tagsInvalid for a tag of 61 characters, not 60', () => {
    expect(articleLimits.tag).toBe(60);
    expect(dataOf({ tags: `قصير، ${'و'.repeat(60)}` }).tags).toEqual(['قصير', 'و'.repeat(60)]);
    expect(errorsOf({ tags: `قصير، ${'و'.repeat(61)}` })).toEqual({ tags: 'tagsInvalid' });
  });

  it('refuses a tag containing a control character', () => {
    const errors = errorsOf({ tags: 'سياسة، أخبار\u0000عاجلة' });
    expect(['tagsInvalid', 'textInvalid']).toContain(errors.tags);
  });

  it('reports every invalid field at once, with the first problem of each', () => {
    expect(errorsOf({ title: '', deck: 'د'.repeat(501), body: '  ', sectionId: '0', tags: 'و'.repeat(61) })).toEqual({
      title: 'titleRequired',
      deck: 'deckTooLong',
      body: 'bodyRequired',
      sectionId: 'sectionRequired',
      tags: 'tagsInvalid',
    });
  });
});

describe('validateArticle: slug', () => {
  it('is made from the title when left empty or blank', () => {
    expect(dataOf({ slug: '' }).slug).toBe('الحكومة-تعلن-خطة-جديدة-للنقل');
    expect(dataOf({ slug: '   ' }).slug).toBe('الحكومة-تعلن-خطة-جديدة-للنقل');
  });

  it('is made from the typed slug otherwise, not from the title', () => {
    expect(dataOf({ slug: 'خطة النقل 2030' }).slug).toBe('خطة-النقل-2030');
    expect(dataOf({ slug: 'my-custom-slug' }).slug).toBe('my-custom-slug');
  });

  it.each([
    ['path characters', '../../admin?x=1#y'],
    ['slashes and spaces', ' a / b \\ c '],
    ['HTML', '<script>alert(1)</script>'],
    ['percent escapes', '%2e%2e%2Fetc'],
    ['harakat and tatweel', 'مَرْحَبـــًا'],
    ['upper case', 'Breaking NEWS'],
    ['Arabic-Indic digits', 'عام ٢٠٢٦'],
  ])('is URL-safe for a typed slug with %s', (_label, slug) => {
    const result = dataOf({ slug }).slug;
    expect(result).toMatch(URL_SAFE_SLUG);
    expect(result).toBe(result.toLowerCase());
    expect(encodeURIComponent(result)).toBe(encodeURI(result));
  });

  it('gives the exact slugs for typed values', () => {
    expect(dataOf({ slug: 'Breaking NEWS' }).slug).toBe('breaking-news');
    expect(dataOf({ slug: 'عام ٢٠٢٦' }).slug).toBe('عام-2026');
    expect(dataOf({ slug: 'مَرْحَبـــًا' }).slug).toBe('مرحبا');
    expect(dataOf({ slug: '!!!' }).slug).toBe('article');
  });

  it('is URL-safe for a title made of punctuation only', () => {
    expect(dataOf({ title: '!!! ؟؟؟', slug: '' }).slug).toBe('article');
  });
});

describe('parseTags', () => {
  it('splits on the Latin comma and the Arabic comma', () => {
    expect(parseTags('سياسة،اقتصاد,رياضة')).toEqual(['سياسة', 'اقتصاد', 'رياضة']);
  });

  it('trims each tag, collapses inner spaces and drops empty entries', () => {
    expect(parseTags('  كأس   العالم  ، ,, ، الدوري\t\tالمغربي ,')).toEqual(['كأس العالم', 'الدوري المغربي']);
    expect(parseTags('')).toEqual([]);
    expect(parseTags(' , ، ')).toEqual([]);
  });

  it('normalizes to NFC and removes duplicates in first-seen order', () => {
    expect(parseTags('café, cafe\u0301, آمن, \u0627\u0653من, café')).toEqual(['café', 'آمن']);
    expect(parseTags('ب، أ، ب، ج، أ')).toEqual(['ب', 'أ', 'ج']);
  });

  it('treats tags differing only by inner spacing as the same tag', () => {
    expect(parseTags('كرة القدم، كرة  القدم، كرة\u00A0القدم')).toEqual(['كرة القدم']);
  });

  it('removes bidi controls from tags', () => {
    expect(parseTags('\u202Bسياسة\u202C، \u2067اقتصاد\u2069')).toEqual(['سياسة', 'اقتصاد']);
  });

  it('drops entries that are invisible (zero-width or tatweel only)', () => {
    expect(parseTags('سياسة، \u200B، ـــ')).toEqual(['سياسة']);
  });
});
