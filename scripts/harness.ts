import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildIfNeeded } from './build-if-needed';

// What the measuring scripts (bench, lighthouse, soak) share: the real server (server.ts) on a
// fresh database with the demo data, in a temporary folder removed at exit, plus small helpers for
// timing, percentiles and posting the site's forms the way a browser without JavaScript does.

export type Harness = {
  origin: string;
  dataDir: string;
  databasePath: string;
  env: NodeJS.ProcessEnv;
  /** Runs a command to completion with the harness's environment (the temp database). */
  run(command: string, args: string[]): Promise<void>;
  /** Seeds the demo data (optionally `articles` generated ones), adds the first admin, builds if needed. */
  prepare(articles?: number): Promise<void>;
  /** Starts server.ts as one process (node --import tsx), so killing it stops the server. */
  startServer(): ChildProcess;
  /** Starts any child that is killed at exit with the others. */
  adopt(child: ChildProcess): ChildProcess;
};

export function createHarness({ port, name, keepData = false, env: extra = {} }: {
  port: number;
  name: string;
  keepData?: boolean;
  env?: Record<string, string>;
}): Harness {
  const origin = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `portal-${name}-`));
  const databasePath = path.join(dataDir, 'portal.db');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // Writers come from distinct senders: the server takes their address from x-forwarded-for.
    TRUST_PROXY: '1',
    DATABASE_PATH: databasePath,
    PORT: String(port),
    SITE_URL: origin,
    NEXT_TELEMETRY_DISABLED: '1',
    ...extra,
  };
  const children: ChildProcess[] = [];
  process.on('exit', () => {
    for (const child of children) child.kill('SIGKILL');
    if (!keepData) fs.rmSync(dataDir, { recursive: true, force: true });
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

  const adopt = (child: ChildProcess) => {
    children.push(child);
    return child;
  };
  const run = (command: string, args: string[]) =>
    new Promise<void>((resolve, reject) => {
      const child = spawn(command, args, { env, stdio: ['ignore', 'inherit', 'inherit'] });
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}`))));
    });
  const tsx = (script: string, ...args: string[]) => run(process.execPath, ['node_modules/tsx/dist/cli.mjs', script, ...args]);
  return {
    origin,
    dataDir,
    databasePath,
    env,
    run,
    adopt,
    async prepare(articles) {
      await tsx('scripts/seed.ts', ...(articles === undefined ? [] : ['--articles', String(articles)]));
      await tsx('scripts/prepare-db.ts');
      buildIfNeeded();
    },
    startServer() {
      return adopt(spawn(process.execPath, ['--import', 'tsx', 'server.ts'], { env, stdio: ['ignore', 'ignore', 'inherit'] }));
    },
  };
}

export async function waitFor(url: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/** One request timed end to end. `render` adds a cookie so the page cache steps aside and Next renders. */
export async function timeOnce(url: string, render = false): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, render ? { headers: { cookie: 'bench=render' } } : {});
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return performance.now() - started;
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)]!;
};

export const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

/** The hidden fields (action id and state) of the page's form that contains `marker`, as a browser without JavaScript sends them. */
export const hiddenFields = (page: string, marker: string): [string, string][] => {
  const start = page.lastIndexOf('<form', page.indexOf(marker));
  const form = page.slice(start, page.indexOf('</form>', start));
  return [...form.matchAll(/<input([^>]*type="hidden"[^>]*)>/g)].map(([, tag]) => [
    tag!.match(/name="([^"]*)"/)![1]!.replace(/&amp;/g, '&'),
    (tag!.match(/value="([^"]*)"/)?.[1] ?? '').replace(/&amp;/g, '&').replace(/&quot;/g, '"'),
  ]);
};
