'use client';

import { startTransition, useActionState, useEffect, useRef, useState } from 'react';
import { submitComment } from '@/app/[locale]/(site)/article/[id]/[[...slug]]/actions';
import type { CommentFormState } from '@/lib/comment-form-state';
import type { CommentErrorKey, CommentFields } from '@/lib/comment-schema';
import { commentLimits } from '@/lib/comment-limits';
import { formatDateTime } from '@/lib/format';

export type CommentFormLabels = {
  heading: string;
  notice: string;
  fields: Record<keyof CommentFields | 'remember' | 'honeypot', string>;
  required: string;
  submit: string;
  sending: string;
  replyTo: string;
  cancelReply: string;
  awaitingBadge: string;
  errors: Record<CommentErrorKey | 'fixFields', string>;
};

type OwnComment = { id?: number; name: string; body: string; createdAt: number; outcome: 'pending' | 'approved' };
type Session = { token: string; author: { name: string; email: string; website: string } | null; pending: OwnComment[] };

const fieldIds: Record<keyof CommentFields, string> = { body: 'comment', name: 'author', email: 'email', website: 'url' };

/** The first field, in the form's order, that has an error: where the caret goes. */
function firstFieldWithError(errors: CommentFormState['errors']): keyof CommentFields | undefined {
  return (Object.keys(fieldIds) as (keyof CommentFields)[]).find((field) => errors[field]);
}

/**
 * The comment form. Without JavaScript it is a plain POST to the server action and the page comes
 * back with errors or the notice; with it, the same action runs in place (pending state, inline
 * errors, focus on the first error), «رد» links set the parent without a reload, and a small
 * session request refills remembered details and shows the commenter's own comments under review.
 */
