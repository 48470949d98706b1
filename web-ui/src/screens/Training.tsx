import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { streamEvents } from '../api/sse';
import type { ClassificationMetrics, JobView, ModelView, PublishRequest, PublishResponse, ReplayView, TrainedModels, TrainingReport } from '../api/types';
import { Link, navigate, useLocation, useParams } from '../app/router';
import { Badge, Empty, Facts, Field, fieldErrors, Page, ProblemView, ProgressBar, statusTone, useLoad } from '../app/ui';
import { BarChart, LineChart } from '../charts/UPlotChart';
import { duration, num } from '../lib/format';

const STEPS = ['data_preparation', 'feature_engineering', 'model_training', 'validation', 'calibration'];
const METRIC_KEYS: (keyof ClassificationMetrics)[] = ['accuracy', 'precision', 'recall', 'f1_score', 'auc_roc', 'brier_score', 'log_loss'];

/** Training jobs live (the five steps), their results, the review (seed 6.1) and the publish form. */
export function TrainingScreen() {
  const { id } = useParams();
  const { search } = useLocation();
  const enc = encodeURIComponent(id);
  const jobIds = (search.get('jobs') ?? '').split(',').filter(Boolean);
  const model = useLoad((signal) => api<ModelView>(`/api/models/${enc}`, { signal }), [id]);
  const trained = useLoad((signal) => api<TrainedModels>(`/api/training/trained-models?model_id=${enc}`, { signal }), [id]);
  const [finished, setFinished] = useState(0);
  useEffect(() => { if (finished > 0) trained.reload(); }, [finished, trained.reload]);
  return (
    <Page title={`Training ${model.data?.name ?? id}`} actions={<Link className="button secondary" to={`/models/${enc}`}>Model page</Link>}>
      <ProblemView error={model.error} />
      {jobIds.length === 0 && <p className="muted">Showing this model's trained models. Start training from a sweep's leaderboard (“Train selected”).</p>}
      {jobIds.map((j) => <JobCard key={j} jobId={j} onFinished={() => setFinished((n) => n + 1)} />)}
      <h2>Review and publish</h2>
      <ProblemView error={trained.error} />
      {trained.data?.trained_models?.length === 0 ? <Empty>No trained model yet{jobIds.length ? ': the jobs above are still running' : ''}.</Empty> : trained.data && (
        <PublishForm modelId={id} trained={trained.data} />
      )}
    </Page>
  );
}

