import { spawn } from 'node:child_process';
import { buildIfNeeded } from './build-if-needed';
import { prepareDatabase } from './prepare-db';

// `npm start`: migrate, add the demo data to an empty database, build if the sources changed, serve.

await prepareDatabase();
buildIfNeeded();

const port = process.env.PORT || '3000';
const server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', port], {
  stdio: 'inherit',
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
