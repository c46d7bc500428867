import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { type AuditInput, audited, countAudit, listAudit } from '@/db/queries/audit';
import { clearFailures, readAttempts, recordFailure } from '@/db/queries/login-attempts';
import {
  createSession,
  deleteExpiredSessions,
  deleteSession,
  deleteSessionByToken,
  findSession,
  touchSession,
} from '@/db/queries/sessions';
import { countAdmins, findLoginAccount, getStaffByEmail, getStaffMember, listStaff, setPasswordHash, slugTaken, updateStaffMember } from '@/db/queries/staff';
import { addSection } from '@/db/queries/section-admin';
import { createUser } from '@/db/queries/users';
import type { UserRole } from '@/db/schema';
import { ABSOLUTE_MS, hashSessionToken, IDLE_MS, newSessionToken } from '@/lib/session-rules';
import { BLOCK_MS, throttleDecision, throttleKeys } from '@/lib/throttle';
import { createTestDb } from './helpers/db';

const NOW = Date.UTC(2026, 4, 10, 9, 0);
const HASH = 'scrypt$17$8$1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g';

let db: Db;
let cleanup: () => void;
let userCount = 0;

function user(values: { role?: UserRole; passwordHash?: string | null; disabled?: boolean; email?: string; displayName?: string } = {}): number {
  userCount++;
  return createUser(db, {
    email: values.email ?? `staff${userCount}@example.com`,
    displayName: values.displayName ?? `موظف ${userCount}`,
    slug: `staff-${userCount}`,
    role: values.role ?? 'author',
    passwordHash: values.passwordHash === undefined ? HASH : values.passwordHash,
    disabled: values.disabled ?? false,
  }).id;
}

function sessionCount(userId: number): number {
  return (db.$client.prepare('select count(*) n from sessions where user_id = ?').get(userId) as { n: number }).n;
}

function newSession(userId: number, createdAt = NOW, lastSeenAt = createdAt): { token: string; hash: string } {
  const token = newSessionToken();
  const hash = hashSessionToken(token);
  createSession(db, userId, hash, createdAt);
  if (lastSeenAt !== createdAt) db.$client.prepare('update sessions set last_seen_at = ? where token_hash = ?').run(lastSeenAt, hash);
  return { token, hash };
}

beforeAll(() => {
  ({ db, cleanup } = createTestDb());
});

afterAll(() => cleanup());

describe('findLoginAccount', () => {
  it('finds an enabled account with a password, by email in any case and with spaces around', () => {
    const id = user({ email: 'Layla.Editor@Example.com', role: 'editor', displayName: 'ليلى' });
    const expected = { id, email: 'layla.editor@example.com', displayName: 'ليلى', role: 'editor', disabled: false, passwordHash: HASH };
    expect(findLoginAccount(db, 'layla.editor@example.com')).toMatchObject(expected);
    expect(findLoginAccount(db, 'LAYLA.EDITOR@EXAMPLE.COM')).toMatchObject(expected);
    expect(findLoginAccount(db, '  Layla.Editor@example.COM ')).toMatchObject(expected);
  });

  it('ignores a disabled account', () => {
    user({ email: 'gone@example.com', disabled: true });
    expect(findLoginAccount(db, 'gone@example.com')).toBeUndefined();
    expect(getStaffByEmail(db, 'gone@example.com')).toMatchObject({ disabled: true });
  });

  it('ignores a byline without a password', () => {
    user({ email: 'byline@example.com', passwordHash: null });
    expect(findLoginAccount(db, 'byline@example.com')).toBeUndefined();
    expect(getStaffByEmail(db, 'byline@example.com')).toBeDefined();
  });

  it('finds nothing for an unknown or partial email', () => {
    expect(findLoginAccount(db, 'nobody@example.com')).toBeUndefined();
    expect(findLoginAccount(db, 'layla.editor@example')).toBeUndefined();
    expect(findLoginAccount(db, '%@example.com')).toBeUndefined();
    expect(findLoginAccount(db, '')).toBeUndefined();
  });
});

