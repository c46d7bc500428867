import type { IncomingMessage, ServerResponse } from 'node:http';
import { isDocumentRequest } from './page-cache';
import { KEPT_ON_REPLACE } from './response-headers';

// Next 16 answers a notFound() thrown in a server component with an empty HTML shell: the 404 view
// exists only in the RSC payload, so a reader without JavaScript (and many crawlers) gets a blank
// page (vercel/next.js#62228). The server therefore swaps the body of every 404 document response
// for the same view rendered as a normal page (app/[locale]/page-not-found), keeping the status.

export const NOT_FOUND_PATHS = { ar: '/page-not-found', en: '/en/page-not-found' } as const;
export type NotFoundLocale = keyof typeof NOT_FOUND_PATHS;

export function localeOfPath(url: string): NotFoundLocale {
  return url === '/en' || url.startsWith('/en/') || url.startsWith('/en?') ? 'en' : 'ar';
}

/** Whether the path's percent-escapes decode; Next answers a malformed one with a 500. */
export function isDecodablePath(url: string | undefined): boolean {
  const path = (url ?? '/').split('?')[0]!;
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

type Body = (locale: NotFoundLocale) => Promise<Buffer | undefined>;

/** Writes the rendered 404 view with `status`; headers the view needs come with it. */
export async function sendNotFound(req: IncomingMessage, res: ServerResponse, status: number, body: Body): Promise<void> {
  const html = await body(localeOfPath(req.url ?? '/'));
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'private, no-cache, no-store, max-age=0, must-revalidate');
  res.setHeader('X-Robots-Tag', 'noindex');
  const payload = html ?? Buffer.from('<!doctype html><html lang="ar" dir="rtl"><title>404</title><h1>الصفحة غير موجودة</h1><a href="/">العودة إلى الصفحة الرئيسية</a></html>');
  res.setHeader('Content-Length', payload.length);
  res.end(req.method === 'HEAD' ? undefined : payload);
}

/**
 * Lets Next handle the request, but if it turns out a 404 document, Next's (empty) body is dropped
 * and the rendered view is sent instead. Must be installed after any compression wrapper, so the
 * replacement body is compressed like any other.
 */
export function replaceNotFoundBody(req: IncomingMessage, res: ServerResponse, body: Body): void {
  if (!isDocumentRequest(req)) return;
  const original = { write: res.write, end: res.end, flushHeaders: res.flushHeaders };
  let replacing = false;
  const isNotFound = () => replacing || (replacing = res.statusCode === 404 && !res.headersSent);

  res.flushHeaders = function flushHeaders() {
    if (!isNotFound()) original.flushHeaders.call(res);
  };
  res.write = function write(this: ServerResponse, ...args: unknown[]) {
    if (isNotFound()) return true;
    return (original.write as (...a: unknown[]) => boolean).apply(res, args);
  } as typeof res.write;
  res.end = function end(this: ServerResponse, ...args: unknown[]) {
    if (!isNotFound()) return (original.end as (...a: unknown[]) => ServerResponse).apply(res, args);
    const callback = args.find((a) => typeof a === 'function') as (() => void) | undefined;
    Object.assign(res, original);
    for (const name of res.getHeaderNames()) if (!KEPT_ON_REPLACE.has(name)) res.removeHeader(name);
    void sendNotFound(req, res, 404, body).then(callback, callback);
    return res;
  } as typeof res.end;
}
