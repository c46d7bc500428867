import { getDb } from '@/db/client';
import { databaseHealth } from '@/db/queries/health';
import { log } from '@/lib/log';
import { sqliteCode } from '@/lib/storage-errors';

// For load balancers and uptime checks: 200 when the database answers and its migrations are
// current, 503 otherwise. Counts and booleans only: no paths, versions or secrets.
export const dynamic = 'force-dynamic';

const headers = { 'Cache-Control': 'no-store' };

export async function GET() {
  try {
    const health = databaseHealth(getDb());
    const ok = health.migrations.current;
    return Response.json({ status: ok ? 'ok' : 'unavailable', database: 'ok', migrations: health.migrations }, { status: ok ? 200 : 503, headers });
  } catch (error) {
    log('error', 'health-check-failed', { code: sqliteCode(error) ?? 'unknown' });
    return Response.json({ status: 'unavailable', database: 'unreachable' }, { status: 503, headers });
  }
}
