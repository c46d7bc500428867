import { describe, expect, it } from 'vitest';
import { ancestorChain, buildTree, type SectionNode, subtreeIds } from '@/lib/section-tree';

function s(id: number, name: string, parentId: number | null, position = 0): SectionNode {
  return { id, slug: `s${id}`, name, nameEn: '', description: '', parentId, position };
}

// أخبار(1) › أخبار دولية(3) › الأفق(4) › الدبلوماسية الدولية(5); أخبار › أخبار وطنية(2); اقتصاد(6) › طاقة(7)
const rows: SectionNode[] = [
  s(5, 'الدبلوماسية الدولية', 4, 0),
  s(7, 'طاقة', 6, 0),
  s(3, 'أخبار دولية', 1, 1),
  s(6, 'اقتصاد', null, 1),
  s(2, 'أخبار وطنية', 1, 0),
  s(4, 'الأفق', 3, 0),
  s(1, 'أخبار', null, 0),
];

describe('buildTree', () => {
  it('nests children under their parents and orders siblings by position', () => {
    const tree = buildTree(rows);
    expect(tree.map((n) => n.id)).toEqual([1, 6]);
    expect(tree[0]!.children.map((n) => n.id)).toEqual([2, 3]);
    expect(tree[0]!.children[1]!.children[0]!.children[0]!.name).toBe('الدبلوماسية الدولية');
    expect(tree[1]!.children.map((n) => n.name)).toEqual(['طاقة']);
  });

  it('orders equal positions by Arabic name, then id', () => {
    const tree = buildTree([s(1, 'ثقافة', null, 0), s(2, 'أخبار', null, 0), s(3, 'رياضة', null, 0), s(4, 'أخبار', null, 0)]);
    expect(tree.map((n) => n.id)).toEqual([2, 4, 1, 3]);
  });

  it('treats a section whose parent is missing as a root', () => {
    const tree = buildTree([s(1, 'أ', null, 1), s(2, 'ب', 99, 0)]);
    expect(tree.map((n) => n.id)).toEqual([2, 1]);
  });

  it('keeps all row fields and does not mutate the input rows', () => {
    const input = rows.map((r) => ({ ...r, extra: r.id * 10 }));
    const tree = buildTree(input);
    expect(tree[0]!.extra).toBe(10);
    expect('children' in input[0]!).toBe(false);
  });

  it('returns an empty list for no rows', () => {
    expect(buildTree([])).toEqual([]);
  });

  it('returns without hanging when bad data contains a cycle', () => {
    const cyclic = [s(1, 'أ', 2), s(2, 'ب', 1), s(3, 'ج', null)];
    const tree = buildTree(cyclic);
    // The cycle has no root, so only the real root is reachable.
    expect(tree.map((n) => n.id)).toEqual([3]);
  });
});

describe('ancestorChain', () => {
  it('returns the chain from the root down to the section', () => {
    expect(ancestorChain(rows, 5).map((r) => r.name)).toEqual(['أخبار', 'أخبار دولية', 'الأفق', 'الدبلوماسية الدولية']);
  });

  it('returns just the section for a root', () => {
    expect(ancestorChain(rows, 6).map((r) => r.id)).toEqual([6]);
  });

  it('returns an empty chain for an unknown id', () => {
    expect(ancestorChain(rows, 404)).toEqual([]);
  });

  it('stops at a missing parent', () => {
    expect(ancestorChain([s(2, 'ب', 99)], 2).map((r) => r.id)).toEqual([2]);
  });

  it('terminates on a cycle and lists each section once', () => {
    const cyclic = [s(1, 'أ', 3), s(2, 'ب', 1), s(3, 'ج', 2)];
    const chain = ancestorChain(cyclic, 1).map((r) => r.id);
    expect(chain).toEqual([2, 3, 1]);
  });

  it('terminates on a self-parent', () => {
    expect(ancestorChain([s(1, 'أ', 1)], 1).map((r) => r.id)).toEqual([1]);
  });
});

describe('subtreeIds', () => {
  it('starts with the section itself and includes every descendant', () => {
    const ids = subtreeIds(rows, 1);
    expect(ids[0]).toBe(1);
    expect([...ids].sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('returns only the id for a leaf', () => {
    expect(subtreeIds(rows, 5)).toEqual([5]);
  });

  it('does not include sibling subtrees', () => {
    expect([...subtreeIds(rows, 3)].sort()).toEqual([3, 4, 5]);
    expect([...subtreeIds(rows, 6)].sort()).toEqual([6, 7]);
  });

  it('returns an empty list for an unknown id', () => {
    expect(subtreeIds(rows, 404)).toEqual([]);
  });

  it('terminates on a cycle and lists each id once', () => {
    const cyclic = [s(1, 'أ', 3), s(2, 'ب', 1), s(3, 'ج', 2)];
    expect([...subtreeIds(cyclic, 1)].sort()).toEqual([1, 2, 3]);
    expect(subtreeIds([s(1, 'أ', 1)], 1)).toEqual([1]);
  });
});
