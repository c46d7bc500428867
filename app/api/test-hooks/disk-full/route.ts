import { getDb } from '@/db/client';

// Test seam for the full-disk case: caps the server's own connection at the pages the database has
// now (PRAGMA max_page_count), so the next write that needs a new page fails with SQLITE_FULL, as on
// a full disk; `{ "full": false }` lifts the cap. 404 unless PORTAL_TEST_HOOKS=1 (tests only).
export async function POST(request: Request) {
  if (process.env.PORTAL_TEST_HOOKS !== '1') return new Response('Not found', { status: 404 });
  const { full } = (await request.json()) as { full: boolean };
  const sqlite = getDb().$client;
  // No free pages left inside the file either, so a new row really needs the disk.
  if (full) sqlite.exec('VACUUM');
  const pages = sqlite.pragma('page_count', { simple: true }) as number;
  sqlite.pragma(`max_page_count = ${full ? pages : 4_294_967_294}`);
  return Response.json({ maxPages: sqlite.pragma('max_page_count', { simple: true }) });
}
