import { sql } from 'drizzle-orm';
import {
  type AnySQLiteColumn,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';

// Times are integer milliseconds since the epoch (UTC): plain numbers survive JSON and caching.
const createdAt = () =>
  integer('created_at')
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`);

export const sections = sqliteTable(
  'sections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    /** The name on the English interface; empty: the Arabic name is shown there too. */
    nameEn: text('name_en').notNull().default(''),
    description: text('description').notNull().default(''),
    parentId: integer('parent_id').references((): AnySQLiteColumn => sections.id, {
      onDelete: 'restrict',
    }),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('sections_slug_unique').on(t.slug),
    index('sections_parent_position_idx').on(t.parentId, t.position),
  ],
);

export const userRoles = ['author', 'editor', 'admin'] as const;
export type UserRole = (typeof userRoles)[number];

/** Staff accounts; they are also the bylines readers see. */
export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    slug: text('slug').notNull(),
    bio: text('bio').notNull().default(''),
    role: text('role', { enum: userRoles }).notNull().default('author'),
    /** scrypt (lib/password.ts); null for bylines that cannot log in. */
    passwordHash: text('password_hash'),
    disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email_unique').on(t.email), uniqueIndex('users_slug_unique').on(t.slug)],
);

/** Staff sessions: the cookie holds a random token, the database only its SHA-256. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tokenHash: text('token_hash').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
  },
  (t) => [uniqueIndex('sessions_token_unique').on(t.tokenHash), index('sessions_user_idx').on(t.userId)],
);

/** Failed logins per key (an IP hash, an account, or both), for throttling. */
export const loginAttempts = sqliteTable('login_attempts', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  windowStart: integer('window_start').notNull(),
  blockedUntil: integer('blocked_until'),
});

/** Every staff action: who did what to which item, and when. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: integer('entity_id'),
    summary: text('summary').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [index('audit_log_created_idx').on(t.createdAt)],
);

/**
 * Images stored under the data directory as `<key>-<width>.webp`, one file per width. An upload's
 * key is its content hash: the same picture used twice shares its files, each use with its own alt.
 */
export const images = sqliteTable('images', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  key: text('key').notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  /** Widths that exist on disk, ascending, comma separated. */
  widths: text('widths').notNull(),
  alt: text('alt').notNull().default(''),
  /** Shown under the lead image: what it shows, and who took it or owns it. */
  caption: text('caption').notNull().default(''),
  credit: text('credit').notNull().default(''),
  createdAt: createdAt(),
});

export const articleStatuses = ['draft', 'review', 'scheduled', 'published', 'trash'] as const;
export type ArticleStatus = (typeof articleStatuses)[number];

export const articles = sqliteTable(
  'articles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    deck: text('deck').notNull().default(''),
    source: text('source').notNull().default(''),
    excerpt: text('excerpt').notNull().default(''),
    sectionId: integer('section_id')
      .notNull()
      .references(() => sections.id, { onDelete: 'restrict' }),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    imageId: integer('image_id').references(() => images.id, { onDelete: 'set null' }),
    status: text('status', { enum: articleStatuses }).notNull().default('draft'),
    publishedAt: integer('published_at'),
    updatedAt: integer('updated_at').notNull(),
    viewCount: integer('view_count').notNull().default(0),
    /** «عاجل» until this time (ms), shown in the ticker on every reader page; null when not breaking. */
    breakingUntil: integer('breaking_until'),
    commentsOpen: integer('comments_open', { mode: 'boolean' }).notNull().default(true),
    /** Bumped by every save: two editors saving from the same copy cannot overwrite each other. */
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    // Last on purpose: SQLite reads columns in order, and a long body spills to overflow pages that
    // every list query would otherwise walk to reach the small columns after it.
    /** Markdown. */
    body: text('body').notNull(),
  },
  (t) => [
    // section_id rides along so section fronts (a section and its descendants, newest first) can
    // page through this index alone and read only the 20 rows they show.
    index('articles_latest_idx').on(t.status, t.publishedAt, t.sectionId),
    // Few rows ever have it: a partial index keeps the ticker's query off the table (and off the bodies).
    index('articles_breaking_idx').on(t.breakingUntil).where(sql`breaking_until is not null`),
    index('articles_section_latest_idx').on(t.sectionId, t.status, t.publishedAt),
    index('articles_most_read_idx').on(t.status, t.viewCount),
    index('articles_author_latest_idx').on(t.authorId, t.status, t.publishedAt),
    uniqueIndex('articles_slug_unique').on(t.slug),
    index('articles_status_updated_idx').on(t.status, t.updatedAt),
    // Sitemap chunks list 50,000 visible articles by id with their address and dates from this index
    // alone, without a row lookup each. Its second column is id, not published_at, so the queries
    // above keep the plans they had.
    index('articles_sitemap_idx').on(t.status, t.id, t.publishedAt, t.updatedAt, t.slug),
  ],
);

/** A copy of the article at every save, for comparing and restoring. */
export const articleRevisions = sqliteTable(
  'article_revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    deck: text('deck').notNull(),
    source: text('source').notNull(),
    excerpt: text('excerpt').notNull(),
    slug: text('slug').notNull(),
    sectionId: integer('section_id').notNull(),
    imageId: integer('image_id'),
    /** Tag names, JSON array. */
    tags: text('tags').notNull().default('[]'),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('article_revisions_article_idx').on(t.articleId, t.id)],
);

export const tags = sqliteTable(
  'tags',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('tags_slug_unique').on(t.slug), uniqueIndex('tags_name_unique').on(t.name)],
);

export const articleTags = sqliteTable(
  'article_tags',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.tagId] }),
    index('article_tags_tag_article_idx').on(t.tagId, t.articleId),
  ],
);

/** Views per article per hour (UTC hour number), for «الأكثر قراءة» over 24 hours and 7 days. */
export const articleViews = sqliteTable(
  'article_views',
  {
    hour: integer('hour').notNull(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    views: integer('views').notNull(),
  },
  (t) => [primaryKey({ columns: [t.hour, t.articleId] }), index('article_views_article_idx').on(t.articleId)],
);

export const commentStatuses = ['pending', 'approved', 'spam', 'trash'] as const;
export type CommentStatus = (typeof commentStatuses)[number];

export const comments = sqliteTable(
  'comments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    /** Replies keep their thread when a parent is deleted for good: they move up a level. */
    parentId: integer('parent_id').references((): AnySQLiteColumn => comments.id, { onDelete: 'set null' }),
    /** 0 for a comment on the article, 1 and 2 for replies; deeper replies stay at 2. */
    depth: integer('depth').notNull().default(0),
    authorName: text('author_name').notNull(),
    /** Lower-cased. Never sent to a browser. */
    authorEmail: text('author_email').notNull(),
    authorUrl: text('author_url'),
    /** Staff replying from the admin (later); null for readers. */
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    /** SHA-256 of the normalized body, for the duplicate rule. */
    bodyHash: text('body_hash').notNull(),
    /** parent_id or 0: the duplicate rule's unique index needs a value where parent_id is null. */
    parentKey: integer('parent_key').notNull().default(0),
    status: text('status', { enum: commentStatuses }).notNull().default('pending'),
    /** Keyed hash (HMAC-SHA-256) of the sender's IP address; the address itself is never stored. */
    ipHash: text('ip_hash').notNull(),
    userAgent: text('user_agent').notNull().default(''),
    createdAt: createdAt(),
    approvedAt: integer('approved_at'),
  },
  (t) => [
    index('comments_article_status_idx').on(t.articleId, t.status, t.createdAt),
    index('comments_ip_recent_idx').on(t.ipHash, t.createdAt),
    index('comments_email_status_idx').on(t.authorEmail, t.status, t.createdAt),
    index('comments_status_recent_idx').on(t.status, t.createdAt),
    // The same text by the same person in the same place exists once, however many arrive at once.
    uniqueIndex('comments_duplicate_unique').on(t.articleId, t.parentKey, t.authorEmail, t.bodyHash),
  ],
);

/** Site settings that staff can change; defaults live in lib/settings.ts. Values are JSON. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: integer('updated_at')
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`),
});

export type Section = typeof sections.$inferSelect;
export type NewSection = typeof sections.$inferInsert;
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Image = typeof images.$inferSelect;
export type NewImage = typeof images.$inferInsert;
export type Article = typeof articles.$inferSelect;
export type NewArticle = typeof articles.$inferInsert;
export type Tag = typeof tags.$inferSelect;
export type Comment = typeof comments.$inferSelect;
export type ArticleRevision = typeof articleRevisions.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
export type NewComment = typeof comments.$inferInsert;
export type NewTag = typeof tags.$inferInsert;
