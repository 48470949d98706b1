import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client';
import type { CreateModelRequest, CreateModelResponse, ModelView, PackContent, PackSummary, PublicationList, SeriesView, StrategyParameters, SweepList, TrainedModels } from '../api/types';
import { Link, navigate, useLocation, useParams } from '../app/router';
import { Badge, Empty, Facts, Field, fieldErrors, Loading, Page, ProblemView, statusTone, useLoad } from '../app/ui';
import { dateTime, num } from '../lib/format';

const TIMEFRAMES = ['1m', '5m', '15m', '1h', '1d'];
const RISK_PROFILES = ['conservative', 'balanced', 'aggressive'];

/** The keys parameter_overrides accepts for a strategy of a pack version, in the engine's order. */
export async function overrideKeys(packId: string, version: string, strategyId: string): Promise<string[]> {
  const e = encodeURIComponent;
  const r = await api<StrategyParameters>(`/api/packs/${e(packId)}/versions/${e(version)}/strategies/${e(strategyId)}/parameters`);
  return (r.parameters ?? []).map((p) => p.key!);
}

interface Override { key: string; value: string }

/** Parses an override's text: numbers as numbers, true/false, lists of hours in brackets, else the text. */
export function overrideValue(text: string): unknown {
  const t = text.trim();
  if (t === 'true' || t === 'false') return t === 'true';
  if (/^\[.*\]$/.test(t)) return t.slice(1, -1).split(/[\s,]+/).filter(Boolean).map(Number);
  const n = Number(t);
  return t !== '' && Number.isFinite(n) ? n : t;
}

