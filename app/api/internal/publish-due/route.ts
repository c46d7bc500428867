import { getDb } from '@/db/client';
import { publishDueArticles } from '@/db/queries/article-admin';
import { audited } from '@/db/queries/audit';
import { cacheTags } from '@/db/cache-tags';
import { listBreaking } from '@/db/queries/articles';
import { revalidateArticle, revalidateReaderTags } from '@/db/revalidate';
import { isInternalRequest } from '@/lib/internal';

// Called by server.ts every few seconds: scheduled articles whose time has come are published and
// the pages that show them revalidated, with no request from staff. Only the server itself may call it.
export async function POST(request: Request) {
  if (!isInternalRequest(request.headers)) return new Response('Not found', { status: 404 });
  const db = getDb();
  const due = audited(
    db,
    () => publishDueArticles(db, Date.now()),
    (published) => published.map((article) => ({ userId: null, action: 'article.scheduled-publish', entityType: 'article', entityId: article.id })),
  );
  for (const article of due) revalidateArticle(db, article.id, [article.sectionId], article.tagIds);
  // The ticker changes by itself when a «عاجل» time passes: compare with what was last shown.
  const breaking = listBreaking(db, Date.now(), 3).map((a) => a.id).join(',');
  const store = globalThis as { __portalBreaking?: string };
  if (store.__portalBreaking !== undefined && store.__portalBreaking !== breaking) revalidateReaderTags([cacheTags.breaking]);
  store.__portalBreaking = breaking;
  return Response.json({ published: due.map((a) => a.id) });
}
