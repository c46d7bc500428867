import { getDb } from '@/db/client';
import { publishDueArticles } from '@/db/queries/article-admin';
import { recordAudit } from '@/db/queries/audit';
import { revalidateArticle } from '@/db/revalidate';
import { isInternalRequest } from '@/lib/internal';

// Called by server.ts every few seconds: scheduled articles whose time has come are published and
// the pages that show them revalidated, with no request from staff. Only the server itself may call it.
export async function POST(request: Request) {
  if (!isInternalRequest(request.headers)) return new Response('Not found', { status: 404 });
  const db = getDb();
  const due = publishDueArticles(db, Date.now());
  for (const article of due) {
    recordAudit(db, { userId: null, action: 'article.scheduled-publish', entityType: 'article', entityId: article.id });
    revalidateArticle(db, article.id, [article.sectionId], article.tagIds);
  }
  return Response.json({ published: due.map((a) => a.id) });
}
