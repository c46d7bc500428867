import { cacheTags } from '@/db/cache-tags';
import { revalidateReaderTags } from '@/db/revalidate';
import { isInternalRequest } from '@/lib/internal';

// Called by server.ts when counted views changed the most-read lists; only the server may call it.
export async function POST(request: Request) {
  if (!isInternalRequest(request.headers)) return new Response('Not found', { status: 404 });
  revalidateReaderTags([cacheTags.mostRead]);
  return new Response(null, { status: 204 });
}
