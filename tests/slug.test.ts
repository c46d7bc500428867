import { describe, expect, it } from 'vitest';
import { decodeSlug, MAX_SLUG_LENGTH, MAX_SLUG_WORDS, slugify } from '@/lib/slug';

const SAMPLE_TITLE =
  'في اجتماع إلهام علييف بفلاديمير بوتين : لقاء استحضار الجهود التي بذلها الزعيم الاذربيجاني الراحل حيدر علييف خدمة لرابطة الدول المستقلة';

describe('slugify', () => {
  it('keeps the first eight Arabic words of the sample title, dropping the spaced colon', () => {
    expect(slugify(SAMPLE_TITLE)).toBe('في-اجتماع-إلهام-علييف-بفلاديمير-بوتين-لقاء-استحضار');
  });

  it('limits slugs to MAX_SLUG_WORDS words (8)', () => {
    expect(MAX_SLUG_WORDS).toBe(8);
    expect(slugify('واحد اثنان ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة')).toBe(
      'واحد-اثنان-ثلاثة-أربعة-خمسة-ستة-سبعة-ثمانية',
    );
  });

  it('stops before the word that would pass MAX_SLUG_LENGTH (80) characters', () => {
    expect(MAX_SLUG_LENGTH).toBe(80);
    const word = 'ب'.repeat(20);
    // 3 words + 2 dashes = 62 chars; a 4th word would make 83.
    const slug = slugify(`${word} ${word} ${word} ${word}`);
    expect(slug).toBe(`${word}-${word}-${word}`);
    expect(slug.length).toBe(62);
  });

  it('removes harakat (fatha, damma, kasra, sukun, shadda, tanween) and superscript alef', () => {
    expect(slugify('مَرْحَبًا بِكُمْ')).toBe('مرحبا-بكم');
    expect(slugify('الرَّحْمٰن')).toBe('الرحمن');
    expect(slugify('كِتَابٌ مُفِيدٌ')).toBe('كتاب-مفيد');
  });

  it('removes tatweel (kashida) inside words', () => {
    expect(slugify('أخبـــار الـيـوم')).toBe('أخبار-اليوم');
  });

  it('turns Arabic comma, question mark and semicolon into separators', () => {
    expect(slugify('الرباط،فاس؟طنجة؛مراكش')).toBe('الرباط-فاس-طنجة-مراكش');
    expect(slugify('هل تنجح المفاوضات؟')).toBe('هل-تنجح-المفاوضات');
  });

  it('turns curly quotes and guillemets into separators without leading or trailing dashes', () => {
    expect(slugify('“بايكال آمور”')).toBe('بايكال-آمور');
    expect(slugify('«الشمال والجنوب»')).toBe('الشمال-والجنوب');
    expect(slugify('قال: «نعم» ثم “لا”')).toBe('قال-نعم-ثم-لا');
  });

  it('collapses runs of punctuation and spaces into a single dash', () => {
    expect(slugify('  أخبار  --  ::  دولية !!! ')).toBe('أخبار-دولية');
  });

  it('converts Arabic-Indic and Eastern Arabic-Indic digits to Western digits', () => {
    expect(slugify('عام ٢٠٢٤')).toBe('عام-2024');
    expect(slugify('۱۲۳ ٠٩')).toBe('123-09');
  });

  it('returns "article" for empty, whitespace-only and punctuation-only input', () => {
    expect(slugify('')).toBe('article');
    expect(slugify('   ')).toBe('article');
    expect(slugify('؟،!«»“”...')).toBe('article');
    expect(slugify('\u0640\u064E')).toBe('article'); // only tatweel and a fatha
  });

  it('removes bidi controls and zero-width characters instead of splitting on them', () => {
    expect(slugify('أخ\u200Fبار')).toBe('أخبار'); // RLM
    expect(slugify('أخ\u200Eبار')).toBe('أخبار'); // LRM
    expect(slugify('\u202Bأخبار\u202C دولية')).toBe('أخبار-دولية'); // RLE … PDF
    expect(slugify('\u2067أخبار\u2069')).toBe('أخبار'); // RLI … PDI
    expect(slugify('أخ\u200Bبار\uFEFF')).toBe('أخبار'); // ZWSP, BOM
  });

  // U+061C ARABIC LETTER MARK is a Bidi_Control character (like RLM) but is not in INVISIBLE,
  // so it is treated as punctuation and splits the word.
  it('removes U+061C ARABIC LETTER MARK like the other bidi controls', () => {
    expect(slugify('أخ\u061Cبار')).toBe('أخبار');
  });

  it('folds Arabic presentation forms (NFKC) and lowercases Latin', () => {
    expect(slugify('\uFEFB')).toBe('لا'); // lam-alef ligature
    expect(slugify('Hello World 2024')).toBe('hello-world-2024');
    expect(slugify('Ouma Press: أخبار')).toBe('ouma-press-أخبار');
  });

  it('never produces slugs with leading/trailing dashes or reserved URL characters', () => {
    for (const input of [SAMPLE_TITLE, '/../etc/passwd', 'a?b#c&d=e', '100% نجاح', ' - x - ']) {
      const slug = slugify(input);
      expect(slug.startsWith('-') || slug.endsWith('-')).toBe(false);
      expect(slug).not.toMatch(/--|[/?#%&=.\s]/);
    }
    expect(slugify('/../etc/passwd')).toBe('etc-passwd');
    expect(slugify('100% نجاح')).toBe('100-نجاح');
  });
});

describe('decodeSlug', () => {
  it('decodes a percent-encoded Arabic slug', () => {
    expect(decodeSlug(encodeURIComponent('أخبار-دولية'))).toBe('أخبار-دولية');
    expect(decodeSlug('%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1')).toBe('أخبار');
  });

  it('round-trips slugify output through encodeURIComponent', () => {
    const slug = slugify(SAMPLE_TITLE);
    expect(decodeSlug(encodeURIComponent(slug))).toBe(slug);
  });

  it('leaves an already decoded slug unchanged', () => {
    expect(decodeSlug('أخبار-دولية')).toBe('أخبار-دولية');
  });

  it('returns malformed escapes as given instead of throwing', () => {
    expect(decodeSlug('%E0%A4%A')).toBe('%E0%A4%A');
    expect(decodeSlug('100%')).toBe('100%');
    expect(decodeSlug('%D8')).toBe('%D8');
  });

  it('normalizes to NFC (decomposed input equals composed input)', () => {
    expect(decodeSlug('e\u0301')).toBe('\u00E9');
    expect(decodeSlug('e%CC%81')).toBe('\u00E9');
    // alef + combining hamza above composes to U+0623 ARABIC LETTER ALEF WITH HAMZA ABOVE
    expect(decodeSlug('\u0627\u0654خبار')).toBe('أخبار');
  });
});
