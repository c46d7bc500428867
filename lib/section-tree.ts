// The section tree is small (tens of rows) and read whole; these helpers walk it in memory.

export type SectionNode = {
  id: number;
  slug: string;
  name: string;
  /** The English interface's name; empty when the section has none. */
  nameEn: string;
  description: string;
  parentId: number | null;
  position: number;
};

export type SectionTreeNode<T extends SectionNode = SectionNode> = T & { children: SectionTreeNode<T>[] };

function byPosition(a: SectionNode, b: SectionNode): number {
  return a.position - b.position || a.name.localeCompare(b.name, 'ar') || a.id - b.id;
}

export function buildTree<T extends SectionNode>(rows: T[]): SectionTreeNode<T>[] {
  const nodes = new Map<number, SectionTreeNode<T>>();
  for (const row of rows) nodes.set(row.id, { ...row, children: [] });
  const roots: SectionTreeNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    (parent ? parent.children : roots).push(node);
  }
  const sortDeep = (list: SectionTreeNode<T>[]) => {
    list.sort(byPosition);
    for (const n of list) sortDeep(n.children);
  };
  sortDeep(roots);
  return roots;
}

/** The chain from the root down to the section itself; empty when the id is unknown. */
export function ancestorChain<T extends SectionNode>(rows: T[], id: number): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const chain: T[] = [];
  const seen = new Set<number>();
  let current = byId.get(id);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    chain.unshift(current);
    current = current.parentId === null ? undefined : byId.get(current.parentId);
  }
  return chain;
}

/** The section's id followed by the ids of every section below it. */
export function subtreeIds(rows: SectionNode[], id: number): number[] {
  const children = new Map<number, number[]>();
  for (const r of rows) {
    if (r.parentId === null) continue;
    const list = children.get(r.parentId) ?? [];
    list.push(r.id);
    children.set(r.parentId, list);
  }
  if (!rows.some((r) => r.id === id)) return [];
  const out: number[] = [];
  const stack = [id];
  const seen = new Set<number>();
  while (stack.length) {
    const current = stack.pop()!;
    if (seen.has(current)) continue;
    seen.add(current);
    out.push(current);
    stack.push(...(children.get(current) ?? []));
  }
  return out;
}

/** The direct children of a section, in display order. */
export function childrenOf<T extends SectionNode>(rows: T[], id: number): T[] {
  return rows.filter((r) => r.parentId === id).sort(byPosition);
}

/** The tree flattened for a <select>: each name indented by its depth. */
export function sectionOptions(rows: SectionNode[]): { id: number; label: string }[] {
  const out: { id: number; label: string }[] = [];
  const walk = (nodes: SectionTreeNode[], depth: number) => {
    for (const n of nodes) {
      out.push({ id: n.id, label: `${'— '.repeat(depth)}${n.name}` });
      walk(n.children, depth + 1);
    }
  };
  walk(buildTree(rows), 0);
  return out;
}
