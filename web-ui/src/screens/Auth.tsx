import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { startSession } from '../api/session';
import type { LoginResponse } from '../api/types';
import { Link, navigate, useLocation } from '../app/router';
import { Field, fieldErrors, Page, ProblemView } from '../app/ui';

/** Only same-origin paths are followed after login. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

async function login(username: string, password: string) {
  const r = await api<LoginResponse>('/api/auth/login', { body: { username, password }, auth: false });
  startSession(r.access_token, r.expires_in);
}

export function LoginScreen() {
  const { search } = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await login(username, password);
      navigate(safeNext(search.get('next')), true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Page title="Sign in">
      {search.get('expired') && <p className="notice" role="status">Your session ended. Sign in again to continue where you were.</p>}
      <form className="narrow" onSubmit={submit} aria-label="Sign in">
        <Field id="username" label="Username">
          <input id="username" name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} autoFocus />
        </Field>
        <Field id="password" label="Password">
          <input id="password" name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </Field>
        <ProblemView error={error} />
        <button type="submit" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
        <p>No account? <Link to={`/register${search.get('next') ? `?next=${encodeURIComponent(search.get('next')!)}` : ''}`}>Register</Link></p>
      </form>
    </Page>
  );
}

export function RegisterScreen() {
  const { search } = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(error);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api('/api/auth/register', { body: { username, password }, auth: false });
      await login(username, password);
      navigate(safeNext(search.get('next')), true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Page title="Create an account">
      <form className="narrow" onSubmit={submit} aria-label="Register">
        <Field id="username" label="Username" error={errors.username} hint="3–40 of a–z, 0–9, _ . -">
          <input id="username" name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)}
            aria-invalid={!!errors.username} aria-describedby={errors.username ? 'username-error' : 'username-hint'} autoFocus />
        </Field>
        <Field id="password" label="Password" error={errors.password} hint="at least 8 characters">
          <input id="password" name="password" type="password" autoComplete="new-password" required value={password} onChange={(e) => setPassword(e.target.value)}
            aria-invalid={!!errors.password} aria-describedby={errors.password ? 'password-error' : 'password-hint'} />
        </Field>
        {!errors.username && !errors.password && <ProblemView error={error} />}
        <button type="submit" disabled={busy}>{busy ? 'Creating…' : 'Register'}</button>
        <p>Have an account? <Link to="/login">Sign in</Link></p>
      </form>
    </Page>
  );
}
