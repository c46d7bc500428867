import { cookies } from 'next/headers';
import type { NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { listPendingByIds } from '@/db/queries/comments';
import { getSigningSecret } from '@/db/queries/settings';
import { AUTHOR_COOKIE, decodeAuthor, decodePending, PENDING_COOKIE } from '@/lib/commenter-cookies';
import { FORM_TOKEN_KEEP_SECONDS, refreshFormToken } from '@/lib/signing';

// What the comment form asks for when it is used: a form token (the page's own while it has two days
// or more left, so the time on the page still counts), and, from this browser's own signed cookies,
// the remembered details and its comments still under review. Nothing here is shared between
// browsers, so nothing is cached.
export async function GET(request: NextRequest) {
  const articleId = Number(request.nextUrl.searchParams.get('article'));
  const db = getDb();
  const secret = getSigningSecret(db);
  const jar = await cookies();
  const pending =
    Number.isInteger(articleId) && articleId > 0
      ? listPendingByIds(db, articleId, decodePending(secret, jar.get(PENDING_COOKIE)?.value)).map((c) => ({
          id: c.id,
          name: c.authorName,
          body: c.body,
          createdAt: c.createdAt,
          outcome: 'pending' as const,
        }))
      : [];
  return Response.json(
    {
      token: refreshFormToken(secret, request.nextUrl.searchParams.get('token') ?? undefined, Date.now(), FORM_TOKEN_KEEP_SECONDS),
      author: decodeAuthor(secret, jar.get(AUTHOR_COOKIE)?.value),
      pending,
    },
    { headers: { 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex' } },
  );
}
