import { describe, expect, it } from 'vitest';
import { type CommentFields, commentLimits, normalizeWebsite, validateComment } from '@/lib/comment-schema';

const valid: CommentFields = { body: 'مقال رائع، شكرًا.', name: 'سعاد بنعلي', email: 'souad@example.com', website: '' };

function errorsOf(patch: Partial<CommentFields>) {
  const result = validateComment({ ...valid, ...patch });
  if (result.ok) throw new Error(`expected errors for ${JSON.stringify(patch).slice(0, 80)}`);
  return result.errors;
}

function dataOf(patch: Partial<CommentFields>) {
  const result = validateComment({ ...valid, ...patch });
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`);
  return result.data;
}

describe('commentLimits', () => {
  it("uses WordPress's limits", () => {
    expect(commentLimits).toEqual({ name: 245, email: 100, website: 200, bodyBytes: 65_525 });
  });
});

describe('validateComment: a valid comment', () => {
  it('returns the cleaned fields', () => {
    expect(validateComment(valid)).toEqual({
      ok: true,
      data: { body: 'مقال رائع، شكرًا.', name: 'سعاد بنعلي', email: 'souad@example.com', website: null },
    });
  });

  it('trims every field, lower-cases the email and normalizes the website', () => {
    expect(dataOf({ body: '  \n نص \r\n', name: '  علي ', email: '  Ali.B@Example.COM ', website: '  example.com  ' })).toEqual({
      body: 'نص',
      name: 'علي',
      email: 'ali.b@example.com',
      website: 'http://example.com/',
    });
  });

  it('keeps inner line breaks in the body, as LF', () => {
    expect(dataOf({ body: 'سطر أول\r\nسطر ثان\rسطر ثالث' }).body).toBe('سطر أول\nسطر ثان\nسطر ثالث');
  });

  it('strips bidi overrides and isolates from name and body', () => {
    const data = dataOf({ name: '\u202Eعلي\u202C \u2066Ali\u2069', body: 'نص\u202D مخفي\u202C\u2067!' });
    expect(data.name).toBe('علي Ali');
    expect(data.body).toBe('نص مخفي!');
  });

  it('normalizes name and body to NFC', () => {
    const data = dataOf({ name: 'Rene\u0301', body: '\u0627\u0654هلا' });
    expect(data.name).toBe('Ren\u00E9');
    expect(data.body).toBe('\u0623هلا');
  });

  it('name and body are NFC even when a bidi control split a letter from its mark', () => {
    const data = dataOf({ name: 'Rene\u202C\u0301', body: '\u0627\u2066\u0654هلا' });
    expect(data.name).toBe('Ren\u00E9');
    expect(data.body).toBe('\u0623هلا');
  });

  it('keeps HTML as literal text (escaping is the renderer’s job)', () => {
    expect(dataOf({ body: '<script>alert(1)</script>', name: '<b>x</b>' })).toMatchObject({
      body: '<script>alert(1)</script>',
      name: '<b>x</b>',
    });
  });
});

describe('body', () => {
  const arabic = (n: number) => 'ب'.repeat(n); // 2 bytes each

  it('accepts exactly 65,525 UTF-8 bytes (32,762 Arabic letters + 1 ASCII)', () => {
    const body = arabic(32_762) + 'a';
    expect(new TextEncoder().encode(body).length).toBe(65_525);
    expect(dataOf({ body }).body).toBe(body);
  });

  it('refuses 65,526 bytes with bodyTooLong', () => {
    expect(errorsOf({ body: arabic(32_762) + 'ab' })).toEqual({ body: 'bodyTooLong' });
    expect(errorsOf({ body: arabic(32_763) })).toEqual({ body: 'bodyTooLong' });
  });

  it('counts bytes, not characters: 4-byte emoji at the limit', () => {
    expect(validateComment({ ...valid, body: '😀'.repeat(16_381) + 'a' }).ok).toBe(true); // 65,525 bytes
    expect(errorsOf({ body: '😀'.repeat(16_381) + 'ab' })).toEqual({ body: 'bodyTooLong' });
  });

  it('measures after trimming', () => {
    expect(validateComment({ ...valid, body: `   ${arabic(32_762)}a\n\n ` }).ok).toBe(true);
  });

  it('refuses an empty or invisible body with bodyRequired', () => {
    for (const body of ['', '   ', '\n\r\n\t', '\u200B\u200C\u200D', '\u2060\uFEFF', 'ـــــ', ' \u200Bـ \u202E ']) {
      expect(errorsOf({ body }), JSON.stringify(body)).toEqual({ body: 'bodyRequired' });
    }
  });

  it('a single Arabic letter is a comment', () => {
    expect(dataOf({ body: 'ب' }).body).toBe('ب');
  });

  it('refuses NUL and control characters with bodyInvalid', () => {
    for (const body of ['نص\u0000', '\u0007جرس', 'a\u007Fb', 'a\u0085b', 'a\u001Bb']) {
      expect(errorsOf({ body }), JSON.stringify(body)).toEqual({ body: 'bodyInvalid' });
    }
  });

  it('gives one key only when a body is both invalid and too long', () => {
    expect(errorsOf({ body: `\u0000${arabic(40_000)}` })).toEqual({ body: 'bodyInvalid' });
  });
});

describe('name', () => {
  it('accepts 245 characters and refuses 246 with nameTooLong', () => {
    expect(dataOf({ name: 'a'.repeat(245) }).name).toHaveLength(245);
    expect(errorsOf({ name: 'a'.repeat(246) })).toEqual({ name: 'nameTooLong' });
  });

  it('counts Arabic letters as one character each', () => {
    expect(validateComment({ ...valid, name: 'م'.repeat(245) }).ok).toBe(true);
    expect(errorsOf({ name: 'م'.repeat(246) })).toEqual({ name: 'nameTooLong' });
  });

  it('counts an emoji as one character (code points, not UTF-16 units)', () => {
    expect(validateComment({ ...valid, name: '😀'.repeat(245) }).ok).toBe(true);
    expect(errorsOf({ name: '😀'.repeat(246) })).toEqual({ name: 'nameTooLong' });
  });

  it('measures after stripping bidi controls and trimming', () => {
    expect(validateComment({ ...valid, name: `  \u202E${'a'.repeat(245)}\u202C  ` }).ok).toBe(true);
  });

  it('refuses an empty or invisible name with nameRequired', () => {
    for (const name of ['', '   ', '\u200B', 'ـــ', '\u202E\u202C']) {
      expect(errorsOf({ name }), JSON.stringify(name)).toEqual({ name: 'nameRequired' });
    }
  });

  it('refuses control characters and line breaks with nameInvalid', () => {
    for (const name of ['علي\u0000', 'a\u0001b', 'علي\nحسن', 'علي\r', 'a\u2028b', 'a\u009Fb']) {
      expect(errorsOf({ name }), JSON.stringify(name)).toEqual({ name: 'nameInvalid' });
    }
  });

  it('gives one key only when a name is both invalid and too long', () => {
    expect(errorsOf({ name: `${'a'.repeat(300)}\n` })).toEqual({ name: 'nameInvalid' });
  });
});

describe('email', () => {
  const ofLength = (n: number) => `${'a'.repeat(n - '@example.com'.length)}@example.com`;

  it('accepts 100 characters and refuses 101 with emailTooLong', () => {
    expect(ofLength(100)).toHaveLength(100);
    expect(dataOf({ email: ofLength(100) }).email).toBe(ofLength(100));
    expect(errorsOf({ email: ofLength(101) })).toEqual({ email: 'emailTooLong' });
  });

  it('measures after trimming', () => {
    expect(dataOf({ email: `  ${ofLength(100)}  ` }).email).toBe(ofLength(100));
  });

  it('refuses an empty email with emailRequired', () => {
    expect(errorsOf({ email: '' })).toEqual({ email: 'emailRequired' });
    expect(errorsOf({ email: '   ' })).toEqual({ email: 'emailRequired' });
  });

  it('refuses malformed addresses with emailInvalid', () => {
    for (const email of ['souad', 'souad@', '@example.com', 'souad@example', 'so uad@example.com', 'a@@b.com', 'a@b.c', 'سعاد@example.com']) {
      expect(errorsOf({ email }), email).toEqual({ email: 'emailInvalid' });
    }
  });

  it('refuses control characters and line breaks with emailInvalid', () => {
    expect(errorsOf({ email: 'a@b.com\u0000' })).toEqual({ email: 'emailInvalid' });
    expect(errorsOf({ email: 'a@b.com\nBcc: x@y.com' })).toEqual({ email: 'emailInvalid' });
  });

  it('gives one key only for a long non-address', () => {
    expect(errorsOf({ email: 'x'.repeat(150) })).toEqual({ email: 'emailTooLong' });
  });

  it('accepts ordinary valid addresses', () => {
    for (const email of ['a+tag@example.com', "o'brien@mail.example.co.uk", 'first.last@sub-domain.example.ma']) {
      expect(dataOf({ email }).email, email).toBe(email);
    }
  });

  it('lower-cases the stored address', () => {
    expect(dataOf({ email: 'SOUAD@EXAMPLE.COM' }).email).toBe('souad@example.com');
  });
});

describe('website', () => {
  it('is optional: empty or blank → null', () => {
    expect(dataOf({ website: '' }).website).toBeNull();
    expect(dataOf({ website: '   ' }).website).toBeNull();
  });

  it('gives a bare domain http:// and keeps https', () => {
    expect(dataOf({ website: 'example.com' }).website).toBe('http://example.com/');
    expect(dataOf({ website: 'www.example.ma/ar/page?x=1' }).website).toBe('http://www.example.ma/ar/page?x=1');
    expect(dataOf({ website: 'https://example.com/path' }).website).toBe('https://example.com/path');
    expect(dataOf({ website: 'HTTP://Example.COM' }).website).toBe('http://example.com/');
  });

  it('accepts 200 characters and refuses 201 with websiteTooLong', () => {
    const prefix = 'https://example.com/';
    const at200 = prefix + 'p'.repeat(200 - prefix.length);
    expect(at200).toHaveLength(200);
    expect(dataOf({ website: at200 }).website).toBe(at200);
    expect(errorsOf({ website: `${at200}p` })).toEqual({ website: 'websiteTooLong' });
  });

  it('refuses other schemes, missing hosts and credentials with websiteInvalid', () => {
    for (const website of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'ftp://example.com',
      'mailto:souad@example.com',
      'http://',
      'https://',
      'http://user:pass@example.com',
      'http://user@example.com',
      'http://exa mple.com',
    ]) {
      expect(errorsOf({ website }), website).toEqual({ website: 'websiteInvalid' });
    }
  });

  it('refuses control characters with websiteInvalid', () => {
    expect(errorsOf({ website: 'example.com\u0000' })).toEqual({ website: 'websiteInvalid' });
    expect(errorsOf({ website: 'example.com\n' + 'x' })).toEqual({ website: 'websiteInvalid' });
  });

  it('gives one key only when a website is both too long and invalid', () => {
    expect(errorsOf({ website: `javascript:${'x'.repeat(300)}` })).toEqual({ website: 'websiteTooLong' });
  });
});

describe('validateComment: several fields at once', () => {
  it('reports exactly one key per failing field and none for valid fields', () => {
    const result = validateComment({ body: ' ', name: 'a\nb', email: 'nope', website: 'javascript:x' });
    expect(result).toEqual({
      ok: false,
      errors: { body: 'bodyRequired', name: 'nameInvalid', email: 'emailInvalid', website: 'websiteInvalid' },
    });
  });

  it('omits the fields that passed', () => {
    expect(validateComment({ ...valid, name: '', email: '' })).toEqual({
      ok: false,
      errors: { name: 'nameRequired', email: 'emailRequired' },
    });
  });
});

describe('normalizeWebsite', () => {
  it('returns null for an empty value', () => {
    expect(normalizeWebsite('')).toBeNull();
  });

  it('adds http:// to a bare domain and returns the normalized href', () => {
    expect(normalizeWebsite('example.com')).toBe('http://example.com/');
    expect(normalizeWebsite('sub.example.org/a b')).toBe('http://sub.example.org/a%20b');
  });

  it('keeps http and https', () => {
    expect(normalizeWebsite('http://example.com/x')).toBe('http://example.com/x');
    expect(normalizeWebsite('https://example.com/x')).toBe('https://example.com/x');
  });

  it('refuses anything but http(s) with a host and no credentials', () => {
    expect(normalizeWebsite('javascript:alert(1)')).toBeNull();
    expect(normalizeWebsite('data:text/plain,hi')).toBeNull();
    expect(normalizeWebsite('ftp://example.com')).toBeNull();
    expect(normalizeWebsite('mailto:a@example.com')).toBeNull();
    expect(normalizeWebsite('file:///etc/passwd')).toBeNull();
    expect(normalizeWebsite('http://')).toBeNull();
    expect(normalizeWebsite('http://:pass@example.com')).toBeNull();
    expect(normalizeWebsite('https://admin@example.com')).toBeNull();
  });
});

describe('normalizeWebsite: ports and long results', () => {
  it('reads a bare domain with a port as an address, not a scheme', () => {
    expect(normalizeWebsite('example.com:8080/x')).toBe('http://example.com:8080/x');
  });
  it('refuses an address that grows past 200 characters once http:// is added', () => {
    const bare = `example.com/${'a'.repeat(187)}`; // 199 characters typed
    expect(bare.length).toBeLessThanOrEqual(200);
    expect(normalizeWebsite(bare)).toBeNull();
  });
});
