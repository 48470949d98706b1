import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import type { FieldError } from '../api/types';

/** A screen: its title is the page's h1 and the document title. */
export function Page({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · Sigmatiq`;
  }, [title]);
  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page-head">
        <h1 id="page-title" tabIndex={-1}>{title}</h1>
        {actions && <div className="actions">{actions}</div>}
      </header>
      {children}
    </section>
  );
}

export function Loading({ what }: { what: string }) {
  return <p className="muted" role="status" aria-live="polite">Loading {what}…</p>;
}

/** An empty state says what to do next. */
export function Empty({ children }: { children: ReactNode }) {
  return <div className="empty" role="note">{children}</div>;
}

/** A problem detail: title, detail, and each field's error (with file, line and column for pack uploads). */
export function ProblemView({ error }: { error: unknown }) {
  if (!error) return null;
  if (!(error instanceof ApiError)) {
    return <div className="problem" role="alert">{String((error as Error)?.message ?? error)}</div>;
  }
  const p = error.problem;
  return (
    <div className="problem" role="alert">
      <strong>{p.title ?? `Error ${p.status}`}</strong>
      {p.detail && <span> — {p.detail}</span>}
      {p.errors && p.errors.length > 0 && (
        <ul>
          {p.errors.map((e, i) => (
            <li key={i}>
              {e.file && <code>{e.file}:{e.line ?? 0}:{e.column ?? 0}</code>} {e.field && <code>{e.field}</code>} {e.message}
              {e.valid_choices && e.valid_choices.length > 0 && (
                <span className="muted"> (valid: {e.valid_choices.join(', ')})</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The field errors of a problem detail, by field name. */
export function fieldErrors(error: unknown): Record<string, FieldError> {
  const out: Record<string, FieldError> = {};
  if (error instanceof ApiError) {
    for (const e of error.problem.errors ?? []) if (e.field) out[e.field] = e;
  }
  return out;
}

/** A labelled control with its inline error (linked by aria-describedby). */
export function Field({ id, label, error, hint, children }: {
  id: string; label: string; error?: FieldError | string; hint?: ReactNode; children: ReactNode;
}) {
  const message = typeof error === 'string' ? error : error?.message;
  return (
    <div className={`field${message ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && <div className="hint" id={`${id}-hint`}>{hint}</div>}
      {message && <div className="field-error" id={`${id}-error`} role="alert">{message}</div>}
    </div>
  );
}

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
  set: (t: T) => void;
}

/** Loads data for a screen; reloads when deps change; keeps the last data while reloading. */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    const ac = new AbortController();
    setLoading(true);
    loadRef.current(ac.signal).then(
      (d) => { if (!ac.signal.aborted) { setData(d); setError(undefined); setLoading(false); } },
      (e) => { if (!ac.signal.aborted) { setError(e); setLoading(false); } },
    );
    return () => ac.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload, set: setData };
}

/** Re-runs fn every `ms` while `active`. */
export function useInterval(fn: () => void, ms: number, active: boolean) {
  const ref = useRef(fn);
  ref.current = fn;
  useEffect(() => {
    if (!active) return;
    const id = setInterval(() => ref.current(), ms);
    return () => clearInterval(id);
  }, [ms, active]);
}

export function ProgressBar({ label, value, max }: { label: string; value: number; max: number }) {
  const pct = max > 0 ? Math.min(100, (value / max) * 100) : 0;
  return (
    <div className="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={max} aria-valuenow={value}>
      <div className="progress-fill" style={{ width: `${pct}%` }} />
    </div>
  );
}

export function Badge({ tone, children }: { tone: 'ok' | 'bad' | 'info' | 'warn'; children: ReactNode }) {
  return <span className={`badge ${tone}`}>{children}</span>;
}

export function statusTone(status: string | undefined): 'ok' | 'bad' | 'info' | 'warn' {
  switch (status) {
    case 'completed': case 'sent': case 'filled': case 'PASS': case 'live': case 'alerting': case 'paper_trading': case 'trained': case 'swept':
      return 'ok';
    case 'failed': case 'FAIL': case 'cancelled': case 'expired': case 'retired': case 'rejected':
      return 'bad';
    case 'retrying': case 'paused':
      return 'warn';
    default:
      return 'info';
  }
}

/** A key/value list. */
export function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="facts">
      {items.map(([k, v]) => (
        <div key={k}><dt>{k}</dt><dd>{v}</dd></div>
      ))}
    </dl>
  );
}
