import crypto from 'node:crypto';
import http from 'node:http';
import compression from 'compression';
import type { Db } from './db/client';
import {
  isDecodablePath,
  NOT_FOUND_PATHS,
  type NotFoundLocale,
  replaceNotFoundBody,
  sendNotFound,
} from './lib/not-found-response';
import { deferScriptsInResponse, serveFlight } from './lib/deferred-scripts-response';
import { FlightStore } from './lib/flight-store';
import { INTERNAL_HEADER, internalToken } from './lib/internal';
import { installOneLineErrors, log, runWithRequestId } from './lib/log';
import { installPageCache, PageCache } from './lib/page-cache';
import { appendOnlyNewHeaderValues, readerCacheControl, requestIdFrom, securityHeaders } from './lib/response-headers';
import { clientErrorResponse, refusePost, replaceActionRefusal, sendServerPage } from './lib/server-pages';
import { BEACON_PATH, startViewCounting } from './lib/view-beacon';

// The production server: Next's request handler on a plain node:http server, behind the page cache
// (lib/page-cache.ts), with rendered 404 bodies (lib/not-found-response.ts), compression done here
// (next.config.ts turns Next's off), and a shutdown that is ours to control.

(process.env as Record<string, string | undefined>).NODE_ENV ??= 'production';
installOneLineErrors();
const { default: next } = await import('next');

const port = Number(process.env.PORT || 3000);
const app = next({ dev: false, port });
const handle = app.getRequestHandler();
await app.prepare();

const pageCache = new PageCache(`http://127.0.0.1:${port}`);
installPageCache(pageCache);
const notFoundBody = (locale: NotFoundLocale) => pageCache.internalPage(NOT_FOUND_PATHS[locale]);
const notFoundPaths = new Set<string>(Object.values(NOT_FOUND_PATHS));
const compress = compression({ threshold: 1024 });
const flights = new FlightStore();

/**
 * Next sends a cached page as one JavaScript string. Node writes a large string with mixed Arabic
 * and ASCII to a socket several times slower than the same bytes as a Buffer (measured: about 3x on
 * a 70 KB article page), so large string bodies are encoded once, here, before the write.
 */
function writeStringsAsBuffers(res: http.ServerResponse): void {
  const end = res.end.bind(res) as (...args: unknown[]) => http.ServerResponse;
  res.end = ((chunk?: unknown, encoding?: unknown, callback?: unknown) => {
    if (typeof chunk === 'string' && chunk.length > 4096) {
      const buffer = Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
      return typeof encoding === 'function' ? end(buffer, encoding) : end(buffer, callback);
    }
    return end(chunk, encoding, callback);
  }) as typeof res.end;
}

const siteHost = (() => {
  try {
    return process.env.SITE_URL ? new URL(process.env.SITE_URL).host : undefined;
  } catch {
    return undefined;
  }
})();
const ACTION_BODY_LIMIT = 1024 * 1024;
/** Next's own limit for actions (serverActions.bodySizeLimit in next.config.ts): the editor's image and its form. */
const ADMIN_BODY_LIMIT = 6 * 1024 * 1024;

/**
 * The sender's address for actions, in a header no client can set: the socket's, or with
 * TRUST_PROXY=1 (behind a reverse proxy) the first x-forwarded-for entry.
 */
function stampClientIp(req: http.IncomingMessage): void {
  const forwarded = String(req.headers['x-forwarded-for'] ?? '').split(',')[0]!.trim();
  req.headers['x-portal-client-ip'] = process.env.TRUST_PROXY === '1' && forwarded ? forwarded : (req.socket.remoteAddress ?? '');
}

/** A write from another site (CSRF) is refused before it reaches an action. */
function isForeignOrigin(req: http.IncomingMessage): boolean {
  const origin = req.headers.origin;
  // No Origin at all: an old browser's same-site form post; Next lets those through too.
  if (req.method !== 'POST' || !origin) return false;
  try {
    const host = new URL(origin).host;
    return host !== req.headers.host && host !== siteHost;
  } catch {
    return true; // "null" (sandboxed frames, file:) and anything unparsable
  }
}

const SECURITY_HEADERS = securityHeaders(process.env.SITE_URL);
const trustProxy = process.env.TRUST_PROXY === '1';

