import { revalidateTag } from 'next/cache';
import { clearPageCache } from '@/lib/page-cache';

/**
 * After a write: marks the cached reader data under these tags (see cache-tags.ts) as gone, so the
 * next request renders fresh, and drops the page cache in front of Next. Call from server actions
 * and route handlers only.
 */
export function revalidateReaderTags(tags: string[]): void {
  for (const tag of new Set(tags)) revalidateTag(tag, { expire: 0 });
  clearPageCache();
}