describe('staff accounts', () => {
  it('getStaffMember returns the public fields, never the password hash', () => {
    const id = user({ displayName: 'سمير', role: 'admin' });
    const member = getStaffMember(db, id)!;
    expect(member).toEqual({ id, email: `staff${userCount}@example.com`, displayName: 'سمير', slug: `staff-${userCount}`, bio: '', role: 'admin', disabled: false });
    expect(getStaffMember(db, 999_999)).toBeUndefined();
  });

  it('listStaff says who can log in and sorts by name', () => {
    const list = listStaff(db);
    const names = list.map((s) => s.displayName);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(list.find((s) => s.email === 'byline@example.com')?.canLogIn).toBe(false);
    expect(list.find((s) => s.email === 'layla.editor@example.com')?.canLogIn).toBe(true);
    expect(list.every((s) => !('passwordHash' in s))).toBe(true);
  });

  it('slugTaken checks staff slugs', () => {
    const id = user();
    expect(slugTaken(db, getStaffMember(db, id)!.slug)).toBe(true);
    expect(slugTaken(db, 'no-such-slug')).toBe(false);
  });

  it('setPasswordHash stores the hash and deletes every session of that account only', () => {
    const id = user();
    const other = user();
    newSession(id);
    newSession(id);
    newSession(other);
    setPasswordHash(db, id, 'scrypt$new');
    expect((db.$client.prepare('select password_hash from users where id = ?').get(id) as { password_hash: string }).password_hash).toBe('scrypt$new');
    expect(sessionCount(id)).toBe(0);
    expect(sessionCount(other)).toBe(1);
  });

  it('updateStaffMember changes profile and role and keeps sessions', () => {
    const id = user();
    newSession(id);
    updateStaffMember(db, id, { displayName: 'اسم جديد', bio: 'نبذة', role: 'editor' });
    expect(getStaffMember(db, id)).toMatchObject({ displayName: 'اسم جديد', bio: 'نبذة', role: 'editor', disabled: false });
    expect(sessionCount(id)).toBe(1);
  });

  it('updateStaffMember with disabled deletes the sessions; enabling again keeps none', () => {
    const id = user();
    const other = user();
    newSession(id);
    newSession(other);
    updateStaffMember(db, id, { disabled: true });
    expect(getStaffMember(db, id)?.disabled).toBe(true);
    expect(sessionCount(id)).toBe(0);
    expect(sessionCount(other)).toBe(1);
    updateStaffMember(db, id, { disabled: false });
    expect(getStaffMember(db, id)?.disabled).toBe(false);
    expect(findLoginAccount(db, getStaffMember(db, id)!.email)).toMatchObject({ id });
  });
});

describe('countAdmins', () => {
  it('counts enabled admins who can log in', () => {
    const { db: fresh, cleanup: done } = createTestDb();
    try {
      const add = (email: string, role: UserRole, passwordHash: string | null, disabled = false) =>
        createUser(fresh, { email, displayName: email, slug: email.split('@')[0]!, role, passwordHash, disabled }).id;
      expect(countAdmins(fresh)).toBe(0);
      const a1 = add('a1@example.com', 'admin', HASH);
      add('a2@example.com', 'admin', HASH);
      add('a3@example.com', 'admin', null);
      add('a4@example.com', 'admin', HASH, true);
      add('e1@example.com', 'editor', HASH);
      expect(countAdmins(fresh)).toBe(2);
      updateStaffMember(fresh, a1, { role: 'editor' });
      expect(countAdmins(fresh)).toBe(1);
    } finally {
      done();
    }
  });
});

