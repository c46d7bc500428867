import { openDb } from '/work/main/db/client';
import { listSections } from '/work/main/db/queries/sections';
import { countInSections, getVisibleArticle, listInSections, listLatest, listMostRead, listRelated } from '/work/main/db/queries/articles';
import { subtreeIds } from '/work/main/lib/section-tree';
const db = openDb(process.argv[2]);
const now = Date.now();
function time(label: string, fn: () => unknown, n = 20) {
  fn();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) fn();
  console.log(label.padEnd(40), ((performance.now() - t0) / n).toFixed(2), 'ms');
}
const sections = listSections(db);
const news = sections.find(s => s.slug === 'news')!;
const dip = sections.find(s => s.slug === 'international-diplomacy')!;
const tech = sections.find(s => s.slug === 'tech')!;
time('latest 9', () => listLatest(db, now, { limit: 9 }));
time('most read 5', () => listMostRead(db, now, 5));
for (const s of [news, dip, tech]) {
  const ids = subtreeIds(sections, s.id);
  time(`section ${s.slug} p1`, () => listInSections(db, ids, now, { limit: 20 }));
  time(`section ${s.slug} p50`, () => listInSections(db, ids, now, { limit: 20, offset: 980 }));
  time(`count ${s.slug}`, () => countInSections(db, ids, now));
}
time('article sample', () => getVisibleArticle(db, 100001, now));
time('article 50000', () => getVisibleArticle(db, 50000, now));
time('related sample', () => listRelated(db, { id: 100001, sectionId: dip.id }, now, 4), 5);
time('related 50000', () => listRelated(db, { id: 50000, sectionId: getVisibleArticle(db, 50000, now)!.section.id }, now, 4), 5);
