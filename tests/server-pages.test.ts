import { describe, expect, it } from 'vitest';
import { clientErrorResponse, refusePost, type ServerPage, serverPageHtml } from '@/lib/server-pages';

const pages: ServerPage[] = ['foreignOrigin', 'tooLarge', 'adminTooLarge', 'lengthRequired', 'headersTooLarge', 'badRequest', 'staleForm'];

describe('serverPageHtml', () => {
  it('has a title and a text in Arabic and English for every page', () => {
    for (const page of pages) {
      const ar = serverPageHtml(page, 'ar');
      expect(ar).toContain('<html lang="ar" dir="rtl">');
      expect(ar).toMatch(/<h1>[\u0600-\u06FF][^<]*<\/h1><p>[\u0600-\u06FF]/);
      expect(ar).toContain('<a href="/">العودة إلى الصفحة الرئيسية</a>');
      const en = serverPageHtml(page, 'en');
      expect(en).toContain('<html lang="en" dir="ltr">');
      expect(en).toMatch(/<h1>[A-Z][^<]*<\/h1>/);
      expect(en).toContain('<a href="/en">');
      expect(en).not.toMatch(/[\u0600-\u06FF]/);
    }
  });

  it('keeps the words the refusals have always used', () => {
    expect(serverPageHtml('foreignOrigin', 'ar')).toContain('طلب مرفوض');
    expect(serverPageHtml('tooLarge', 'ar')).toContain('الإرسال أكبر من المسموح به');
  });

  it('has no script and asks not to be indexed', () => {
    for (const page of pages) {
      expect(serverPageHtml(page, 'ar')).not.toContain('<script');
      expect(serverPageHtml(page, 'ar')).toContain('<meta name="robots" content="noindex">');
    }
  });
});

describe('clientErrorResponse', () => {
  const parse = (raw: string) => {
    const [head, body] = raw.split('\r\n\r\n') as [string, string];
    return { status: head.split('\r\n')[0], length: Number(head.match(/Content-Length: (\d+)/)![1]), body };
  };

  it('answers headers over the limit with 431 and the Arabic page', () => {
    const { status, length, body } = parse(clientErrorResponse('HPE_HEADER_OVERFLOW'));
    expect(status).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    expect(body).toContain('الطلب أكبر من المسموح به');
    expect(length).toBe(Buffer.byteLength(body));
  });

  it('answers a timeout with 408 and anything else unreadable with 400', () => {
    expect(parse(clientErrorResponse('ERR_HTTP_REQUEST_TIMEOUT')).status).toBe('HTTP/1.1 408 Request Timeout');
    for (const code of ['HPE_INVALID_METHOD', 'HPE_INVALID_URL', undefined]) {
      const { status, body } = parse(clientErrorResponse(code));
      expect(status).toBe('HTTP/1.1 400 Bad Request');
      expect(body).toContain('طلب غير صالح');
    }
  });
});

describe('refusePost', () => {
  const limits = { readerLimit: 1000, adminLimit: 6000 };
  const post = (headers: Record<string, string>) => ({ method: 'POST', headers });

  it('lets reads and posts within the limit through', () => {
    expect(refusePost({ method: 'GET', headers: { 'transfer-encoding': 'chunked' } }, { ...limits, isAdmin: false, foreignOrigin: false })).toBeNull();
    expect(refusePost(post({ 'content-length': '1000' }), { ...limits, isAdmin: false, foreignOrigin: false })).toBeNull();
    expect(refusePost(post({ 'content-length': '6000' }), { ...limits, isAdmin: true, foreignOrigin: false })).toBeNull();
    // No body at all (the scheduler's own post).
    expect(refusePost(post({}), { ...limits, isAdmin: false, foreignOrigin: false })).toBeNull();
  });

  it('refuses another site first, then a body over the reader or the newsroom limit', () => {
    expect(refusePost(post({ 'content-length': '10' }), { ...limits, isAdmin: false, foreignOrigin: true })).toEqual({ status: 403, page: 'foreignOrigin' });
    expect(refusePost(post({ 'content-length': '1001' }), { ...limits, isAdmin: false, foreignOrigin: false })).toEqual({ status: 413, page: 'tooLarge' });
    expect(refusePost(post({ 'content-length': '1001' }), { ...limits, isAdmin: true, foreignOrigin: false })).toBeNull();
    expect(refusePost(post({ 'content-length': '6001' }), { ...limits, isAdmin: true, foreignOrigin: false })).toEqual({ status: 413, page: 'adminTooLarge' });
  });

  it('refuses a body of unstated size (chunked), which could be any size', () => {
    expect(refusePost(post({ 'transfer-encoding': 'chunked' }), { ...limits, isAdmin: true, foreignOrigin: false })).toEqual({ status: 411, page: 'lengthRequired' });
  });
});
