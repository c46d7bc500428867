import { openDb } from '/work/main/db/client';
const db = openDb('/tmp/big/portal.db');
const s = db.$client;
const ids = (s.prepare('select article_id from article_tags where tag_id=5 order by article_id desc limit 800').all() as any[]).map(r => r.article_id);
const sql = `select id, section_id, published_at from articles where id in (${ids.map(() => '?').join(',')}) and status = 'published' and published_at <= ?`;
console.log(s.prepare('explain query plan ' + sql).all(...ids, Date.now()));
const t0 = performance.now(); for (let i = 0; i < 10; i++) s.prepare(sql).all(...ids, Date.now()); console.log(((performance.now() - t0) / 10).toFixed(2));