/** Every answer: an id to find it in the logs, the security headers, a CDN-friendly cache policy. */
function prepareResponse(req: http.IncomingMessage, res: http.ServerResponse, isAdmin: boolean): string {
  const id = requestIdFrom(req.headers['x-request-id'], trustProxy, () => crypto.randomUUID());
  req.headers['x-request-id'] = id;
  res.setHeader('X-Request-Id', id);
  appendOnlyNewHeaderValues(res);
  // Next reads the nonce for its scripts from the request's policy: the newsroom's is set here, and
  // nobody else may hand Next one.
  delete req.headers['content-security-policy'];
  const headers = isAdmin ? securityHeaders(process.env.SITE_URL, { admin: true, nonce: crypto.randomBytes(16).toString('base64') }) : SECURITY_HEADERS;
  for (const [name, value] of headers) {
    res.setHeader(name, value);
    if (name === 'Content-Security-Policy' && isAdmin) req.headers['content-security-policy'] = value;
  }
  if (!isAdmin) {
    const setHeader = res.setHeader.bind(res);
    res.setHeader = ((name: string, value: number | string | readonly string[]) =>
      setHeader(name, name.toLowerCase() === 'cache-control' ? readerCacheControl(String(value)) : value)) as typeof res.setHeader;
  }
  const started = performance.now();
  res.on('finish', () => {
    if (res.statusCode >= 500) {
      log('error', 'request-failed', { method: req.method, path: (req.url ?? '').split('?')[0], status: res.statusCode, ms: Math.round(performance.now() - started) });
    }
  });
  return id;
}

// Node's default 16 KB of headers and URL is less than a 10 KB Arabic search percent-encoded (~30 KB);
// the search page caps what it uses, so a long query gets a page rather than a bare 431.
const server = http.createServer({ maxHeaderSize: 64 * 1024 }, (req, res) => {
  const isAdmin = /^\/(en\/)?admin(\/|$|\?)/.test(req.url ?? '');
  runWithRequestId(prepareResponse(req, res, isAdmin), () => respond(req, res, isAdmin));
});

function respond(req: http.IncomingMessage, res: http.ServerResponse, isAdmin: boolean): void {
  if (stopping) res.setHeader('Connection', 'close');
  stampClientIp(req);
  // Another site's post, or a body over the limit (readers' forms are small; the newsroom's editor
  // uploads images up to 5 MB) or of unstated size: an answer in words, before Next reads a byte.
  const refusal = refusePost(req, { isAdmin, foreignOrigin: isForeignOrigin(req), readerLimit: ACTION_BODY_LIMIT, adminLimit: ADMIN_BODY_LIMIT });
  if (refusal) return sendServerPage(req, res, refusal.status, refusal.page);
  if (req.url === BEACON_PATH) return views.handle(req, res);
  if (isAdmin) res.setHeader('X-Robots-Tag', 'noindex, nofollow');
  if (!isAdmin && pageCache.serve(req, res)) return;
  compress(req as never, res as never, () => {
    if (serveFlight(req, res, flights, (page) => pageCache.renderAgain(page))) return;
    const internal = pageCache.isInternal(req);
    if (!isDecodablePath(req.url)) return void sendNotFound(req, res, 400, notFoundBody);
    if (!internal && notFoundPaths.has((req.url ?? '').split('?')[0]!)) return void sendNotFound(req, res, 404, notFoundBody);
    writeStringsAsBuffers(res);
    if (!internal) replaceNotFoundBody(req, res, notFoundBody);
    replaceActionRefusal(req, res);
    if (!isAdmin) deferScriptsInResponse(req, res, flights);
    res.on('finish', () => pageCache.considerAfterResponse(req, res));
    void handle(req, res);
  });
}
server.keepAliveTimeout = 65_000;
// A request the parser gives up on (headers or address over maxHeaderSize, bytes that are not HTTP)
// never reaches the handler: answer it with a page too, as Node's default would with a bare status.
server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
  const pending = (socket as { _httpMessage?: http.ServerResponse })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || pending?.headersSent) return void socket.destroy();
  socket.end(clientErrorResponse(error.code));
});
const views = startViewCounting(port);
/** Scheduled articles appear by themselves: every few seconds the server asks itself to publish what is due. */
const SCHEDULER_EVERY_MS = 5_000;
const scheduler = setInterval(() => {
  void fetch(`http://127.0.0.1:${port}/api/internal/publish-due`, { method: 'POST', headers: { [INTERNAL_HEADER]: internalToken() } }).catch(() => {});
}, SCHEDULER_EVERY_MS);
scheduler.unref();

server.listen(port, () => {
  console.log(`portal ready on http://localhost:${port}`);
  for (const locale of Object.keys(NOT_FOUND_PATHS) as NotFoundLocale[]) void notFoundBody(locale);
});

let stopping = false;
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing requests in flight, then closing the database`);
  server.close(() => {
    views.stop();
    views.flush();
    (globalThis as { __portalDb?: Db }).__portalDb?.$client.close();
    process.exit(0);
  });
  // Keep-alive sockets become idle as their last answers go out (each says Connection: close now).
  server.closeIdleConnections();
  setInterval(() => server.closeIdleConnections(), 100).unref();
  // Orchestrators usually allow 30 s before SIGKILL; a deliberately slowed login takes up to 5 s.
  setTimeout(() => process.exit(1), 25_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