describe('sessions', () => {
  it('createSession then findSession by token hash returns the session and its staff member', () => {
    const id = user({ role: 'editor', displayName: 'هند' });
    const { hash } = newSession(id, NOW);
    expect(findSession(db, hash)).toEqual({
      id: expect.any(Number),
      createdAt: NOW,
      lastSeenAt: NOW,
      user: { id, email: `staff${userCount}@example.com`, displayName: 'هند', slug: `staff-${userCount}`, role: 'editor' },
    });
  });

  it('findSession finds nothing for an unknown hash or for the raw token', () => {
    const { token } = newSession(user());
    expect(findSession(db, hashSessionToken(newSessionToken()))).toBeUndefined();
    expect(findSession(db, token)).toBeUndefined();
  });

  it('does not find the session of a disabled user', () => {
    const id = user();
    const { hash } = newSession(id);
    db.$client.prepare('update users set disabled = 1 where id = ?').run(id);
    expect(findSession(db, hash)).toBeUndefined();
  });

  it('touchSession moves lastSeenAt only', () => {
    const { hash } = newSession(user(), NOW);
    const session = findSession(db, hash)!;
    touchSession(db, session.id, NOW + 5 * 60_000);
    expect(findSession(db, hash)).toMatchObject({ createdAt: NOW, lastSeenAt: NOW + 5 * 60_000 });
  });

  it('deleteSession and deleteSessionByToken delete that session only', () => {
    const id = user();
    const a = newSession(id);
    const b = newSession(id);
    const c = newSession(id);
    deleteSession(db, findSession(db, a.hash)!.id);
    expect(findSession(db, a.hash)).toBeUndefined();
    deleteSessionByToken(db, b.hash);
    expect(findSession(db, b.hash)).toBeUndefined();
    expect(findSession(db, c.hash)).toBeDefined();
    expect(sessionCount(id)).toBe(1);
  });

  it('deleteExpiredSessions drops idle and too old sessions and keeps live ones', () => {
    const id = user();
    const now = NOW + 30 * 86_400_000;
    const fresh = newSession(id, now - 60_000);
    const almostIdle = newSession(id, now - IDLE_MS + 1);
    const idle = newSession(id, now - IDLE_MS - 1);
    const almostOld = newSession(id, now - ABSOLUTE_MS + 1, now - 60_000);
    const old = newSession(id, now - ABSOLUTE_MS - 1, now - 60_000);
    deleteExpiredSessions(db, now);
    expect([fresh, almostIdle, idle, almostOld, old].map((s) => findSession(db, s.hash) !== undefined)).toEqual([true, true, false, true, false]);
  });

  it('deleting a user deletes their sessions', () => {
    const id = user();
    newSession(id);
    db.$client.prepare('delete from users where id = ?').run(id);
    expect(sessionCount(id)).toBe(0);
  });
});

describe('login attempts', () => {
  it('recordFailure counts per IP, account and pair; readAttempts returns the three rows', () => {
    const keys = throttleKeys('ip-a', 'victim@example.com');
    recordFailure(db, keys, NOW);
    recordFailure(db, keys, NOW + 1000);
    const attempts = readAttempts(db, keys);
    expect([...attempts.keys()].sort()).toEqual([keys.account, keys.ip, keys.pair].sort());
    expect(attempts.get(keys.pair)).toEqual({ key: keys.pair, failures: 2, windowStart: NOW, blockedUntil: null });
  });

  it('blocks the pair in the table at the 5th failure, as the decision reads it', () => {
    const keys = throttleKeys('ip-b', 'target@example.com');
    for (let i = 0; i < 5; i++) recordFailure(db, keys, NOW + i);
    const attempts = readAttempts(db, keys);
    expect(attempts.get(keys.pair)).toMatchObject({ failures: 5, blockedUntil: NOW + 4 + BLOCK_MS });
    expect(throttleDecision(attempts, keys, NOW + 10)).toEqual({ blockedUntil: NOW + 4 + BLOCK_MS, delayMs: 1000 });
    const elsewhere = throttleKeys('ip-c', 'target@example.com');
    expect(throttleDecision(readAttempts(db, elsewhere), elsewhere, NOW + 10)).toEqual({ blockedUntil: null, delayMs: 1000 });
  });

  it('clearFailures forgets the account and the pair but keeps the IP counter', () => {
    const keys = throttleKeys('ip-d', 'someone@example.com');
    const otherAccount = throttleKeys('ip-d', 'else@example.com');
    for (let i = 0; i < 3; i++) recordFailure(db, keys, NOW + i);
    recordFailure(db, otherAccount, NOW + 5);
    clearFailures(db, keys);
    const attempts = readAttempts(db, keys);
    expect(attempts.has(keys.account)).toBe(false);
    expect(attempts.has(keys.pair)).toBe(false);
    expect(attempts.get(keys.ip)).toMatchObject({ failures: 4 });
    expect(readAttempts(db, otherAccount).get(otherAccount.pair)).toMatchObject({ failures: 1 });
  });

  it('readAttempts returns an empty map for keys never seen', () => {
    expect(readAttempts(db, throttleKeys('never', 'never@example.com')).size).toBe(0);
  });
});

