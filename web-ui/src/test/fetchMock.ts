import { startSession } from '../api/session';

export interface Call { method: string; url: string; body?: unknown; headers: Record<string, string> }
type Handler = (call: Call) => { status?: number; body?: unknown; contentType?: string } | undefined;

/** Replaces fetch with answers by method and path; records every call. */
export function mockFetch(handler: Handler): Call[] {
  const calls: Call[] = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const call: Call = {
      method: init?.method ?? 'GET', url, headers: (init?.headers ?? {}) as Record<string, string>,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : init?.body,
    };
    calls.push(call);
    const answer = handler(call) ?? { status: 404, body: { status: 404, title: 'Not Found', detail: `No static resource ${url}.` } };
    const status = answer.status ?? 200;
    const type = answer.contentType ?? (status >= 400 ? 'application/problem+json' : 'application/json');
    const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? null);
    return new Response(status === 204 ? null : text, { status, headers: { 'Content-Type': type } });
  }) as typeof fetch;
  return calls;
}

/** A signed-in test user (the token's claims are read, never verified, by the app). */
export function signIn(username = 'demo', roles: string[] = ['user']) {
  const claims = btoa(JSON.stringify({ preferred_username: username, roles })).replace(/=+$/, '');
  return startSession(`eyJhbGciOiJSUzI1NiJ9.${claims}.sig`, 3600);
}