function JobCard({ jobId, onFinished }: { jobId: string; onFinished: () => void }) {
  const job = useLoad((signal) => api<JobView>(`/api/training/jobs/${jobId}`, { signal }), [jobId]);
  const [result, setResult] = useState<TrainingReport>();
  const [error, setError] = useState<unknown>();
  const finishedRef = useRef(onFinished);
  finishedRef.current = onFinished;
  const status = job.data?.status;
  const done = status === 'completed' || status === 'failed';
  useEffect(() => {
    if (!job.data || done) return;
    const ac = new AbortController();
    streamEvents(`/api/training/jobs/${jobId}/events`, (name, data) => {
      try {
        const body = JSON.parse(data) as JobView;
        if (body.progress) job.set({ ...job.data, ...body });
      } catch { /* ignore */ }
      if (name === 'completed' || name === 'failed') job.reload();
    }, ac.signal).then(() => job.reload(), (e) => { if (!ac.signal.aborted) setError(e); });
    return () => ac.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [jobId, !!job.data, done]);
  useEffect(() => {
    if (status !== 'completed') return;
    api<TrainingReport>(`/api/training/jobs/${jobId}/result`).then((r) => { setResult(r); finishedRef.current(); }, setError);
  }, [jobId, status]);
  const j = job.data;
  const steps = STEPS.map((s) => { const p = j?.progress?.find((x) => x.step === s); return { step: s, status: p?.status ?? 'pending', duration: p?.duration }; });
  const complete = steps.filter((s) => s.status === 'complete' || s.status === 'completed').length;
  return (
    <article className="card" aria-labelledby={`job-${jobId}`}>
      <h2 id={`job-${jobId}`}>Combination {j?.combo_id ?? '…'} <span className="muted">{j?.trained_model_id}</span> <Badge tone={statusTone(status)}>{status ?? '…'}</Badge></h2>
      <ProblemView error={job.error ?? error} />
      {j?.error && <div className="problem" role="alert">{j.error}</div>}
      <ProgressBar label={`Training steps of combination ${j?.combo_id}`} value={complete} max={STEPS.length} />
      <ol className="steps" aria-label="Training steps">
        {steps.map((s) => <li key={s.step} className={s.status}><span>{s.step.replace(/_/g, ' ')}</span> <Badge tone={s.status === 'in_progress' ? 'warn' : statusTone(s.status === 'complete' ? 'completed' : s.status)}>{s.status.replace('_', ' ')}</Badge> <span className="muted">{s.duration != null ? duration(s.duration) : ''}</span></li>)}
      </ol>
      {result && <TrainingResult r={result} />}
    </article>
  );
}

function TrainingResult({ r }: { r: TrainingReport }) {
  const t = r.metrics?.training ?? {};
  const v = r.metrics?.validation ?? {};
  const fi = [...(r.feature_importance ?? [])].sort((a, b) => (b.importance ?? 0) - (a.importance ?? 0)).slice(0, 15);
  const bins = (r.calibration_curve ?? []).filter((b) => (b.count ?? 0) > 0);
  return (
    <>
      <Facts items={[
        ['Sharpe (backtest)', num(r.sharpe_backtest)], ['Sharpe (validation)', num(r.sharpe_validation)],
        ['Samples', `${r.samples?.total} (train ${r.samples?.train}, validation ${r.samples?.validation})`],
        ['Data', `${r.data?.ticker} ${r.data?.timeframe} ${r.data?.range_start} → ${r.data?.range_end}, validation from ${r.data?.validation_start}`],
      ]} />
      <div className="two">
        <div>
          <h3>Train vs validation</h3>
          <table aria-label="Train and validation metrics">
            <thead><tr><th scope="col">Metric</th><th scope="col">Train</th><th scope="col">Validation</th></tr></thead>
            <tbody>{METRIC_KEYS.map((k) => <tr key={k}><td>{k}</td><td className="num">{num(t[k] as number, 3)}</td><td className="num">{num(v[k] as number, 3)}</td></tr>)}</tbody>
          </table>
        </div>
        <div>
          <h3>Calibration</h3>
          {bins.length === 0 ? <p className="muted">No calibration bins.</p> : (
            <LineChart label="Calibration curve: observed rate against mean predicted probability" xLabel="predicted" yLabel="observed" square
              x={[0, ...bins.map((b) => b.mean_predicted ?? 0), 1]}
              series={[
                { label: 'observed rate', values: [null, ...bins.map((b) => b.observed_rate ?? null), null], color: '#0969da', points: true },
                { label: 'perfect calibration', values: [0, ...bins.map((b) => b.mean_predicted ?? null), 1], color: '#8c959f', dash: true },
              ]} />
          )}
        </div>
      </div>
      <h3>Feature importance (gain)</h3>
      {fi.length > 0 && <BarChart label="Feature importance" labels={fi.map((f) => f.feature!)} values={fi.map((f) => f.importance ?? 0)} valueLabel="importance" />}
    </>
  );
}

const FREQUENCIES = ['1_minute', '5_minutes', '15_minutes', '1_hour', '1_day'];
const TF_FREQUENCY: Record<string, string> = { '1m': '1_minute', '5m': '5_minutes', '15m': '15_minutes', '1h': '1_hour', '1d': '1_day' };

/** The paper recommendation's rules a publication may set (model-service README, docs/paper.md). */
const RULES: [key: string, label: string][] = [
  ['min_trades', 'Min paper trades'],
  ['win_rate_tolerance', 'Win-rate tolerance (0–1)'],
  ['sharpe_fraction_of_backtest', 'Sharpe: fraction of backtest'],
  ['max_drawdown', 'Max drawdown (0–1)'],
  ['max_reconciliation_mismatches', 'Max reconciliation mismatches'],
];

function PublishForm({ modelId, trained }: { modelId: string; trained: TrainedModels }) {
  const model = useLoad((signal) => api<ModelView>(`/api/models/${encodeURIComponent(modelId)}`, { signal }), [modelId]);
  const replays = useLoad((signal) => api<ReplayView[]>('/api/replays', { signal }), []);
  const best = [...(trained.trained_models ?? [])].sort((a, b) => (b.sharpe_validation ?? -1e9) - (a.sharpe_validation ?? -1e9))[0];
  const [choice, setChoice] = useState(best?.id ?? '');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [frequency, setFrequency] = useState('');
  const [maxAlerts, setMaxAlerts] = useState('3');
  const [paperFirst, setPaperFirst] = useState(true);
  const [paperDays, setPaperDays] = useState('14');
  const [rules, setRules] = useState<Record<string, string>>({});
  const [equity, setEquity] = useState('50000');
  const [feed, setFeed] = useState('live');
  const [email, setEmail] = useState('');
  const [hookUrl, setHookUrl] = useState('');
  const [hookSecret, setHookSecret] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(error);
  useEffect(() => { if (!frequency && model.data) setFrequency(TF_FREQUENCY[model.data.timeframe!] ?? '5_minutes'); }, [model.data, frequency]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const body: PublishRequest = {
      trained_model_id: choice,
      publish_settings: { name, description, alert_frequency: frequency, max_alerts_per_day: Number(maxAlerts), paper_trade_first: paperFirst, paper_trade_duration_days: Number(paperDays),
        ...(paperFirst && Object.values(rules).some((v) => v !== '') ? { recommendation_rules: Object.fromEntries(Object.entries(rules).filter(([, v]) => v !== '').map(([k, v]) => [k, Number(v)])) as unknown as Record<string, never> } : {}) },
      paper_equity: Number(equity),
      feed: (feed === 'live' ? 'live' : { replay_id: feed }) as unknown as Record<string, never>,
    };
    try {
      const r = await api<PublishResponse>('/api/published-models', { body });
      const pub = r.published_model!.id!;
      if (email || hookUrl) {
        await api(`/api/alerts/destinations/${pub}`, { method: 'PUT', body: { email: email || null, push: hookUrl ? { url: hookUrl, secret: hookSecret } : null } });
      }
      navigate(`/published/${pub}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const activeReplays = replays.data?.filter((r) => r.status !== 'cancelled' && r.status !== 'failed') ?? [];
  return (
    <form onSubmit={submit} aria-label="Publish" className="form-grid">
      <fieldset className="wide">
        <legend>Trained models: backtest vs validation Sharpe</legend>
        <table>
          <thead><tr><th scope="col">Publish</th><th scope="col">Trained model</th><th scope="col">Combo</th><th scope="col">Sharpe backtest</th><th scope="col">Sharpe validation</th><th scope="col">Change</th><th scope="col">AUC</th></tr></thead>
          <tbody>{trained.trained_models?.map((t) => {
            const drop = (t.sharpe_validation ?? 0) - (t.sharpe_backtest ?? 0);
            return (
              <tr key={t.id}>
                <td><input type="radio" name="trained" aria-label={`Publish ${t.id}`} checked={choice === t.id} onChange={() => setChoice(t.id!)} /></td>
                <td>{t.id}</td><td>{t.combo_id}</td><td className="num">{num(t.sharpe_backtest)}</td><td className="num">{num(t.sharpe_validation)}</td>
                <td className={`num ${drop >= 0 ? 'up' : 'down'}`}>{drop >= 0 ? '+' : ''}{num(drop)}</td><td className="num">{num(t.auc_validation)}</td>
              </tr>
            );
          })}</tbody>
        </table>
        {errors.trained_model_id && <div className="field-error" role="alert">{errors.trained_model_id.message}</div>}
      </fieldset>
      <Field id="pub-name" label="Name" error={errors['publish_settings.name']}>
        <input id="pub-name" required value={name} onChange={(e) => setName(e.target.value)} placeholder="SPY Morning Momentum" />
      </Field>
      <Field id="pub-description" label="Description" error={errors['publish_settings.description']}>
        <input id="pub-description" value={description} onChange={(e) => setDescription(e.target.value)} />
      </Field>
      <Field id="pub-frequency" label="Alert frequency" error={errors['publish_settings.alert_frequency']} hint="the model's timeframe">
        <select id="pub-frequency" value={frequency} onChange={(e) => setFrequency(e.target.value)}>{FREQUENCIES.map((f) => <option key={f}>{f}</option>)}</select>
      </Field>
      <Field id="pub-max" label="Max alerts per day" error={errors['publish_settings.max_alerts_per_day']}>
        <input id="pub-max" type="number" min={1} max={1000} value={maxAlerts} onChange={(e) => setMaxAlerts(e.target.value)} />
      </Field>
      <div className="field"><label><input type="checkbox" checked={paperFirst} onChange={(e) => setPaperFirst(e.target.checked)} /> Paper trade first</label></div>
      <Field id="pub-days" label="Paper trading days" error={errors['publish_settings.paper_trade_duration_days']}>
        <input id="pub-days" type="number" min={1} max={260} value={paperDays} disabled={!paperFirst} onChange={(e) => setPaperDays(e.target.value)} />
      </Field>
      {paperFirst && (
        <fieldset className="wide">
          <legend>Paper recommendation rules (empty: sim-service's defaults)</legend>
          <div className="checks">
            {RULES.map(([key, label]) => (
              <Field key={key} id={`rule-${key}`} label={label} error={errors[`publish_settings.recommendation_rules.${key}`]}>
                <input id={`rule-${key}`} inputMode="decimal" value={rules[key] ?? ''} onChange={(e) => setRules({ ...rules, [key]: e.target.value })} />
              </Field>
            ))}
          </div>
        </fieldset>
      )}
      <Field id="pub-equity" label="Paper equity ($)" error={errors.paper_equity}>
        <input id="pub-equity" inputMode="decimal" value={equity} onChange={(e) => setEquity(e.target.value)} />
      </Field>
      <Field id="pub-feed" label="Feed" error={errors.feed ?? errors['feed.replay_id']} hint={activeReplays.length === 0 ? 'no replay running: start one under Market data' : undefined}>
        <select id="pub-feed" value={feed} onChange={(e) => setFeed(e.target.value)}>
          <option value="live">live bars</option>
          {activeReplays.map((r) => <option key={r.id} value={r.id}>replay {r.tickers?.join(',')} {r.timeframes?.join(',')} {r.from} → {r.to} ({r.status})</option>)}
        </select>
      </Field>
      <fieldset className="wide">
        <legend>Destinations for this model's alerts (optional)</legend>
        <div className="checks">
          <Field id="dest-email" label="E-mail"><input id="dest-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} /></Field>
          <Field id="dest-url" label="Webhook URL"><input id="dest-url" type="url" value={hookUrl} onChange={(e) => setHookUrl(e.target.value)} /></Field>
          <Field id="dest-secret" label="Webhook secret (16+ characters, write-only)"><input id="dest-secret" type="password" autoComplete="new-password" value={hookSecret} onChange={(e) => setHookSecret(e.target.value)} /></Field>
        </div>
      </fieldset>
      {error !== undefined && <div className="wide"><ProblemView error={error} /></div>}
      <div className="wide"><button type="submit" disabled={busy || !choice}>{busy ? 'Publishing…' : 'Publish'}</button></div>
    </form>
  );
}
