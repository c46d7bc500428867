import { AsyncLocalStorage } from 'node:async_hooks';
import { format } from 'node:util';

// One JSON line per event on stdout/stderr, each carrying the id of the request it happened in
// (server.ts gives every request one and returns it as X-Request-Id). server.ts runs under tsx and
// the app inside Next's bundle, so the request store lives on globalThis: both copies share it.
// Addresses, emails and tokens never reach a log: emails are masked, long opaque strings cut.

type RequestContext = { id: string };
const store = ((globalThis as { __portalRequests?: AsyncLocalStorage<RequestContext> }).__portalRequests ??=
  new AsyncLocalStorage<RequestContext>());

export function runWithRequestId<T>(id: string, fn: () => T): T {
  return store.run({ id }, fn);
}

export function currentRequestId(): string | undefined {
  return store.getStore()?.id;
}

const EMAIL = /[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+\.[^\s@<>"'(),;:]+/g;
// Session tokens, hashes, signed cookies: any unbroken run of 32+ token characters.
const OPAQUE = /[A-Za-z0-9_\-+/=.]{32,}/g;

/** What may be logged of a piece of text. */
export function redact(text: string): string {
  return text.replace(EMAIL, '[email]').replace(OPAQUE, (run) => (run.includes('/') && !run.includes('=') ? run : '[redacted]'));
}

type Level = 'info' | 'warn' | 'error';

export function logLine(level: Level, event: string, fields: Record<string, unknown> = {}): string {
  const entry: Record<string, unknown> = { time: new Date().toISOString(), level, event };
  const rid = currentRequestId();
  if (rid) entry.rid = rid;
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) entry[key] = typeof value === 'string' ? redact(value) : value;
  }
  return JSON.stringify(entry);
}

export function log(level: Level, event: string, fields: Record<string, unknown> = {}): void {
  const line = logLine(level, event, fields);
  (level === 'info' ? process.stdout : process.stderr).write(line + '\n');
}

/** console.error from anywhere (Next prints render and action errors with it) as one redacted line. */
export function installOneLineErrors(): void {
  console.error = (...args: unknown[]) => log('error', 'error', { message: format(...args) });
  console.warn = (...args: unknown[]) => log('warn', 'warning', { message: format(...args) });
}
