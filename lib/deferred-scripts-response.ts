import type { IncomingMessage, ServerResponse } from 'node:http';
import { deferNextScripts } from './deferred-scripts';
import { FLIGHT_PREFIX, type FlightStore } from './flight-store';

type Chunk = Buffer | string;

/**
 * Holds an HTML answer until it ends, then sends it with Next's scripts deferred (see
 * deferred-scripts.ts). Anything that is not HTML passes straight through.
 */
export function deferScriptsInResponse(req: IncomingMessage, res: ServerResponse, store: FlightStore): void {
  if (req.method !== 'GET' && req.method !== 'POST') return;
  const original = { write: res.write, end: res.end, flushHeaders: res.flushHeaders };
  const chunks: Buffer[] = [];
  let decided: 'html' | 'other' | undefined;
  const decide = () => {
    if (decided) return decided;
    const type = String(res.getHeader('content-type') ?? '');
    decided = !res.headersSent && type.startsWith('text/html') ? 'html' : 'other';
    if (decided === 'other') Object.assign(res, original);
    return decided;
  };
  const toBuffer = (chunk: Chunk, encoding?: unknown) =>
    typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8') : Buffer.from(chunk);

  res.flushHeaders = function flushHeaders() {
    if (decide() === 'other') original.flushHeaders.call(res);
  };
  res.write = function write(chunk: Chunk, ...rest: unknown[]) {
    if (decide() === 'other') return (original.write as (...a: unknown[]) => boolean).call(res, chunk, ...rest);
    chunks.push(toBuffer(chunk, rest[0]));
    const callback = rest.find((a) => typeof a === 'function') as (() => void) | undefined;
    callback?.();
    return true;
  } as typeof res.write;
  res.end = function end(...args: unknown[]) {
    if (decide() === 'other') return (original.end as (...a: unknown[]) => ServerResponse).apply(res, args);
    const [chunk, encoding] = args;
    if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') chunks.push(toBuffer(chunk as Chunk, encoding));
    const callback = args.find((a) => typeof a === 'function') as (() => void) | undefined;
    Object.assign(res, original);
    const body = Buffer.from(deferNextScripts(Buffer.concat(chunks).toString('utf8'), (script) => store.keep(script), req.method === 'GET'), 'utf8');
    if (res.getHeader('content-length') !== undefined) res.setHeader('Content-Length', body.length);
    return res.end(body, callback);
  } as typeof res.end;
}

/** Pages the server may render again to find a page's data: its own reader pages, nothing else. */
export function pageToRender(url: string | undefined): string | undefined {
  const page = new URL(url ?? '/', 'http://x').searchParams.get('p');
  if (!page || !page.startsWith('/') || page.startsWith('//') || page.includes('\\')) return undefined;
  return /^\/(en\/)?(admin|api|_flight|_next)(\/|$|\?)/.test(page) ? undefined : page;
}

/**
 * Answers /_flight/<hash>.js from the store: true if the request was one. On a miss (a restart,
 * another instance rendered the page) it renders the page named by `?p=` once through `render`,
 * which keeps its data again; if the page has changed since, the hash differs and the answer is 404.
 */
export function serveFlight(req: IncomingMessage, res: ServerResponse, store: FlightStore, render?: (page: string) => Promise<void>): boolean {
  const path = (req.url ?? '').split('?')[0]!;
  if (!path.startsWith(FLIGHT_PREFIX)) return false;
  const send = (body: Buffer | undefined) => {
    if (!body) {
      res.statusCode = 404;
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      return void res.end('');
    }
    res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
    // Named by its content: the same address never holds anything else.
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.setHeader('Content-Length', body.length);
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(undefined), true;
  const kept = store.get(path);
  const page = pageToRender(req.url);
  if (kept || !page || !render) return send(kept), true;
  render(page).then(
    () => send(store.get(path)),
    () => send(undefined),
  );
  return true;
}
