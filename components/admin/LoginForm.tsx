'use client';

import { useActionState } from 'react';
import { login, type LoginState } from '@/app/[locale]/admin/(auth)/login/actions';

type Labels = { email: string; password: string; submit: string; sending: string };

export function LoginForm({ locale, next, labels }: { locale: string; next: string; labels: Labels }) {
  const [state, action, pending] = useActionState<LoginState, FormData>(login, { email: '', version: 0 });
  return (
    <form action={action} className="mt-6 space-y-4" noValidate>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="next" value={next} />
      <div role="alert" aria-live="assertive">
        {state.message && <p className="rounded bg-brand/10 px-4 py-3 font-bold text-brand-dark">{state.message}</p>}
      </div>
      <p>
        <label htmlFor="login-email" className="block font-bold">
          {labels.email}
        </label>
        <input
          key={state.version}
          id="login-email"
          name="email"
          type="email"
          dir="ltr"
          autoComplete="username"
          required
          defaultValue={state.email}
          className="mt-1 block w-full rounded border border-line px-3 py-2"
        />
      </p>
      <p>
        <label htmlFor="login-password" className="block font-bold">
          {labels.password}
        </label>
        <input
          id="login-password"
          name="password"
          type="password"
          dir="ltr"
          autoComplete="current-password"
          required
          className="mt-1 block w-full rounded border border-line px-3 py-2"
        />
      </p>
      <button
        type="submit"
        disabled={pending}
        className="inline-flex min-h-12 w-full items-center justify-center rounded bg-brand px-6 font-bold text-white hover:bg-brand-dark disabled:opacity-70"
      >
        {pending ? labels.sending : labels.submit}
      </button>
    </form>
  );
}
