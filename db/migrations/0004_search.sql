-- Full-text search over published articles (lib/arabic-search.ts folds the text; the functions are
-- registered by db/search-functions.ts). Contentless: the text lives in articles, the index only
-- holds folded terms. Triggers keep it in step in the same transaction as every write.
CREATE VIRTUAL TABLE `articles_fts` USING fts5(title, deck, body, tags, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')
--> statement-breakpoint
INSERT INTO `articles_fts`(rowid, title, deck, body, tags) SELECT a.id, portal_search_text(a.title), portal_search_text(a.deck), portal_search_text(a.body),
    portal_search_text(coalesce((SELECT group_concat(t.name, ' ') FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id), ''))
  FROM articles a WHERE a.status = 'published'
--> statement-breakpoint
CREATE TRIGGER `articles_fts_insert` AFTER INSERT ON `articles` WHEN portal_search_sync() BEGIN
  INSERT INTO articles_fts(rowid, title, deck, body, tags) SELECT a.id, portal_search_text(a.title), portal_search_text(a.deck), portal_search_text(a.body),
    portal_search_text(coalesce((SELECT group_concat(t.name, ' ') FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id), ''))
  FROM articles a WHERE a.status = 'published' AND a.id = NEW.id;
END
--> statement-breakpoint
CREATE TRIGGER `articles_fts_update` AFTER UPDATE OF title, deck, body, status ON `articles` WHEN portal_search_sync() BEGIN
  DELETE FROM articles_fts WHERE rowid = OLD.id;
  INSERT INTO articles_fts(rowid, title, deck, body, tags) SELECT a.id, portal_search_text(a.title), portal_search_text(a.deck), portal_search_text(a.body),
    portal_search_text(coalesce((SELECT group_concat(t.name, ' ') FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id), ''))
  FROM articles a WHERE a.status = 'published' AND a.id = NEW.id;
END
--> statement-breakpoint
CREATE TRIGGER `articles_fts_delete` AFTER DELETE ON `articles` WHEN portal_search_sync() BEGIN
  DELETE FROM articles_fts WHERE rowid = OLD.id;
END
--> statement-breakpoint
CREATE TRIGGER `article_tags_fts_insert` AFTER INSERT ON `article_tags` WHEN portal_search_sync() BEGIN
  DELETE FROM articles_fts WHERE rowid = NEW.article_id;
  INSERT INTO articles_fts(rowid, title, deck, body, tags) SELECT a.id, portal_search_text(a.title), portal_search_text(a.deck), portal_search_text(a.body),
    portal_search_text(coalesce((SELECT group_concat(t.name, ' ') FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id), ''))
  FROM articles a WHERE a.status = 'published' AND a.id = NEW.article_id;
END
--> statement-breakpoint
CREATE TRIGGER `article_tags_fts_delete` AFTER DELETE ON `article_tags` WHEN portal_search_sync() BEGIN
  DELETE FROM articles_fts WHERE rowid = OLD.article_id;
  INSERT INTO articles_fts(rowid, title, deck, body, tags) SELECT a.id, portal_search_text(a.title), portal_search_text(a.deck), portal_search_text(a.body),
    portal_search_text(coalesce((SELECT group_concat(t.name, ' ') FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id), ''))
  FROM articles a WHERE a.status = 'published' AND a.id = OLD.article_id;
END
--> statement-breakpoint
CREATE TRIGGER `tags_fts_rename` AFTER UPDATE OF name ON `tags` WHEN portal_search_sync() BEGIN
  DELETE FROM articles_fts WHERE rowid IN (SELECT article_id FROM article_tags WHERE tag_id = NEW.id);
  INSERT INTO articles_fts(rowid, title, deck, body, tags) SELECT a.id, portal_search_text(a.title), portal_search_text(a.deck), portal_search_text(a.body),
    portal_search_text(coalesce((SELECT group_concat(t.name, ' ') FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id), ''))
  FROM articles a WHERE a.status = 'published' AND a.id IN (SELECT article_id FROM article_tags WHERE tag_id = NEW.id);
END
--> statement-breakpoint
CREATE TRIGGER `article_tags_fts_update` AFTER UPDATE ON `article_tags` WHEN portal_search_sync() BEGIN
  DELETE FROM articles_fts WHERE rowid IN (OLD.article_id, NEW.article_id);
  INSERT INTO articles_fts(rowid, title, deck, body, tags) SELECT a.id, portal_search_text(a.title), portal_search_text(a.deck), portal_search_text(a.body),
    portal_search_text(coalesce((SELECT group_concat(t.name, ' ') FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id), ''))
  FROM articles a WHERE a.status = 'published' AND a.id IN (OLD.article_id, NEW.article_id);
END
