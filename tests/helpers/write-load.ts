import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openDb, writeTransaction } from '../../db/client';

// A writer in its own process for tests/backup.test.ts, on its own connection through the app's
// openDb (the search triggers need its SQL functions). Each transaction `n` commits one published
// article `load-<n>` and its two comments; every 4th also an image row whose two files were written
// completely before the transaction, as uploads do. Stops on the message 'stop' and answers with
// the last committed n.

const [dbPath, mediaDir] = process.argv.slice(2) as [string, string];
const db = openDb(dbPath);
const sqlite = db.$client;
const sectionId = (sqlite.prepare('SELECT min(id) AS id FROM sections').get() as { id: number }).id;
const authorId = (sqlite.prepare('SELECT min(id) AS id FROM users').get() as { id: number }).id;

const insertImage = sqlite.prepare(
  "INSERT INTO images (key, width, height, widths, alt) VALUES (?, 800, 450, '400,800', '') RETURNING id",
);
const insertArticle = sqlite.prepare(
  `INSERT INTO articles (slug, title, body, section_id, author_id, image_id, status, published_at, updated_at)
   VALUES (?, ?, ?, ?, ?, ?, 'published', ?, ?) RETURNING id`,
);
const insertComment = sqlite.prepare(
  `INSERT INTO comments (article_id, author_name, author_email, body, body_hash, ip_hash, status)
   VALUES (?, 'قارئ', 'reader@example.com', ?, ?, 'load', 'approved')`,
);

let committed = 0;
let stopping = false;
process.on('message', (message) => {
  if (message === 'stop') stopping = true;
});

function writeOne(): void {
  const n = committed + 1;
  let imageKey: string | null = null;
  if (n % 4 === 0) {
    imageKey = `load-${n}`;
    fs.mkdirSync(mediaDir, { recursive: true });
    for (const width of [400, 800]) fs.writeFileSync(path.join(mediaDir, `${imageKey}-${width}.webp`), crypto.randomBytes(2000 + width));
  }
  writeTransaction(db, () => {
    const imageId = imageKey ? (insertImage.get(imageKey) as { id: number }).id : null;
    const now = Date.now();
    const { id } = insertArticle.get(`load-${n}`, `خبر عاجل رقم ${n}`, `نص الخبر ${n} عن الاقتصاد والطاقة.`, sectionId, authorId, imageId, now, now) as { id: number };
    for (const side of ['a', 'b']) insertComment.run(id, `تعليق ${n}${side}`, `${n}${side}`);
  });
  committed = n;
}

function loop(): void {
  if (stopping) {
    process.send!({ committed }, () => {
      sqlite.close();
      process.exit(0);
    });
    return;
  }
  // A few commits per turn, then back to the event loop to hear 'stop'.
  for (let i = 0; i < 5; i++) writeOne();
  if (committed === 5) process.send!({ ready: true });
  setImmediate(loop);
}
loop();
