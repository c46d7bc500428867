/**
 * The front page's lead story is the newest article with a picture among the newest few, so the
 * top of the page is never a bare headline; the others keep their order in «آخر الأخبار». With no
 * picture among them, the newest leads.
 */
export function pickLead<T extends { image: unknown }>(newest: T[]): { lead: T | null; latest: T[] } {
  const index = Math.max(0, newest.findIndex((a) => a.image));
  const lead = newest[index] ?? null;
  return { lead, latest: newest.filter((_, i) => i !== index) };
}
