import { buildIfNeeded } from './build-if-needed';
import { prepareDatabase } from './prepare-db';

// `npm start`: migrate, add the demo data to an empty database, build if the sources changed, serve.

process.env.NEXT_TELEMETRY_DISABLED ??= '1';
await prepareDatabase();
buildIfNeeded();
await import('../server');
