import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client';
import { streamEvents } from '../api/sse';
import type { ModelView, PackContent, SeriesView, Sweep, SweepCreated, SweepProgress, SweepRequest } from '../api/types';
import { Link, navigate, useParams } from '../app/router';
import { Badge, Facts, Field, fieldErrors, Loading, Page, ProblemView, ProgressBar, statusTone, useInterval, useLoad } from '../app/ui';
import { combinations, parseHours, parseNumbers } from '../lib/grid';
import { dateTime, duration, int, num } from '../lib/format';

const HOUR_CHOICES = ['all_day', 'morning_only', 'afternoon_only'];
const MINUTES: Record<string, number> = { '1m': 1, '5m': 5, '10m': 10, '15m': 15, '30m': 30, '1h': 60, '1d': 1440 };

/** The dates a model can be swept over: the ticker's stored series that are as fine as the model's timeframe. */
export function coverage(series: SeriesView[], ticker: string, timeframe: string): { start: string; end: string } | null {
  const fine = series.filter((s) => s.ticker === ticker && (MINUTES[s.timeframe!] ?? 1e9) <= (MINUTES[timeframe] ?? 0));
  if (fine.length === 0) return null;
  const start = fine.map((s) => s.first!.slice(0, 10)).sort()[0];
  const end = fine.map((s) => s.last!.slice(0, 10)).sort().reverse()[0];
  return { start, end };
}

interface CustomRow { key: string; text: string }

/** The sweep parameter keys sweep-service accepts, as it lists them when refusing an unknown one. */
async function sweepKeys(modelId: string, start: string, end: string): Promise<string[]> {
  try {
    await api('/api/sweeps', { body: { model_id: modelId, sweep_type: 'custom', date_range: { start, end }, parameters: { '?': [1] } } });
  } catch (e) {
    if (e instanceof ApiError) return e.problem.errors?.find((x) => x.field === 'parameters.?')?.valid_choices ?? [];
  }
  return [];
}

