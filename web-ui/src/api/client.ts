import { clearSession, session } from './session';
import type { Problem } from './types';

/** A refused or failed API call, carrying the service's problem detail. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }

  get status(): number {
    return this.problem.status;
  }

  /** True when the gateway has no route for the path: the service is not part of this platform (yet). */
  get routeMissing(): boolean {
    return this.status === 404 && /No static resource/i.test(this.problem.detail ?? '');
  }
}

/** Called when a call answers 401: the session is over; the app sends the user to the login page. */
let onExpired: () => void = () => {};
export function setSessionExpiredHandler(handler: () => void) {
  onExpired = handler;
}

export interface CallOptions {
  method?: string;
  body?: unknown;
  /** a FormData body is sent as multipart */
  form?: FormData;
  accept?: string;
  signal?: AbortSignal;
  /** false for the login and register calls */
  auth?: boolean;
}

export async function api<T>(path: string, options: CallOptions = {}): Promise<T> {
  const res = await send(path, options);
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('Content-Type') ?? '';
  if (type.includes('json')) return (await res.json()) as T;
  return (await res.text()) as unknown as T;
}

export async function send(path: string, options: CallOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: options.accept ?? 'application/json' };
  let body: BodyInit | undefined;
  if (options.form) {
    body = options.form;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const s = options.auth === false ? null : session();
  if (s) headers.Authorization = `Bearer ${s.token}`;
  let res: Response;
  try {
    res = await fetch(path, { method: options.method ?? (body ? 'POST' : 'GET'), headers, body, signal: options.signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError({ status: 0, title: 'Network error', detail: `The platform did not answer (${(e as Error).message}).` });
  }
  if (res.ok) return res;
  const problem = await readProblem(res);
  if (res.status === 401 && options.auth !== false) {
    clearSession();
    onExpired();
  }
  throw new ApiError(problem);
}

async function readProblem(res: Response): Promise<Problem> {
  const text = await res.text();
  try {
    const p = JSON.parse(text) as Problem;
    return { ...p, status: p.status ?? res.status };
  } catch {
    return { status: res.status, title: res.statusText, detail: text.slice(0, 300) || undefined };
  }
}

/** Builds a query string from defined values. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