/** An audit row with no change beside it. */
const recordAudit = (db: Db, entry: AuditInput) => audited(db, () => undefined, () => entry);

describe('audit log', () => {
  let fresh: Db;
  let done: () => void;
  let staffId = 0;
  beforeAll(() => {
    ({ db: fresh, cleanup: done } = createTestDb());
    staffId = createUser(fresh, { email: 'audit@example.com', displayName: 'مدقق', slug: 'auditor', role: 'admin' }).id;
  });
  afterAll(() => done());

  it('records an entry and truncates the summary to 500 characters', () => {
    const before = Date.now();
    recordAudit(fresh, { userId: staffId, action: 'article.publish', entityType: 'article', entityId: 7, summary: 'ع'.repeat(600) });
    const row = fresh.$client.prepare('select * from audit_log order by id desc limit 1').get() as Record<string, unknown>;
    expect(row).toMatchObject({ user_id: staffId, action: 'article.publish', entity_type: 'article', entity_id: 7 });
    expect(row.summary).toBe('ع'.repeat(500));
    expect(row.created_at as number).toBeGreaterThanOrEqual(before);
    expect(row.created_at as number).toBeLessThanOrEqual(Date.now());
  });

  it('stores an empty summary and a null entity when not given', () => {
    recordAudit(fresh, { userId: null, action: 'login.fail', entityType: 'user' });
    const row = fresh.$client.prepare('select * from audit_log order by id desc limit 1').get() as Record<string, unknown>;
    expect(row).toMatchObject({ user_id: null, action: 'login.fail', entity_type: 'user', entity_id: null, summary: '' });
  });

  it('never cuts a character in half when truncating', () => {
    recordAudit(fresh, { userId: staffId, action: 'tag.rename', entityType: 'tag', summary: `${'a'.repeat(499)}😀 more` });
    const { summary } = fresh.$client.prepare('select summary from audit_log order by id desc limit 1').get() as { summary: string };
    expect(summary.startsWith('a'.repeat(499))).toBe(true);
    expect([...summary].length).toBeLessThanOrEqual(500);
    expect(summary).not.toContain('\uFFFD');
    expect(summary).toMatch(/^a{499}(?:😀)?$/u);
  });

  it('lists newest first with the name of the staff member, and counts', () => {
    const { db: own, cleanup: ownDone } = createTestDb();
    try {
      const a = createUser(own, { email: 'a@example.com', displayName: 'أمينة', slug: 'a', role: 'admin' }).id;
      const b = createUser(own, { email: 'b@example.com', displayName: 'بدر', slug: 'b', role: 'editor' }).id;
      recordAudit(own, { userId: a, action: 'section.create', entityType: 'section', entityId: 1, summary: 'أول' });
      recordAudit(own, { userId: b, action: 'article.save', entityType: 'article', entityId: 2, summary: 'ثان' });
      recordAudit(own, { userId: null, action: 'system.publishDue', entityType: 'article', entityId: 3, summary: 'ثالث' });
      expect(countAudit(own)).toBe(3);
      const rows = listAudit(own, { limit: 10, offset: 0 });
      expect(rows.map((r) => [r.action, r.userName, r.entityType, r.entityId, r.summary])).toEqual([
        ['system.publishDue', null, 'article', 3, 'ثالث'],
        ['article.save', 'بدر', 'article', 2, 'ثان'],
        ['section.create', 'أمينة', 'section', 1, 'أول'],
      ]);
      expect(listAudit(own, { limit: 1, offset: 1 }).map((r) => r.summary)).toEqual(['ثان']);
      // A deleted staff member's entries stay, without a name.
      own.$client.prepare('delete from users where id = ?').run(a);
      expect(listAudit(own, { limit: 10, offset: 0 }).at(-1)).toMatchObject({ action: 'section.create', userName: null });
      expect(countAudit(own)).toBe(3);
    } finally {
      ownDone();
    }
  });
});