export function SweepBuilderScreen() {
  const { id } = useParams();
  const enc = encodeURIComponent(id);
  const model = useLoad((signal) => api<ModelView>(`/api/models/${enc}`, { signal }), [id]);
  const series = useLoad((signal) => api<SeriesView[]>('/api/series', { signal }), []);
  const pack = useLoad((signal) => model.data ? api<PackContent>(`/api/packs/${model.data.pack_id}/versions/${model.data.pack_version}`, { signal }) : Promise.resolve(undefined), [model.data]);
  const [type, setType] = useState<'simple' | 'custom'>('simple');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [thresholds, setThresholds] = useState('0.50, 0.55, 0.60, 0.65, 0.70');
  const [hours, setHours] = useState<string[]>(HOUR_CHOICES);
  const [sizes, setSizes] = useState('1, 2, 3');
  const [custom, setCustom] = useState<CustomRow[]>([
    { key: 'thresholds', text: '0.45:0.75:0.05' },
    { key: 'allowed_hours', text: '[9, 10]; [9, 10, 11]; [13, 14, 15]; [14, 15, 16]; all_day' },
    { key: 'position_size_pct', text: '1, 2, 3, 4, 5' },
  ]);
  const [keys, setKeys] = useState<string[]>([]);
  const [gates, setGates] = useState<Record<string, string>>({});
  // The pack's gates prefill the form; running before they arrive would send none.
  const [gatesReady, setGatesReady] = useState(false);
  const [tag, setTag] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(error);

  const cover = model.data && series.data ? coverage(series.data, model.data.ticker!, model.data.timeframe!) : null;
  useEffect(() => {
    if (cover && !start) { setStart(cover.start); setEnd(cover.end); }
  }, [cover, start]);
  useEffect(() => {
    const q = pack.data?.gates?.quality;
    if (q) setGates(Object.fromEntries(Object.entries(q).map(([k, v]) => [k, String(v)])));
    if (pack.data || pack.error) setGatesReady(true);
  }, [pack.data, pack.error]);
  useEffect(() => {
    if (model.data && cover) sweepKeys(model.data.id!, cover.start, cover.end).then(setKeys);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [model.data, cover?.start]);

  // The grid as it is typed, with a message per parameter that cannot be read.
  const { grid, problems } = useMemo(() => {
    const g: Record<string, unknown[]> = {};
    const p: Record<string, string> = {};
    const read = (key: string, text: string, hoursList = false) => {
      try { g[key] = hoursList ? parseHours(text) : parseNumbers(text); } catch (e) { p[key] = (e as Error).message; }
    };
    if (type === 'simple') {
      read('thresholds', thresholds);
      if (hours.length === 0) p.allowed_hours = 'choose at least one'; else g.allowed_hours = hours;
      read('position_size_pct', sizes);
    } else {
      for (const row of custom) if (row.key) read(row.key, row.text, row.key === 'allowed_hours');
    }
    return { grid: g, problems: p };
  }, [type, thresholds, hours, sizes, custom]);
  const count = Object.keys(problems).length ? 0 : combinations(grid);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const quality = Object.fromEntries(Object.entries(gates).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, Number(v)]));
    const body: SweepRequest = { model_id: id, sweep_type: type, date_range: { start, end }, parameters: grid as unknown as SweepRequest['parameters'], quality_gates: quality as unknown as SweepRequest['quality_gates'], tag: tag || undefined };
    try {
      const r = await api<SweepCreated>('/api/sweeps', { body });
      navigate(`/sweeps/${r.sweep_id}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (!model.data) return <Page title="Sweep"><ProblemView error={model.error} /><Loading what="the model" /></Page>;
  return (
    <Page title={`Sweep ${model.data.name}`}>
      <p className="muted">{model.data.ticker} {model.data.timeframe} · {model.data.strategy_id} · <Link to={`/models/${enc}`}>model page</Link></p>
      <form onSubmit={submit} aria-label="Sweep" className="form-grid">
        <fieldset className="wide">
          <legend>Grid builder</legend>
          <label><input type="radio" name="type" checked={type === 'simple'} onChange={() => setType('simple')} /> Simple</label>{' '}
          <label><input type="radio" name="type" checked={type === 'custom'} onChange={() => setType('custom')} /> Custom</label>
        </fieldset>
        <Field id="start" label="From" error={errors['date_range.start']} hint={cover ? `data: ${cover.start} → ${cover.end}` : 'no data for this ticker'}>
          <input id="start" type="date" required min={cover?.start} max={cover?.end} value={start} onChange={(e) => setStart(e.target.value)} />
        </Field>
        <Field id="end" label="To" error={errors['date_range.end']}>
          <input id="end" type="date" required min={start || cover?.start} max={cover?.end} value={end} onChange={(e) => setEnd(e.target.value)} />
        </Field>
        {type === 'simple' ? (
          <>
            <Field id="thresholds" label="Thresholds" error={problems.thresholds ?? errors['parameters.thresholds']} hint="values, or start:end:step">
              <input id="thresholds" value={thresholds} onChange={(e) => setThresholds(e.target.value)} />
            </Field>
            <Field id="sizes" label="Position size % " error={problems.position_size_pct ?? errors['parameters.position_size_pct']}>
              <input id="sizes" value={sizes} onChange={(e) => setSizes(e.target.value)} />
            </Field>
            <fieldset className="wide">
              <legend>Allowed hours</legend>
              <div className="checks">
                {HOUR_CHOICES.map((h) => (
                  <label key={h}><input type="checkbox" checked={hours.includes(h)} onChange={() => setHours(hours.includes(h) ? hours.filter((x) => x !== h) : [...hours, h])} /> {h}</label>
                ))}
              </div>
              {problems.allowed_hours && <div className="field-error" role="alert">{problems.allowed_hours}</div>}
            </fieldset>
          </>
        ) : (
          <fieldset className="wide">
            <legend>Parameters</legend>
            {custom.map((row, i) => {
              const problem = problems[row.key] ?? errors[`parameters.${row.key}`]?.message;
              const n = Array.isArray(grid[row.key]) ? grid[row.key].length : 0;
              return (
                <div className="override-row" key={i}>
                  <label className="sr-only" htmlFor={`param-key-${i}`}>Parameter {i + 1}</label>
                  <select id={`param-key-${i}`} value={row.key} onChange={(e) => setCustom(custom.map((r, j) => j === i ? { ...r, key: e.target.value } : r))}>
                    <option value="">choose…</option>
                    {[...new Set([...keys, row.key].filter(Boolean))].map((k) => <option key={k} value={k} disabled={custom.some((r, j) => j !== i && r.key === k)}>{k}</option>)}
                  </select>
                  <label className="sr-only" htmlFor={`param-values-${i}`}>Values of {row.key || `parameter ${i + 1}`}</label>
                  <input id={`param-values-${i}`} value={row.text} onChange={(e) => setCustom(custom.map((r, j) => j === i ? { ...r, text: e.target.value } : r))} aria-invalid={!!problem} />
                  <span className="muted" aria-label={`${n} values`}>×{n}</span>
                  <button type="button" className="secondary" aria-label={`Remove ${row.key || `parameter ${i + 1}`}`} onClick={() => setCustom(custom.filter((_, j) => j !== i))}>Remove</button>
                  {problem && <div className="field-error" role="alert">{problem}</div>}
                </div>
              );
            })}
            <button type="button" className="secondary" onClick={() => setCustom([...custom, { key: '', text: '' }])}>Add parameter</button>
            <p className="hint">Numbers: <code>14, 21, 28</code> or <code>start:end:step</code>. Hours: <code>[9, 10]; all_day</code>.</p>
          </fieldset>
        )}
        <fieldset className="wide">
          <legend>Quality gates</legend>
          <div className="checks">
            {Object.entries(gates).map(([k, v]) => (
              <Field key={k} id={`gate-${k}`} label={k} error={errors[`quality_gates.${k}`]}>
                <input id={`gate-${k}`} inputMode="decimal" value={v} onChange={(e) => setGates({ ...gates, [k]: e.target.value })} size={6} />
              </Field>
            ))}
          </div>
        </fieldset>
        <Field id="tag" label="Tag" error={errors.tag}>
          <input id="tag" value={tag} onChange={(e) => setTag(e.target.value)} placeholder="initial_sweep" />
        </Field>
        <div className="wide combo-count" role="status" aria-live="polite" aria-label="Combinations">
          <strong>{int(count)}</strong> combination{count === 1 ? '' : 's'}
          {count > 0 && <span className="muted"> = {Object.entries(grid).map(([k, v]) => `${v.length} ${k}`).join(' × ')}</span>}
        </div>
        {error !== undefined && <div className="wide"><ProblemView error={error} /></div>}
        <div className="wide"><button type="submit" disabled={busy || !gatesReady || count === 0 || !start || !end}>{busy ? 'Starting…' : `Run ${int(count)} backtests`}</button></div>
      </form>
    </Page>
  );
}

/** A running or finished sweep: progress over server-sent events (bar, rate, ETA, log) and cancel. */
export function SweepScreen() {
  const { id } = useParams();
  const sweep = useLoad((signal) => api<Sweep>(`/api/sweeps/${encodeURIComponent(id)}`, { signal }), [id]);
  const [progress, setProgress] = useState<SweepProgress>();
  const [streamError, setStreamError] = useState<unknown>();
  const [cancelError, setCancelError] = useState<unknown>();
  const reload = useRef(sweep.reload);
  reload.current = sweep.reload;
  const status = sweep.data?.status;
  const running = status === 'queued' || status === 'running';

  useEffect(() => {
    if (!running) return;
    const ac = new AbortController();
    streamEvents(`/api/sweeps/${encodeURIComponent(id)}/events`, (name, data) => {
      if (name === 'progress') {
        try {
          const body = JSON.parse(data) as SweepProgress & { progress?: SweepProgress };
          setProgress(body.progress ?? body);
        } catch { /* not JSON: ignore */ }
      } else {
        reload.current();
      }
    }, ac.signal).then(() => reload.current(), (e) => { if (!ac.signal.aborted) setStreamError(e); });
    return () => ac.abort();
  }, [id, running]);

  // the execution log and the gate counts come with the sweep itself: refreshed while it runs
  useInterval(sweep.reload, 2000, running);
  const s = sweep.data;
  const p = progress ?? s?.progress;
  const cancel = async () => {
    setCancelError(undefined);
    try {
      sweep.set(await api<Sweep>(`/api/sweeps/${encodeURIComponent(id)}/cancel`, { method: 'POST' }));
    } catch (e) {
      setCancelError(e);
    }
  };
  return (
    <Page title={s ? `Sweep ${s.tag || `of ${s.model_id} (${s.sweep_type})`}` : 'Sweep'} actions={s && (
      <>
        {running && <button type="button" className="danger" onClick={cancel}>Cancel sweep</button>}
        {status === 'completed' && <Link className="button" to={`/sweeps/${id}/leaderboard`}>Open the leaderboard</Link>}
      </>
    )}>
      <ProblemView error={sweep.error ?? streamError ?? cancelError} />
      {!s ? <Loading what="the sweep" /> : (
        <>
          <p><Badge tone={statusTone(status)}>{status}</Badge> <span className="muted">{s.sweep_id} · model <Link to={`/models/${encodeURIComponent(s.model_id!)}`}>{s.model_id}</Link> · {s.sweep_type} · {s.date_range?.start} → {s.date_range?.end}</span></p>
          <ProgressBar label="Sweep progress" value={p?.done ?? 0} max={p?.total ?? s.total_combinations ?? 0} />
          <Facts items={[
            ['Done', `${int(p?.done)} of ${int(p?.total ?? s.total_combinations)} (${num(p?.percent, 1)}%)`],
            ['Rate', p?.rate_per_second !== undefined ? `${num(p.rate_per_second, 1)} backtests/s` : '—'],
            ['ETA', running ? duration(p?.eta_seconds) : '—'],
            ['Passed gates', s.passed_gates !== undefined ? `${int(s.passed_gates)} passed, ${int(s.failed_gates)} failed` : '—'],
            ['Started', dateTime(s.started_at)], ['Completed', dateTime(s.completed_at)],
          ]} />
          <h2>Execution log</h2>
          <ol className="log" aria-label="Execution log" aria-live="polite">
            {s.execution_log?.map((l, i) => <li key={i}><time>{dateTime(l.timestamp)}</time> <Badge tone={statusTone(l.status)}>{l.status}</Badge> {l.message}</li>)}
          </ol>
          <h2>Grid</h2>
          <Facts items={Object.entries(s.parameters ?? {}).map(([k, v]) => [k, JSON.stringify(v)])} />
        </>
      )}
    </Page>
  );
}
