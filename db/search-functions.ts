import type Database from 'better-sqlite3';
import { indexText } from '../lib/arabic-search';

// SQL functions the search index's triggers call (see db/migrations/0004_search.sql): every
// connection that writes articles must have them, so openDb registers them. A tool without them
// (the sqlite3 shell) can read the database but not change articles or tags.
//
// portal_search_sync() lets one connection pause the triggers for a bulk load (the seed) and rebuild
// the index once at the end instead of once per row.

const paused = new WeakSet<Database.Database>();

export function registerSearchFunctions(sqlite: Database.Database): void {
  sqlite.function('portal_search_text', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? indexText(text) : ''));
  sqlite.function('portal_search_sync', { deterministic: false }, () => (paused.has(sqlite) ? 0 : 1));
}

/** Runs `fn` with this connection's index triggers off, then rebuilds the whole index. */
export function withSearchIndexPaused<T>(sqlite: Database.Database, fn: () => T): T {
  paused.add(sqlite);
  try {
    return fn();
  } finally {
    paused.delete(sqlite);
    rebuildSearchIndex(sqlite);
  }
}

export const INDEX_ROW_SQL = `
  SELECT a.id, portal_search_text(a.title), portal_search_text(a.deck), portal_search_text(a.body),
    portal_search_text(coalesce((SELECT group_concat(t.name, ' ') FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id), ''))
  FROM articles a WHERE a.status = 'published'`;

export function rebuildSearchIndex(sqlite: Database.Database): void {
  sqlite.transaction(() => {
    sqlite.exec('DELETE FROM articles_fts');
    sqlite.exec(`INSERT INTO articles_fts(rowid, title, deck, body, tags) ${INDEX_ROW_SQL}`);
  })();
}
