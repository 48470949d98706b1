// The signed-in user's access token: in memory and in a session cookie (gone when the browser closes), never in a
// URL or in localStorage. The gateway only reads the Authorization header, so the cookie carries no authority on
// its own (no CSRF exposure); it only lets a reload keep the session.

const COOKIE = 'sigmatiq_session';

export interface Session {
  token: string;
  username: string;
  /** epoch milliseconds */
  expiresAt: number;
}

let current: Session | null = null;
const listeners = new Set<(s: Session | null) => void>();

export function session(): Session | null {
  if (current === null) {
    current = readCookie();
  }
  if (current !== null && current.expiresAt <= Date.now()) {
    clearSession();
  }
  return current;
}

export function startSession(token: string, expiresInSeconds: number): Session {
  const s: Session = { token, username: usernameOf(token), expiresAt: Date.now() + expiresInSeconds * 1000 };
  current = s;
  writeCookie(s);
  listeners.forEach((l) => l(s));
  return s;
}

export function clearSession(): void {
  current = null;
  if (typeof document !== 'undefined') {
    document.cookie = `${COOKIE}=; Path=/; Max-Age=0; SameSite=Strict`;
  }
  listeners.forEach((l) => l(null));
}

export function onSessionChange(listener: (s: Session | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The roles claim of the token (the gateway writes `roles`). */
export function roles(): string[] {
  const s = session();
  if (!s) return [];
  const claims = decodeClaims(s.token);
  const r = claims?.roles;
  return Array.isArray(r) ? r.map(String) : [];
}

export function usernameOf(token: string): string {
  const claims = decodeClaims(token);
  return String(claims?.preferred_username ?? claims?.sub ?? '');
}

function decodeClaims(token: string): Record<string, unknown> | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    return JSON.parse(json) as Record<string, unknown>;
  } catch {
    return null;
  }
}

function writeCookie(s: Session) {
  if (typeof document === 'undefined') return;
  const value = encodeURIComponent(JSON.stringify({ t: s.token, e: s.expiresAt }));
  const secure = location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = `${COOKIE}=${value}; Path=/; SameSite=Strict${secure}`;
}

function readCookie(): Session | null {
  if (typeof document === 'undefined') return null;
  const entry = document.cookie.split('; ').find((c) => c.startsWith(`${COOKIE}=`));
  if (!entry) return null;
  try {
    const { t, e } = JSON.parse(decodeURIComponent(entry.slice(COOKIE.length + 1))) as { t: string; e: number };
    return { token: t, username: usernameOf(t), expiresAt: e };
  } catch {
    return null;
  }
}
