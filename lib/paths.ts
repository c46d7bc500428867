// Reader URLs, before the locale prefix is added (see i18n/navigation.ts).
// Articles are addressed by id; the slug is only for people and is corrected by a redirect.

export function articlePath(id: number, slug: string): string {
  return `/article/${id}/${encodeURIComponent(slug)}`;
}

export function sectionPath(slug: string, page = 1): string {
  return page > 1 ? `/section/${slug}/page/${page}` : `/section/${slug}`;
}
