// What the newsroom's small forms (sections, tags, comments, staff, profile) get back from their
// server actions: a message to announce, and whether the form may be cleared.

export type ActionResult = { status: 'idle' | 'ok' | 'error'; message?: string; reset?: boolean; version: number };

export const idleResult: ActionResult = { status: 'idle', version: 0 };
