import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { sessions, users, type UserRole } from '../schema';

export type StaffMember = { id: number; email: string; displayName: string; slug: string; bio: string; role: UserRole; disabled: boolean };

const staffColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  slug: users.slug,
  bio: users.bio,
  role: users.role,
  disabled: users.disabled,
};

/** An account that can log in: it has a password and is not disabled. */
export function findLoginAccount(db: Db, email: string) {
  return db
    .select({ ...staffColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.email, email.trim().toLowerCase()), isNotNull(users.passwordHash), eq(users.disabled, false)))
    .get();
}

export function getStaffMember(db: Db, id: number): StaffMember | undefined {
  return db.select(staffColumns).from(users).where(eq(users.id, id)).get();
}

export function getStaffByEmail(db: Db, email: string): StaffMember | undefined {
  return db.select(staffColumns).from(users).where(eq(users.email, email.trim().toLowerCase())).get();
}

export function listStaff(db: Db): (StaffMember & { canLogIn: boolean })[] {
  return db
    .select({ ...staffColumns, canLogIn: sql<boolean>`${users.passwordHash} is not null`.mapWith(Boolean) })
    .from(users)
    .orderBy(asc(users.displayName))
    .all();
}

export function countAdmins(db: Db): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(users)
      .where(and(eq(users.role, 'admin'), isNotNull(users.passwordHash), eq(users.disabled, false)))
      .get()?.n ?? 0
  );
}

export function setPasswordHash(db: Db, id: number, passwordHash: string): void {
  db.update(users).set({ passwordHash }).where(eq(users.id, id)).run();
  // A new password ends every session of that account.
  db.delete(sessions).where(eq(sessions.userId, id)).run();
}

export function updateStaffMember(db: Db, id: number, values: Partial<Pick<StaffMember, 'displayName' | 'bio' | 'role' | 'disabled'>>): void {
  db.update(users).set(values).where(eq(users.id, id)).run();
  if (values.disabled) db.delete(sessions).where(eq(sessions.userId, id)).run();
}

export function slugTaken(db: Db, slug: string): boolean {
  return !!db.select({ id: users.id }).from(users).where(eq(users.slug, slug)).get();
}
