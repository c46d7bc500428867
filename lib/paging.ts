/**
 * Strictly parses a page number from a URL segment: only plain ASCII digits without a leading zero,
 * within a sane range. Anything else (0, -1, 1.5, ١, 2abc, 1e3, huge numbers) returns null.
 */
export function parsePageNumber(raw: string | undefined): number | null {
  if (raw === undefined) return 1;
  if (!/^[1-9][0-9]{0,5}$/.test(raw)) return null;
  return Number(raw);
}

/** A row id from a URL or a request body: 1 to 10 digits, no sign, no leading zero. */
export function parseId(raw: string | undefined): number | null {
  return raw !== undefined && /^[1-9][0-9]{0,9}$/.test(raw) ? Number(raw) : null;
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** Page links to show: first, last, and a window around the current page; 0 marks a gap. */
export function pageWindow(current: number, last: number, radius = 2): number[] {
  const pages = new Set<number>([1, last]);
  for (let p = current - radius; p <= current + radius; p++) if (p >= 1 && p <= last) pages.add(p);
  const sorted = [...pages].sort((a, b) => a - b);
  const out: number[] = [];
  for (const p of sorted) {
    const prev = out[out.length - 1];
    if (prev !== undefined && p - prev === 2) out.push(prev + 1);
    else if (prev !== undefined && p - prev > 2) out.push(0);
    out.push(p);
  }
  return out;
}

/** `/x` is page 1, `/x/page/N` page N (the optional catch-all after a list's address); every other shape is not a page. */
export function pageFromRest(rest: string[] | undefined): number | null {
  if (!rest || rest.length === 0) return 1;
  if (rest.length !== 2 || rest[0] !== 'page') return null;
  return parsePageNumber(rest[1]);
}