export function CommentForm({
  articleId,
  locale,
  initial,
  labels,
  cancelHref,
}: {
  articleId: number;
  locale: string;
  initial: CommentFormState;
  labels: CommentFormLabels;
  cancelHref: string;
}) {
  const [state, formAction, pending] = useActionState(submitComment, initial);
  const [parent, setParent] = useState(initial.parent);
  // The answer's token, not the page's own: after a post without JavaScript refused for a field,
  // the answer carries the token of the form as first shown, so the time on the page keeps counting
  // (a token from the answer's render would make a quick fix look like a robot's).
  const [token, setToken] = useState(state.token);
  // Errors found in the browser with the same schema the server uses, before anything is sent.
  const [localErrors, setLocalErrors] = useState<CommentFormState['errors'] | null>(null);
  // The commenter's own comments: from this answer (also when the page came back from a post without
  // JavaScript), then every later answer and what the session request finds.
  const [own, setOwn] = useState<OwnComment[]>(() => (state.sent ? [state.sent] : []));
  const shownVersion = useRef(state.sent ? state.version : -1);
  const formRef = useRef<HTMLFormElement>(null);
  const sessionLoaded = useRef(false);

  // Each answer brings a fresh token and tells whether the reply target still stands.
  const focusFirstError = (errors: CommentFormState['errors']) => {
    const first = firstFieldWithError(errors);
    if (first) document.getElementById(fieldIds[first])?.focus();
  };

  useEffect(() => {
    setLocalErrors(null);
    setToken(state.token);
    if (state.version > 0) setParent(state.parent);
    if (state.sent && shownVersion.current !== state.version) {
      shownVersion.current = state.version;
      setOwn((list) => [...list, state.sent!]);
    }
    if (state.status === 'invalid') focusFirstError(state.errors);
    // Any other answer (sent, busy, refused): the form was just replaced, so focus would fall to the
    // page and the notice could sit above the screen on a phone; take the reader to it.
    else if (state.version > 0 && state.message) document.getElementById('comment-outcome')?.focus();
  }, [state]);

  const loadSession = async () => {
    if (sessionLoaded.current) return;
    sessionLoaded.current = true;
    try {
      const response = await fetch(`/api/comments/session?article=${articleId}&token=${encodeURIComponent(token)}`, { cache: 'no-store' });
      if (!response.ok) return;
      const session = (await response.json()) as Session;
      setToken(session.token);
      setOwn((list) => [...session.pending, ...list]);
      const form = formRef.current;
      if (form && session.author) {
        for (const [name, value] of Object.entries(session.author)) {
          const input = form.elements.namedItem(name) as HTMLInputElement | null;
          if (input && !input.value) input.value = value;
        }
        (form.elements.namedItem('remember') as HTMLInputElement).checked = true;
      }
    } catch {
      // the form still works with the token the page came with
    }
  };

  useEffect(() => {
    // Cookies of a previous comment: load what they stand for right away. Focus already in the form:
    // the reader's first touch there is what loaded this code (lib/deferred-scripts.ts).
    if (document.cookie.split('; ').includes('commenter=1') || formRef.current?.contains(document.activeElement)) void loadSession();
    const openReply = (link: HTMLAnchorElement) => {
      setParent({ id: Number(link.dataset.replyTo), name: link.dataset.replyName ?? '' });
      document.getElementById('respond')?.scrollIntoView({ block: 'start' });
      document.getElementById(fieldIds.body)?.focus({ preventScroll: true });
    };
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a[data-reply-to]');
      if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      openReply(link);
    };
    document.addEventListener('click', onClick);
    // A «رد» tapped before this code ran, held by the page's loader (lib/deferred-scripts.ts).
    const loader = window as unknown as { __replyReady?: boolean; __pendingReply?: HTMLAnchorElement };
    loader.__replyReady = true;
    if (loader.__pendingReply) openReply(loader.__pendingReply);
    delete loader.__pendingReply;
    return () => {
      loader.__replyReady = false;
      document.removeEventListener('click', onClick);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A page that comes back with errors from a post without JavaScript: the browser's own autofocus
  // puts the caret on the first field to fix, as the script does. (Not on «رد» pages: their #respond
  // already scrolls to the form, and browsers skip autofocus on an address with a fragment.)
  const autoFocused = state.status === 'invalid' ? firstFieldWithError(state.errors) : undefined;

  const errors = localErrors ?? state.errors;
  const error = (field: keyof CommentFields) => errors[field];
  const message = localErrors ? labels.errors.fixFields : state.message;
  const input = (field: Exclude<keyof CommentFields, 'body'>, type: string, autoComplete: string, required: boolean) => {
    const id = fieldIds[field];
    const message = error(field);
    return (
      <p className="mt-4">
        <label htmlFor={id} className="block font-bold">
          {labels.fields[field]}
          {required && (
            <>
              {' '}
              <span aria-hidden="true" className="text-brand">
                *
              </span>
            </>
          )}
        </label>
        <input
          id={id}
          name={field}
          type={type}
          dir={type === 'text' ? undefined : 'ltr'}
          maxLength={commentLimits[field]}
          autoComplete={autoComplete}
          autoFocus={autoFocused === field}
          defaultValue={state.values[field]}
          required={required}
          aria-required={required || undefined}
          aria-invalid={message ? true : undefined}
          aria-describedby={`${id}-error`}
          className={`mt-1 block w-full rounded border border-line bg-white px-3 py-2 text-start aria-invalid:border-brand ${type === 'text' ? '[unicode-bidi:plaintext]' : ''}`}
        />
        <span id={`${id}-error`} aria-live="polite" className="mt-1 block text-sm font-bold text-brand">
          {message}
        </span>
      </p>
    );
  };

  return (
    <div id="respond" className="mt-10 scroll-mt-4">
      {own.length > 0 && (
        <ol className="mb-6" aria-label={labels.awaitingBadge}>
          {own.map((c, i) => (
            <li key={c.id ?? `sent-${i}`} className="border-b border-line py-3">
              <p className="flex flex-wrap gap-x-3 wrap-anywhere">
                <bdi className="font-bold">{c.name}</bdi>
                <span className="text-sm text-muted">{formatDateTime(c.createdAt, locale === 'en' ? 'en' : 'ar')}</span>
                {c.outcome === 'pending' && (
                  <span className="rounded bg-wash px-2 text-sm text-brand-dark">{labels.awaitingBadge}</span>
                )}
              </p>
              <p className="mt-1 break-words whitespace-pre-line">{c.body}</p>
            </li>
          ))}
        </ol>
      )}

      <h2 id="reply-title" className="text-xl font-bold wrap-anywhere">
        {parent ? (
          <>
            {labels.replyTo.split('{name}')[0]}
            <bdi>{parent.name}</bdi>
            {labels.replyTo.split('{name}')[1]}
          </>
        ) : (
          labels.heading
        )}
        {parent && (
          <>
            {' '}
            <a
              href={cancelHref}
              onClick={(event) => {
                event.preventDefault();
                setParent(null);
              }}
              className="text-sm font-normal text-brand underline underline-offset-4"
            >
              {labels.cancelReply}
            </a>
          </>
        )}
      </h2>
      <p id="comment-notes" className="mt-2 text-sm text-muted">
        {labels.notice}
      </p>

      <div role="status" aria-live="polite" className="mt-3">
        {message && (
          <p
            id="comment-outcome"
            tabIndex={-1}
            className={`scroll-mt-4 rounded px-4 py-3 font-bold ${state.status === 'sent' && !localErrors ? 'bg-wash text-ink' : 'bg-brand/10 text-brand-dark'}`}
          >
            {message}
          </p>
        )}
      </div>

      <form
        ref={formRef}
        key={state.version}
        action={formAction}
        noValidate
        aria-labelledby="reply-title"
        aria-describedby="comment-notes"
        onFocus={() => void loadSession()}
        onSubmit={(event) => {
          // With JavaScript, check with the shared schema first (loaded on the first submit only), so
          // mistakes show at once and a comment far over the limit is never sent.
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          void import('@/lib/comment-schema').then(({ validateComment }) => {
            const fields = Object.fromEntries((Object.keys(fieldIds) as (keyof CommentFields)[]).map((f) => [f, String(data.get(f) ?? '')]));
            const result = validateComment(fields as CommentFields);
            if (!result.ok) {
              const found = Object.fromEntries(Object.entries(result.errors).map(([f, key]) => [f, labels.errors[key]]));
              setLocalErrors(found);
              focusFirstError(found);
              return;
            }
            setLocalErrors(null);
            startTransition(() => formAction(data));
          });
        }}
        className="mt-2"
      >
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="articleId" value={articleId} />
        <input type="hidden" name="parentId" value={parent?.id ?? ''} />
        <input type="hidden" name="token" value={token} />

        <p className="mt-4">
          <label htmlFor={fieldIds.body} className="block font-bold">
            {labels.fields.body}{' '}
            <span aria-hidden="true" className="text-brand">
              *
            </span>
          </label>
          <textarea
            id={fieldIds.body}
            name="body"
            rows={7}
            autoFocus={autoFocused === 'body'}
            defaultValue={state.values.body}
            required
            aria-required
            aria-invalid={error('body') ? true : undefined}
            aria-describedby={`${fieldIds.body}-error`}
            className="mt-1 block w-full rounded border border-line bg-white px-3 py-2 [unicode-bidi:plaintext] aria-invalid:border-brand"
          />
          <span id={`${fieldIds.body}-error`} aria-live="polite" className="mt-1 block text-sm font-bold text-brand">
            {error('body')}
          </span>
        </p>
        {input('name', 'text', 'name', true)}
        {input('email', 'email', 'email', true)}
        {input('website', 'url', 'url', false)}

        {/* A field people never see: robots that fill every input give themselves away. */}
        <div aria-hidden="true" className="absolute -start-[10000px] h-px w-px overflow-hidden">
          <label>
            {labels.fields.honeypot}
            <input type="text" name="homepage" tabIndex={-1} autoComplete="off" defaultValue="" />
          </label>
        </div>

        <p className="mt-4 flex items-start gap-2">
          <input
            id="remember"
            name="remember"
            type="checkbox"
            defaultChecked={state.values.remember}
            className="mt-1.5 size-5 shrink-0"
          />
          <label htmlFor="remember">{labels.fields.remember}</label>
        </p>

        <p className="mt-6">
          <button
            type="submit"
            disabled={pending}
            aria-disabled={pending}
            className="inline-flex min-h-12 items-center rounded bg-brand px-6 font-bold text-white hover:bg-brand-dark disabled:opacity-70"
          >
            {pending ? labels.sending : labels.submit}
          </button>
        </p>
      </form>
    </div>
  );
}
