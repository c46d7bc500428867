import http from 'node:http';
import ar from '../messages/ar.json';
import en from '../messages/en.json';
import { localeOfPath, type NotFoundLocale } from './not-found-response';

// The short pages server.ts answers itself, before or instead of Next: a post from another site, a
// body or headers over the limit, a request the parser cannot read, and a form Next cannot match to
// an action (stale after a deploy, or forged). Plain HTML in the reader's language (from the path),
// no scripts, never cached. Texts are under Server in messages/*.json.

export type ServerPage = 'foreignOrigin' | 'tooLarge' | 'adminTooLarge' | 'lengthRequired' | 'headersTooLarge' | 'badRequest' | 'staleForm';

const messages = { ar: ar.Server, en: en.Server } as const;

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function serverPageHtml(page: ServerPage, locale: NotFoundLocale): string {
  const t = messages[locale];
  const { title, body } = t[page];
  const dir = locale === 'ar' ? 'rtl' : 'ltr';
  const home = locale === 'ar' ? '/' : '/en';
  return (
    `<!doctype html><html lang="${locale}" dir="${dir}"><meta charset="utf-8"><meta name="robots" content="noindex">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>` +
    `<body style="font-family:sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.8">` +
    `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p><p><a href="${home}">${escapeHtml(t.back)}</a></p></body></html>`
  );
}

/** Answers a request with one of these pages, in the language of its path. */
export function sendServerPage(req: http.IncomingMessage, res: http.ServerResponse, status: number, page: ServerPage): void {
  const html = Buffer.from(serverPageHtml(page, localeOfPath(req.url ?? '/')));
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Content-Length', html.length);
  res.setHeader('Cache-Control', 'private, no-store');
  res.setHeader('X-Robots-Tag', 'noindex');
  res.end(req.method === 'HEAD' ? undefined : html);
}

/**
 * A complete HTTP response for a request the parser gave up on (no request object exists then):
 * headers over the limit get 431, a timeout 408, anything else unreadable 400, each with a page.
 */
export function clientErrorResponse(code: string | undefined): string {
  const status = code === 'HPE_HEADER_OVERFLOW' ? 431 : code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const html = Buffer.from(serverPageHtml(status === 431 ? 'headersTooLarge' : 'badRequest', 'ar'));
  return (
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: text/html; charset=utf-8\r\n` +
    `Content-Length: ${html.length}\r\nCache-Control: private, no-store\r\nConnection: close\r\n\r\n${html.toString('utf8')}`
  );
}

/**
 * Which page a POST gets before Next sees it, or null to let it through: another site's Origin is
 * refused (CSRF), a body over the limit or of unstated size (chunked) is refused before it is read
 * (Next would read it, then answer with a bare error).
 */
export function refusePost(
  req: Pick<http.IncomingMessage, 'method' | 'headers'>,
  { isAdmin, foreignOrigin, readerLimit, adminLimit }: { isAdmin: boolean; foreignOrigin: boolean; readerLimit: number; adminLimit: number },
): { status: number; page: ServerPage } | null {
  if (req.method !== 'POST') return null;
  if (foreignOrigin) return { status: 403, page: 'foreignOrigin' };
  const length = req.headers['content-length'];
  if (length === undefined) return req.headers['transfer-encoding'] ? { status: 411, page: 'lengthRequired' } : null;
  if (Number(length) > (isAdmin ? adminLimit : readerLimit)) return { status: 413, page: isAdmin ? 'adminTooLarge' : 'tooLarge' };
  return null;
}

/**
 * A form posted without JavaScript that Next cannot match to an action (the page is from before a
 * deploy, or the hidden fields were forged) gets Next's bare English «Invalid Server Action
 * request.»: this swaps it for the Arabic page, keeping the status. Install after compression.
 */
export function replaceActionRefusal(req: http.IncomingMessage, res: http.ServerResponse): void {
  if (req.method !== 'POST' || req.headers['next-action']) return;
  const end = res.end;
  res.end = function (this: http.ServerResponse, ...args: unknown[]) {
    const type = String(res.getHeader('content-type') ?? '');
    if ((res.statusCode === 400 || res.statusCode === 409) && type.startsWith('text/plain') && !res.headersSent) {
      res.end = end;
      const callback = args.find((a) => typeof a === 'function') as (() => void) | undefined;
      res.removeHeader('content-length');
      sendServerPage(req, res, res.statusCode, 'staleForm');
      callback?.();
      return res;
    }
    return (end as (...a: unknown[]) => http.ServerResponse).apply(this, args);
  } as typeof res.end;
}