export function NewModelScreen() {
  const { search } = useLocation();
  const packs = useLoad((signal) => api<PackSummary[]>('/api/packs', { signal }), []);
  const series = useLoad((signal) => api<SeriesView[]>('/api/series', { signal }), []);
  const [packId, setPackId] = useState(search.get('pack') ?? '');
  const pack = useLoad((signal) => packId ? api<PackContent>(`/api/packs/${encodeURIComponent(packId)}`, { signal }) : Promise.resolve(undefined), [packId]);
  const [modelId, setModelId] = useState('');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [ticker, setTicker] = useState('');
  const [timeframe, setTimeframe] = useState('5m');
  const [strategy, setStrategy] = useState('');
  const [indicators, setIndicators] = useState<string[]>([]);
  const [features, setFeatures] = useState<string[]>([]);
  const [risk, setRisk] = useState('balanced');
  const [overrides, setOverrides] = useState<Override[]>([]);
  const [keys, setKeys] = useState<string[]>([]);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(error);

  useEffect(() => {
    if (!packId && packs.data?.length) setPackId(packs.data[0].id!);
  }, [packs.data, packId]);
  useEffect(() => {
    const p = pack.data;
    if (!p) return;
    setStrategy((s) => (p.strategies?.some((x) => x.id === s) ? s : p.strategies?.[0]?.id ?? ''));
    setIndicators(p.indicators?.map((i) => i.id!) ?? []);
    setFeatures(p.features?.map((f) => f.id!) ?? []);
  }, [pack.data]);
  useEffect(() => {
    const version = pack.data?.version;
    if (packId && version && strategy) overrideKeys(packId, version, strategy).then(setKeys, () => setKeys([]));
  }, [packId, pack.data?.version, strategy]);

  const tickers = useMemo(() => {
    const by = new Map<string, SeriesView[]>();
    for (const s of series.data ?? []) by.set(s.ticker!, [...(by.get(s.ticker!) ?? []), s]);
    return by;
  }, [series.data]);
  useEffect(() => {
    if (!ticker && tickers.size > 0) setTicker(tickers.has('SPY') ? 'SPY' : [...tickers.keys()][0]);
  }, [tickers, ticker]);

  const toggle = (list: string[], set: (l: string[]) => void, id: string) =>
    set(list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const body: CreateModelRequest = {
      model_id: modelId, pack_id: packId, name, description: description || undefined, ticker, timeframe,
      strategy_id: strategy, selected_indicators: indicators, selected_features: features, risk_profile: risk,
      parameter_overrides: Object.fromEntries(overrides.filter((o) => o.key).map((o) => [o.key, overrideValue(o.value)])) as CreateModelRequest['parameter_overrides'],
    };
    try {
      const r = await api<CreateModelResponse>('/api/models', { body });
      navigate(`/models/${encodeURIComponent(r.model!.id!)}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const p = pack.data;
  const coverage = tickers.get(ticker)?.map((s) => `${s.timeframe}: ${s.first?.slice(0, 10)} → ${s.last?.slice(0, 10)}`).join('; ');
  const otherErrors = error instanceof ApiError && (error.problem.errors ?? []).some((x) => !x.field?.startsWith('parameter_overrides') && !['model_id', 'name', 'ticker', 'timeframe', 'strategy_id', 'pack_id', 'risk_profile', 'description'].includes(x.field ?? ''));
  return (
    <Page title="New model">
      <ProblemView error={packs.error ?? series.error} />
      <form onSubmit={submit} aria-label="New model" className="form-grid">
        <Field id="pack" label="Pack" error={errors.pack_id}>
          <select id="pack" value={packId} onChange={(e) => setPackId(e.target.value)}>
            {packs.data?.map((x) => <option key={x.id} value={x.id}>{x.name} ({x.id} {x.latest_version})</option>)}
          </select>
        </Field>
        <Field id="model-id" label="Model id" error={errors.model_id} hint="1–64 of A–Z a–z 0–9 _ . -">
          <input id="model-id" required value={modelId} onChange={(e) => setModelId(e.target.value)} placeholder="spy_swing_momentum_v1" aria-invalid={!!errors.model_id} />
        </Field>
        <Field id="name" label="Name" error={errors.name}>
          <input id="name" required value={name} onChange={(e) => setName(e.target.value)} placeholder="SPY Momentum Swing" aria-invalid={!!errors.name} />
        </Field>
        <Field id="description" label="Description" error={errors.description}>
          <input id="description" value={description} onChange={(e) => setDescription(e.target.value)} />
        </Field>
        <Field id="ticker" label="Ticker (series with data)" error={errors.ticker} hint={coverage}>
          <select id="ticker" value={ticker} onChange={(e) => setTicker(e.target.value)}>
            {[...tickers.keys()].map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
        </Field>
        <Field id="timeframe" label="Timeframe" error={errors.timeframe}>
          <select id="timeframe" value={timeframe} onChange={(e) => setTimeframe(e.target.value)}>
            {TIMEFRAMES.map((t) => <option key={t}>{t}</option>)}
          </select>
        </Field>
        <Field id="strategy" label="Strategy" error={errors.strategy_id}>
          <select id="strategy" value={strategy} onChange={(e) => setStrategy(e.target.value)}>
            {p?.strategies?.map((s) => <option key={s.id} value={s.id}>{s.name} ({s.id})</option>)}
          </select>
        </Field>
        <Field id="risk" label="Risk profile" error={errors.risk_profile}>
          <select id="risk" value={risk} onChange={(e) => setRisk(e.target.value)}>
            {RISK_PROFILES.map((r) => <option key={r}>{r}</option>)}
          </select>
        </Field>
        {p && (
          <fieldset className="wide">
            <legend>Indicators ({indicators.length} of {p.indicators?.length})</legend>
            <div className="checks">
              {p.indicators?.map((i) => (
                <label key={i.id}><input type="checkbox" checked={indicators.includes(i.id!)} onChange={() => toggle(indicators, setIndicators, i.id!)} /> {i.id}</label>
              ))}
            </div>
            {Object.entries(errors).filter(([k]) => k.startsWith('selected_indicators')).map(([k, v]) => <div key={k} className="field-error" role="alert">{v.message}</div>)}
          </fieldset>
        )}
        {p && (
          <fieldset className="wide">
            <legend>Features ({features.length} of {p.features?.length})</legend>
            <div className="checks">
              {p.features?.map((f) => (
                <label key={f.id}><input type="checkbox" checked={features.includes(f.id!)} onChange={() => toggle(features, setFeatures, f.id!)} /> {f.id}</label>
              ))}
            </div>
          </fieldset>
        )}
        <fieldset className="wide">
          <legend>Parameter overrides</legend>
          {overrides.length === 0 && <p className="muted">None: the pack's defaults apply. Add one to change e.g. rsi_period or stop_loss_pct.</p>}
          {overrides.map((o, i) => {
            const err = errors[`parameter_overrides.${o.key}`];
            return (
              <div key={i} className="override-row">
                <label className="sr-only" htmlFor={`override-key-${i}`}>Override {i + 1} key</label>
                <select id={`override-key-${i}`} value={o.key} onChange={(e) => setOverrides(overrides.map((x, j) => j === i ? { ...x, key: e.target.value } : x))}>
                  <option value="">choose…</option>
                  {keys.map((k) => <option key={k} value={k} disabled={overrides.some((x, j) => j !== i && x.key === k)}>{k}</option>)}
                </select>
                <label className="sr-only" htmlFor={`override-value-${i}`}>Override {i + 1} value</label>
                <input id={`override-value-${i}`} value={o.value} onChange={(e) => setOverrides(overrides.map((x, j) => j === i ? { ...x, value: e.target.value } : x))}
                  aria-invalid={!!err} aria-describedby={err ? `override-error-${i}` : undefined} />
                <button type="button" className="secondary" aria-label={`Remove override ${o.key || i + 1}`} onClick={() => setOverrides(overrides.filter((_, j) => j !== i))}>Remove</button>
                {err && <div className="field-error" id={`override-error-${i}`} role="alert">{err.message}</div>}
              </div>
            );
          })}
          <button type="button" className="secondary" onClick={() => setOverrides([...overrides, { key: '', value: '' }])} disabled={keys.length === 0}>Add override</button>
        </fieldset>
        {otherErrors && <div className="wide"><ProblemView error={error} /></div>}
        {error !== undefined && !(error instanceof ApiError && error.status === 400) && <div className="wide"><ProblemView error={error} /></div>}
        <div className="wide"><button type="submit" disabled={busy || !p}>{busy ? 'Creating…' : 'Create model'}</button></div>
      </form>
    </Page>
  );
}

const LIFECYCLE = ['created', 'swept', 'trained', 'paper_trading', 'paper_complete', 'live'];

export function ModelScreen() {
  const { id } = useParams();
  const enc = encodeURIComponent(id);
  const model = useLoad((signal) => api<ModelView>(`/api/models/${enc}`, { signal }), [id]);
  const yaml = useLoad((signal) => api<string>(`/api/models/${enc}/config`, { signal, accept: 'application/yaml' }), [id]);
  const sweeps = useLoad((signal) => api<SweepList>(`/api/sweeps?model_id=${enc}`, { signal }), [id]);
  const trained = useLoad((signal) => api<TrainedModels>(`/api/training/trained-models?model_id=${enc}`, { signal }), [id]);
  const pubs = useLoad((signal) => api<PublicationList>('/api/published-models', { signal }), [id]);
  const m = model.data;
  const step = LIFECYCLE.indexOf(m?.status ?? '');
  return (
    <Page title={m?.name ?? id} actions={m && (
      <>
        <Link className="button" to={`/models/${enc}/sweep`}>Sweep</Link>
        <Link className="button secondary" to={`/models/${enc}/training`}>Training and publishing</Link>
      </>
    )}>
      <ProblemView error={model.error} />
      {!m ? <Loading what="the model" /> : (
        <>
          <ol className="lifecycle" aria-label="Lifecycle">
            {LIFECYCLE.map((s, i) => (
              <li key={s} className={s === m.status ? 'current' : i < step ? 'done' : ''} aria-current={s === m.status ? 'step' : undefined}>{s.replace('_', ' ')}</li>
            ))}
            {!LIFECYCLE.includes(m.status!) && <li className="current" aria-current="step">{m.status}</li>}
          </ol>
          <p>Next: <strong>{m.next_step?.replace(/_/g, ' ')}</strong>{m.next_statuses?.length ? <span className="muted"> (allowed moves: {m.next_statuses.join(', ')})</span> : null}</p>
          <div className="two">
            <Facts items={[
              ['Id', m.id], ['Pack', `${m.pack_id} ${m.pack_version}`], ['Instrument', `${m.instrument} ${m.ticker} ${m.timeframe}`],
              ['Strategy', m.strategy_id], ['Risk profile', m.risk_profile], ['Indicators', m.selected_indicators?.join(', ')],
              ['Features', m.selected_features?.join(', ')],
              ['Overrides', Object.entries(m.parameter_overrides ?? {}).map(([k, v]) => `${k}=${String(v)}`).join(', ') || 'none'],
              ['Created', dateTime(m.created_at)], ['Status', <Badge key="s" tone={statusTone(m.status)}>{m.status}</Badge>],
            ]} />
            <div>
              <h2>Configuration (YAML)</h2>
              <ProblemView error={yaml.error} />
              <pre className="code" aria-label="Model configuration YAML" tabIndex={0}>{yaml.data ?? '…'}</pre>
            </div>
          </div>
          <h2>Sweeps</h2>
          {sweeps.data?.sweeps?.length === 0 ? <Empty>No sweep yet. <Link to={`/models/${enc}/sweep`}>Configure a sweep</Link> to backtest a grid of parameters.</Empty> : (
            <ul className="cards">{sweeps.data?.sweeps?.map((s) => (
              <li key={s.sweep_id}><Link to={`/sweeps/${s.sweep_id}`}>{s.tag || s.sweep_id}</Link> <Badge tone={statusTone(s.status)}>{s.status}</Badge>
                <div className="muted">{s.sweep_type} · {s.total_combinations} combinations · {s.date_range?.start} → {s.date_range?.end}</div>
                {s.status === 'completed' && <Link to={`/sweeps/${s.sweep_id}/leaderboard`}>Leaderboard</Link>}</li>
            ))}</ul>
          )}
          <h2>Trained models</h2>
          {trained.data?.trained_models?.length === 0 ? <Empty>None yet: tick configurations on a leaderboard and choose “Train selected”.</Empty> : (
            <div className="table-wrap"><table>
              <thead><tr><th scope="col">Trained model</th><th scope="col">Combo</th><th scope="col">Sharpe (backtest)</th><th scope="col">Sharpe (validation)</th><th scope="col">AUC</th></tr></thead>
              <tbody>{trained.data?.trained_models?.map((t) => (
                <tr key={t.id}><td><Link to={`/models/${enc}/training?jobs=${t.job_id}`}>{t.id}</Link></td><td>{t.combo_id}</td><td>{num(t.sharpe_backtest)}</td><td>{num(t.sharpe_validation)}</td><td>{num(t.auc_validation)}</td></tr>
              ))}</tbody>
            </table></div>
          )}
          <h2>Publications</h2>
          {(() => {
            const mine = pubs.data?.published_models?.filter((p) => p.model_id === m.id) ?? [];
            return mine.length === 0 ? <Empty>Not published. Publish a trained model from the training page.</Empty> : (
              <ul className="cards">{mine.map((p) => <li key={p.id}><Link to={`/published/${p.id}`}>{p.publish_settings?.name}</Link> <Badge tone={statusTone(p.status)}>{p.status}</Badge></li>)}</ul>
            );
          })()}
        </>
      )}
    </Page>
  );
}
