import type { CommentFields } from './comment-schema';

// The state the comment form and its server action pass back and forth (useActionState).

export type CommentOutcome = 'pending' | 'approved';

export type CommentFormState = {
  status: 'idle' | 'invalid' | 'sent' | 'refused';
  /** HTTP semantics of the result: 400 invalid, 403 closed, 409 duplicate, 429 too soon… */
  code: number;
  /** A message for the whole form (already translated). */
  message?: string;
  /** One translated message per field. */
  errors: Partial<Record<keyof CommentFields, string>>;
  /** What the commenter typed, kept on every error. */
  values: CommentFields & { remember: boolean };
  parent: { id: number; name: string } | null;
  token: string;
  /** The commenter's own comment after sending, shown to them as awaiting review or published. */
  sent?: { name: string; body: string; createdAt: number; outcome: CommentOutcome };
  /** Bumped on every answer, so the form re-mounts its fields with the values above. */
  version: number;
};

export function initialCommentState(token: string, parent: CommentFormState['parent'] = null): CommentFormState {
  return {
    status: 'idle',
    code: 200,
    errors: {},
    values: { body: '', name: '', email: '', website: '', remember: false },
    parent,
    token,
    version: 0,
  };
}

export const COMMENT_FIELDS = ['body', 'name', 'email', 'website'] as const;
