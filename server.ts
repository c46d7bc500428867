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
import { installPageCache, PageCache } from './lib/page-cache';

// The production server: Next's request handler on a plain node:http server, behind the page cache
// (lib/page-cache.ts), with rendered 404 bodies (lib/not-found-response.ts), compression done here
// (next.config.ts turns Next's off), and a shutdown that is ours to control.

(process.env as Record<string, string | undefined>).NODE_ENV ??= 'production';
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

const server = http.createServer((req, res) => {
  if (pageCache.serve(req, res)) return;
  compress(req as never, res as never, () => {
    const internal = pageCache.isInternal(req);
    if (!isDecodablePath(req.url)) return void sendNotFound(req, res, 400, notFoundBody);
    if (!internal && notFoundPaths.has((req.url ?? '').split('?')[0]!)) return void sendNotFound(req, res, 404, notFoundBody);
    writeStringsAsBuffers(res);
    if (!internal) replaceNotFoundBody(req, res, notFoundBody);
    res.on('finish', () => pageCache.considerAfterResponse(req, res));
    void handle(req, res);
  });
});
server.keepAliveTimeout = 65_000;
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
    (globalThis as { __portalDb?: Db }).__portalDb?.$client.close();
    process.exit(0);
  });
  server.closeIdleConnections();
  setTimeout(() => process.exit(1), 10_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
