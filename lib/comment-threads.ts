// Approved comments arrive as a flat list, oldest first; readers see them as threads.

export type ThreadItem = { id: number; parentId: number | null };
export type Thread<T extends ThreadItem> = T & { replies: Thread<T>[] };

/** Nests replies under their parents; a reply whose parent is not shown is shown at the top level. */
export function buildThreads<T extends ThreadItem>(items: T[]): Thread<T>[] {
  const nodes = new Map<number, Thread<T>>(items.map((item) => [item.id, { ...item, replies: [] }]));
  const roots: Thread<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    (parent && parent !== node ? parent.replies : roots).push(node);
  }
  return roots;
}

/**
 * Two letters for an avatar: the first letter of the first two words (Arabic or Latin). The Arabic
 * article «ال» is not the word's initial: «محمد الأمين» is «مأ», not «ما».
 */
export function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .map((word) => {
      const chars = [...word].filter((ch) => /\p{L}/u.test(ch));
      return chars[0] === 'ا' && chars[1] === 'ل' && chars.length > 3 ? chars[2] : chars[0];
    })
    .filter((ch): ch is string => !!ch);
  return (letters.slice(0, 2).join('') || '؟').toUpperCase();
}

/** A stable colour per name, from a palette that keeps white text readable. */
export function avatarColor(name: string): string {
  const palette = ['#7a1013', '#14532d', '#1e3a8a', '#5b21b6', '#854d0e', '#0f766e', '#9d174d', '#374151'];
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0;
  return palette[hash % palette.length]!;
}