describe('audited: a change and its log rows are stored together', () => {
  let db: Db;
  let done: () => void;
  let staffId = 0;
  beforeAll(() => {
    ({ db, cleanup: done } = createTestDb());
    staffId = createUser(db, { email: 'atomic@example.com', displayName: 'ذرّي', slug: 'atomic', role: 'admin' }).id;
  });
  afterAll(() => done());
  const displayName = () => (db.$client.prepare('select display_name from users where id = ?').get(staffId) as { display_name: string }).display_name;
  const entry = (action: string): AuditInput => ({ userId: staffId, action, entityType: 'user', entityId: staffId });
  const logged = (action: string) => db.$client.prepare('select count(*) as n from audit_log where action = ?').get(action) as { n: number };

  it('stores the change and its row, and answers what the change answered', () => {
    const answer = audited(db, () => { updateStaffMember(db, staffId, { displayName: 'أول' }); return 42; }, (n) => ({ ...entry('t.ok'), summary: String(n) }));
    expect(answer).toBe(42);
    expect(displayName()).toBe('أول');
    expect(db.$client.prepare("select summary from audit_log where action = 't.ok'").get()).toEqual({ summary: '42' });
  });

  it('writes one row per entry, and none when the change refused', () => {
    audited(db, () => 'twice', () => [entry('t.many'), entry('t.many')]);
    expect(logged('t.many').n).toBe(2);
    audited(db, () => 'refused', () => null);
    audited(db, () => 'nothing', () => []);
    expect(countAudit(db)).toBe(3);
  });

  it('undoes the change when its row cannot be written (a full disk, say)', () => {
    db.$client.exec("create trigger audit_full before insert on audit_log begin select raise(abort, 'database or disk is full'); end");
    try {
      expect(() => audited(db, () => updateStaffMember(db, staffId, { displayName: 'ثان' }), () => entry('t.full'))).toThrow(/disk is full/);
    } finally {
      db.$client.exec('drop trigger audit_full');
    }
    expect(displayName()).toBe('أول');
    expect(logged('t.full').n).toBe(0);
    expect(db.$client.inTransaction).toBe(false);
  });

  it('writes no row when the change throws, and keeps none of its writes', () => {
    expect(() =>
      audited(db, () => { updateStaffMember(db, staffId, { displayName: 'ثالث' }); throw new Error('refused halfway'); }, () => entry('t.throw')),
    ).toThrow('refused halfway');
    expect(displayName()).toBe('أول');
    expect(logged('t.throw').n).toBe(0);
  });

  it('nests the transactions the change opens itself', () => {
    const section = audited(db, () => addSection(db, { name: 'قسم ذري', slug: 'atomic-section', description: '', parentId: null }), (id) => ({ ...entry('t.nested'), entityId: id }));
    expect(db.$client.prepare("select entity_id from audit_log where action = 't.nested'").get()).toEqual({ entity_id: section });
  });
});
