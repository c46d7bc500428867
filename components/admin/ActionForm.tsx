'use client';

import { type ReactNode, startTransition, useActionState, useRef } from 'react';
import type { ActionResult } from '@/lib/action-result';

/**
 * A form posted to a server action. With JavaScript it is sent in place, so on an error every field
 * keeps what was typed; it shows a pending state and the action's message, and can ask before
 * doing something that cannot be undone. Without JavaScript it is a plain POST.
 */
export function ActionForm({
  action,
  children,
  submit,
  pending: pendingLabel,
  confirm,
  className = '',
  buttonClassName = 'min-h-11 rounded bg-night px-4 font-bold text-white disabled:opacity-60',
  label,
  id,
}: {
  action: (previous: ActionResult, formData: FormData) => Promise<ActionResult>;
  children?: ReactNode;
  submit: string;
  pending: string;
  confirm?: string;
  className?: string;
  buttonClassName?: string;
  /** An accessible name for the button when its visible text is not enough (e.g. "حذف أخبار"). */
  label?: string;
  /** Lets controls elsewhere on the page belong to this form (form="id"). */
  id?: string;
}) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle', version: 0 } as ActionResult);
  const formRef = useRef<HTMLFormElement>(null);
  const lastReset = useRef(0);
  if (state.reset && state.version !== lastReset.current) {
    lastReset.current = state.version;
    queueMicrotask(() => formRef.current?.reset());
  }
  return (
    <form
      id={id}
      ref={formRef}
      action={formAction}
      // The server's Arabic messages, not the browser's own (in the browser's language).
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const submitter = (event.nativeEvent as SubmitEvent).submitter;
        // A button may ask for itself (data-confirm), e.g. "delete for good" among harmless ones.
        const question = submitter?.dataset.confirm ?? confirm;
        if (question && !window.confirm(question)) return;
        const data = new FormData(event.currentTarget, submitter);
        startTransition(() => formAction(data));
      }}
      className={className}
    >
      {children}
      <button type="submit" disabled={pending} aria-label={label} className={buttonClassName}>
        {pending ? pendingLabel : submit}
      </button>
      <span role="status" aria-live="polite" className={state.status === 'error' ? 'font-bold text-brand' : 'text-muted'}>
        {state.message}
      </span>
    </form>
  );
}
