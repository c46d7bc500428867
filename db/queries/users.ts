import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { type NewUser, users } from '../schema';

export type Byline = { id: number; displayName: string; slug: string };

export function createUser(db: Db, values: NewUser): Byline {
  return db
    .insert(users)
    .values({ ...values, email: values.email.trim().toLowerCase() })
    .returning({ id: users.id, displayName: users.displayName, slug: users.slug })
    .get();
}

export function getUserBySlug(db: Db, slug: string) {
  return db
    .select({ id: users.id, displayName: users.displayName, slug: users.slug, bio: users.bio })
    .from(users)
    .where(eq(users.slug, slug))
    .get();
}
