import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// `npm start` builds only when the sources changed since the last build: a fingerprint of every
// input to `next build` is kept beside the build output.

const inputs = [
  'app', 'components', 'db', 'i18n', 'lib', 'messages', 'public',
  'next.config.ts', 'postcss.config.mjs', 'tsconfig.json', 'package-lock.json',
];
const stamp = path.join('.next', 'portal-source-hash');

function* files(entry: string): Generator<string> {
  if (!fs.existsSync(entry)) return;
  const stat = fs.statSync(entry);
  if (stat.isFile()) {
    yield entry;
    return;
  }
  for (const name of fs.readdirSync(entry).sort()) yield* files(path.join(entry, name));
}

export function sourceFingerprint(): string {
  const hash = crypto.createHash('sha256');
  for (const input of inputs) {
    for (const file of files(input)) {
      hash.update(file);
      hash.update(fs.readFileSync(file));
    }
  }
  return hash.digest('hex');
}

export function buildIfNeeded(): void {
  const fingerprint = sourceFingerprint();
  const built = fs.existsSync(path.join('.next', 'BUILD_ID')) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === fingerprint;
  if (built) return;
  console.log('building the portal (next build)…');
  const result = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error(`next build failed with exit code ${result.status}`);
  fs.writeFileSync(stamp, fingerprint);
}

if (import.meta.url === `file://${process.argv[1]}`) buildIfNeeded();
