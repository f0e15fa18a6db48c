import { useActionState, useId } from 'react';
import type { StoredSession } from '../../shared/host/bridge';
import { describeSignInError, signIn } from './signIn';

interface Attempt {
  username: string;
  error: string | null;
}

interface SignInFormProps {
  smsUrl: string;
  /** Why the operator is here again (the SMS refused the session, …), if they were signed out. */
  notice: string | null;
  onSignedIn: (session: StoredSession) => Promise<void>;
}

/** The sign-in form: labelled fields, a `Sign in` button, and errors in a live region. */
export function SignInForm({ smsUrl, notice, onSignedIn }: SignInFormProps) {
  const ids = { title: useId(), username: useId(), password: useId(), message: useId() };
  // React resets the form after each attempt; the username comes back as its default value.
  const [attempt, submit, pending] = useActionState(
    async (_previous: Attempt, form: FormData): Promise<Attempt> => {
      const username = String(form.get('username') ?? '').trim();
      const password = String(form.get('password') ?? '');
      if (!username || !password) return { username, error: 'Enter both your username and your password.' };
      try {
        await onSignedIn(await signIn(smsUrl, username, password));
        return { username, error: null };
      } catch (e) {
        return { username, error: describeSignInError(e) };
      }
    },
    { username: '', error: null },
  );
  const { error } = attempt;
  const message = error ?? notice;
  return (
    <main className="sign-in">
      <form className="sign-in__form" action={submit} aria-labelledby={ids.title} noValidate>
        <h1 id={ids.title}>
          <span className="brand">JCCR</span> Sign in
        </h1>
        <p className="sign-in__subtitle">City of London Joint Command &amp; Control Room</p>
        <label htmlFor={ids.username}>Username</label>
        <input
          id={ids.username}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          autoFocus
          defaultValue={attempt.username}
          aria-invalid={error !== null}
          aria-describedby={ids.message}
        />
        <label htmlFor={ids.password}>Password</label>
        <input
          id={ids.password}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={error !== null}
          aria-describedby={ids.message}
        />
        <p
          id={ids.message}
          className={message ? 'sign-in__message' : 'sign-in__message sign-in__message--empty'}
          role="alert"
        >
          {message}
        </p>
        <button type="submit" disabled={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="sign-in__sms">
          Security Management System: <span className="mono">{smsUrl}</span>
        </p>
      </form>
    </main>
  );
}
