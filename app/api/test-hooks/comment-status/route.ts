import { getDb } from '@/db/client';
import { setCommentStatus } from '@/db/queries/comments';
import { revalidateComments } from '@/db/revalidate';
import { commentStatuses, type CommentStatus } from '@/db/schema';

// Test seam until the admin's moderation screens exist: end-to-end tests approve a comment the way
// moderation will (status change, then revalidation). It answers 404 unless the server was started
// with PORTAL_TEST_HOOKS=1, which only playwright.config.ts does.
export async function POST(request: Request) {
  if (process.env.PORTAL_TEST_HOOKS !== '1') return new Response('Not found', { status: 404 });
  const { id, status } = (await request.json()) as { id: number; status: CommentStatus };
  if (!Number.isInteger(id) || !commentStatuses.includes(status)) return new Response('Bad request', { status: 400 });
  const db = getDb();
  const changed = setCommentStatus(db, id, status);
  if (!changed) return new Response('Not found', { status: 404 });
  revalidateComments(db, changed.articleId);
  return Response.json({ ok: true });
}
