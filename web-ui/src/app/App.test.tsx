import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { clearSession, session } from '../api/session';
import { mockFetch, signIn } from '../test/fetchMock';
import { App } from './App';

describe('App sessions', () => {
  afterEach(() => clearSession());

  it('sends a visitor without a session to the login page, keeping the place', async () => {
    clearSession();
    mockFetch(() => undefined);
    history.replaceState(null, '', '/sweeps/s1/leaderboard?page=3');
    render(<App />);
    await waitFor(() => expect(location.pathname).toBe('/login'));
    expect(new URLSearchParams(location.search).get('next')).toBe('/sweeps/s1/leaderboard?page=3');
  });

  it('an expired session (401) returns to the login page, then back to the same place after signing in', async () => {
    signIn();
    let expired = true;
    const calls = mockFetch((c) => {
      if (c.url === '/api/auth/login') return { body: { access_token: 'eyJ.eyJwcmVmZXJyZWRfdXNlcm5hbWUiOiJkZW1vIn0.s', token_type: 'Bearer', expires_in: 3600 } };
      if (c.url.startsWith('/api/models')) return expired ? { status: 401, body: { status: 401, title: 'Unauthorized', detail: 'token expired' } } : { body: { models: [] } };
      if (c.url === '/api/packs' || c.url === '/api/series') return { body: [] };
      if (c.url.startsWith('/api/')) return { body: {} };
      return undefined;
    });
    history.replaceState(null, '', '/models/m1');
    render(<App />);
    await waitFor(() => expect(location.pathname).toBe('/login'));
    expect(session()).toBeNull();
    expect(await screen.findByText(/Your session ended/)).toBeTruthy();
    expect(new URLSearchParams(location.search).get('next')).toBe('/models/m1');

    expired = false;
    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'demo' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'sigmatiq-demo' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(location.pathname).toBe('/models/m1'));
    const login = calls.find((c) => c.url === '/api/auth/login')!;
    expect(login.headers.Authorization).toBeUndefined();
    expect(location.href).not.toContain('eyJ');
  });

  it('moves the focus to a new screen\'s heading, but never out of a field the user is typing in', async () => {
    clearSession();
    mockFetch(() => undefined);
    history.replaceState(null, '', '/register');
    render(<App />);
    const username = await screen.findByLabelText('Username');
    username.focus();
    await new Promise((r) => setTimeout(r, 120));
    expect(document.activeElement).toBe(username);
    fireEvent.click(screen.getByRole('link', { name: 'Sign in' }));
    await waitFor(() => expect(document.activeElement?.id === 'page-title' || document.activeElement?.id === 'username').toBe(true));
  });

  it('shows the problem detail of a refused login', async () => {
    clearSession();
    mockFetch((c) => c.url === '/api/auth/login' ? { status: 401, body: { status: 401, title: 'Unauthorized', detail: 'Bad username or password' } } : undefined);
    history.replaceState(null, '', '/login');
    render(<App />);
    fireEvent.change(await screen.findByLabelText('Username'), { target: { value: 'demo' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'wrong-password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Bad username or password');
    expect(location.pathname).toBe('/login');
  });
});
