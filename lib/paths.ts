// Reader URLs, before the locale prefix is added (see i18n/navigation.ts).
// Articles are addressed by id; the slug is only for people and is corrected by a redirect.

export function articlePath(id: number, slug: string): string {
  return `/article/${id}/${encodeURIComponent(slug)}`;
}

export function sectionPath(slug: string, page = 1): string {
  return page > 1 ? `/section/${slug}/page/${page}` : `/section/${slug}`;
}

export function tagPath(slug: string, page = 1): string {
  const base = `/tag/${encodeURIComponent(slug)}`;
  return page > 1 ? `${base}/page/${page}` : base;
}

export function authorPath(slug: string, page = 1): string {
  const base = `/author/${encodeURIComponent(slug)}`;
  return page > 1 ? `${base}/page/${page}` : base;
}

export function searchPath(query: string, page = 1): string {
  const params = new URLSearchParams({ q: query });
  if (page > 1) params.set('page', String(page));
  return `/search?${params}`;
}
