import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { getSettings, getSigningSecret, setSetting } from '@/db/queries/settings';
import { settings } from '@/db/schema';
import { settingDefaults } from '@/lib/settings';
import { createTestDb } from './helpers/db';

let db: Db;
let cleanup: () => void;

beforeAll(() => {
  ({ db, cleanup } = createTestDb());
});
afterAll(() => cleanup());

function storedRows(key: string): { key: string; value: string }[] {
  return db.$client.prepare('select key, value from settings where key = ?').all(key) as { key: string; value: string }[];
}

describe('settingDefaults', () => {
  it('has the documented comment defaults', () => {
    expect(settingDefaults['comments.closeAfterDays']).toBe(60);
    expect(settingDefaults['comments.floodSeconds']).toBe(15);
    expect(settingDefaults['comments.minSecondsToSubmit']).toBe(3);
    expect(settingDefaults['comments.moderationWords'].length).toBeGreaterThan(0);
    expect(settingDefaults['comments.blockList'].length).toBeGreaterThan(0);
  });
});

describe('getSettings / setSetting', () => {
  it('returns the defaults on a fresh database', () => {
    const { db: fresh, cleanup: done } = createTestDb();
    try {
      expect(getSettings(fresh)).toEqual(settingDefaults);
    } finally {
      done();
    }
  });

  it('stored values override the defaults, the rest stay default', () => {
    setSetting(db, 'comments.closeAfterDays', 0);
    setSetting(db, 'comments.blockList', ['كازينو', 'lottery']);
    const s = getSettings(db);
    expect(s['comments.closeAfterDays']).toBe(0);
    expect(s['comments.blockList']).toEqual(['كازينو', 'lottery']);
    expect(s['comments.floodSeconds']).toBe(15);
    expect(s['comments.moderationWords']).toEqual(settingDefaults['comments.moderationWords']);
  });

  it('stores values as JSON', () => {
    setSetting(db, 'comments.moderationWords', ['واتساب']);
    expect(storedRows('comments.moderationWords')).toEqual([{ key: 'comments.moderationWords', value: '["واتساب"]' }]);
  });

  it('upserts: a second write replaces the value, one row per key', () => {
    setSetting(db, 'comments.minSecondsToSubmit', 5);
    setSetting(db, 'comments.minSecondsToSubmit', 8);
    expect(getSettings(db)['comments.minSecondsToSubmit']).toBe(8);
    expect(storedRows('comments.minSecondsToSubmit')).toEqual([{ key: 'comments.minSecondsToSubmit', value: '8' }]);
  });

  it('a damaged JSON value falls back to the default', () => {
    db.$client.prepare("insert into settings (key, value) values ('comments.floodSeconds', '{not json')").run();
    expect(getSettings(db)['comments.floodSeconds']).toBe(15);
  });

  it('does not leak other rows (such as the signing secret) into the settings', () => {
    getSigningSecret(db);
    db.$client.prepare("insert into settings (key, value) values ('unrelated.key', '1')").run();
    expect(Object.keys(getSettings(db)).sort()).toEqual(Object.keys(settingDefaults).sort());
  });
});

describe('getSigningSecret', () => {
  it('creates one secret on first use and returns the same afterwards', () => {
    const { db: fresh, cleanup: done } = createTestDb();
    try {
      const count = () => (fresh.$client.prepare("select count(*) as n from settings where key = 'secret.signing'").get() as { n: number }).n;
      expect(count()).toBe(0);
      const secret = getSigningSecret(fresh);
      expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes, base64url
      expect(count()).toBe(1);
      expect(getSigningSecret(fresh)).toBe(secret);
      expect(count()).toBe(1);
    } finally {
      done();
    }
  });

  it('a fresh database gets a different secret', () => {
    const a = createTestDb();
    const b = createTestDb();
    try {
      expect(getSigningSecret(a.db)).not.toBe(getSigningSecret(b.db));
    } finally {
      a.cleanup();
      b.cleanup();
    }
  });
});

describe('getSettings with a stored value of the wrong kind', () => {
  it('falls back to the default', () => {
    const { db, cleanup } = createTestDb();
    try {
      db.insert(settings).values({ key: 'comments.closeAfterDays', value: 'null' }).run();
      db.insert(settings).values({ key: 'comments.blockList', value: '"casino"' }).run();
      expect(getSettings(db)['comments.closeAfterDays']).toBe(60);
      expect(getSettings(db)['comments.blockList']).toEqual(settingDefaults['comments.blockList']);
    } finally {
      cleanup();
    }
  });
});
