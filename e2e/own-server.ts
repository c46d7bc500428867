import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestInfo } from '@playwright/test';

// A server of a test's own, on its own database: for tests that kill, lock or fill it, which would
// disturb every other test on the shared server. The same `npm start` entry (scripts/start.ts) and
// the same build; node runs it directly, so a signal reaches the server itself and not a wrapper.

export type OwnServer = {
  url: string;
  dataDir: string;
  databasePath: string;
  /** Everything the server printed, for assertions on logs. */
  output: () => string;
  start: () => Promise<void>;
  kill: (signal: NodeJS.Signals) => Promise<number | null>;
};

export function ownServerPort(testInfo: TestInfo): number {
  return Number(process.env.E2E_PORT || 3100) + 40 + testInfo.parallelIndex;
}

export function ownServer(testInfo: TestInfo, env: Record<string, string> = {}): OwnServer {
  const port = ownServerPort(testInfo);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-own-'));
  const databasePath = path.join(dataDir, 'portal.db');
  const url = `http://localhost:${port}`;
  let child: ChildProcess | undefined;
  let printed = '';

  async function start() {
    child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_PATH: databasePath,
        SITE_URL: url,
        TRUST_PROXY: '1',
        PORTAL_TEST_HOOKS: '1',
        ADMIN_EMAIL: 'admin@example.com',
        ADMIN_PASSWORD: 'admin-password-for-tests',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk) => (printed += chunk));
    child.stderr!.on('data', (chunk) => (printed += chunk));
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${printed.slice(-2000)}`);
      try {
        if ((await fetch(`${url}/api/health`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`the server did not become healthy:\n${printed.slice(-2000)}`);
  }

  async function kill(signal: NodeJS.Signals): Promise<number | null> {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return running?.exitCode ?? null;
    const exited = new Promise<number | null>((resolve) => running.once('exit', (code) => resolve(code)));
    running.kill(signal);
    return exited;
  }

  return { url, dataDir, databasePath, output: () => printed, start, kill };
}

export function removeOwnServer(server: OwnServer) {
  fs.rmSync(server.dataDir, { recursive: true, force: true });
}
