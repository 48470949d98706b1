import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { ImportReport, ReplayView, SeriesView } from '../api/types';
import { Badge, Empty, Field, fieldErrors, Loading, Page, ProblemView, ProgressBar, statusTone, useInterval, useLoad } from '../app/ui';
import { dateTime, int } from '../lib/format';

/** Operators: series coverage, imports with their reports, replays (start, speed, progress, cancel). */
export function MarketDataScreen() {
  const series = useLoad((signal) => api<SeriesView[]>('/api/series', { signal }), []);
  const imports = useLoad((signal) => api<ImportReport[]>('/api/imports', { signal }), []);
  const replays = useLoad((signal) => api<ReplayView[]>('/api/replays', { signal }), []);
  const running = replays.data?.some((r) => r.status === 'running' || r.status === 'queued' || r.status === 'pending') ?? false;
  useInterval(replays.reload, 1000, running);
  return (
    <Page title="Market data">
      <h2>Series</h2>
      <ProblemView error={series.error} />
      {!series.data ? <Loading what="series" /> : series.data.length === 0 ? <Empty>No bars stored. Import a CSV below.</Empty> : (
        <div className="table-wrap"><table aria-label="Series coverage">
          <thead><tr><th scope="col">Ticker</th><th scope="col">Timeframe</th><th scope="col">Bars</th><th scope="col">First</th><th scope="col">Last</th><th scope="col">Split-adjusted</th></tr></thead>
          <tbody>{series.data.map((s) => <tr key={`${s.ticker}-${s.timeframe}`}><td>{s.ticker}</td><td>{s.timeframe}</td><td className="num">{int(s.bars)}</td><td>{dateTime(s.first)}</td><td>{dateTime(s.last)}</td><td>{s.prices_split_adjusted ? 'yes' : 'no'}</td></tr>)}</tbody>
        </table></div>
      )}
      <h2>Replays</h2>
      <ReplayForm onStarted={replays.reload} />
      <ProblemView error={replays.error} />
      {replays.data?.length === 0 ? <Empty>No replay. Start one to feed published models with history at any speed.</Empty> : (
        <ul className="cards">{replays.data?.map((r) => <ReplayCard key={r.id} r={r} onChange={replays.reload} />)}</ul>
      )}
      <h2>Imports</h2>
      <ImportForm onImported={() => { imports.reload(); series.reload(); }} />
      <ProblemView error={imports.error} />
      {imports.data?.length === 0 ? <Empty>No imports yet.</Empty> : (
        <div className="table-wrap"><table aria-label="Import reports">
          <thead><tr><th scope="col">File</th><th scope="col">Series</th><th scope="col">Status</th><th scope="col">Rows read</th><th scope="col">Stored</th><th scope="col">Skipped</th><th scope="col">Problems</th><th scope="col">Imported</th></tr></thead>
          <tbody>{imports.data?.map((i) => (
            <tr key={i.import_id}><td>{i.file_name}</td><td>{i.ticker} {i.timeframe}</td><td><Badge tone={statusTone(i.status === 'imported' ? 'completed' : i.status)}>{i.status}</Badge></td>
              <td className="num">{int(i.rows_read)}</td><td className="num">{int(i.bars_stored)}</td><td className="num">{int(i.rows_skipped)}</td>
              <td>{i.problem_count ? <details><summary>{i.problem_count}</summary><ul>{i.problems?.slice(0, 20).map((p, k) => <li key={k}>line {p.line}: {p.reason}</li>)}</ul></details> : 0}</td><td>{dateTime(i.imported_at)}</td></tr>
          ))}</tbody>
        </table></div>
      )}
    </Page>
  );
}

function ReplayCard({ r, onChange }: { r: ReplayView; onChange: () => void }) {
  const [error, setError] = useState<unknown>();
  const active = r.status === 'running' || r.status === 'queued' || r.status === 'pending';
  const cancel = async () => {
    try { await api(`/api/replays/${r.id}/cancel`, { method: 'POST' }); onChange(); } catch (e) { setError(e); }
  };
  return (
    <li>
      <strong>{r.tickers?.join(', ')} {r.timeframes?.join(', ')}</strong> {r.from} → {r.to} at {r.speed} <Badge tone={statusTone(r.status)}>{r.status}</Badge>
      <ProgressBar label={`Replay ${r.id} progress`} value={r.position ?? 0} max={r.total ?? 0} />
      <span className="muted">{r.total ? `${int(r.position)} of ${int(r.total)} bars` : active ? 'starting…' : `${int(r.position)} bars`} · {r.id}</span>
      {r.error && <div className="problem" role="alert">{r.error}</div>}
      {active && <button type="button" className="danger" onClick={cancel}>Cancel replay</button>}
      <ProblemView error={error} />
    </li>
  );
}

function ReplayForm({ onStarted }: { onStarted: () => void }) {
  const [tickers, setTickers] = useState('SPY');
  const [timeframes, setTimeframes] = useState('5m');
  const [from, setFrom] = useState('2011-03-01');
  const [to, setTo] = useState('2011-03-31');
  const [speed, setSpeed] = useState('3000x');
  const [extended, setExtended] = useState(true);
  const [error, setError] = useState<unknown>();
  const errors = fieldErrors(error);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      await api('/api/replays', { body: { tickers: tickers.split(/[\s,]+/).filter(Boolean), timeframes: timeframes.split(/[\s,]+/).filter(Boolean), from, to, speed, extended } });
      onStarted();
    } catch (err) { setError(err); }
  };
  return (
    <form onSubmit={submit} aria-label="Start a replay" className="toolbar">
      <Field id="replay-tickers" label="Tickers" error={errors.tickers}><input id="replay-tickers" value={tickers} onChange={(e) => setTickers(e.target.value)} size={8} /></Field>
      <Field id="replay-timeframes" label="Timeframes" error={errors.timeframes}><input id="replay-timeframes" value={timeframes} onChange={(e) => setTimeframes(e.target.value)} size={6} /></Field>
      <Field id="replay-from" label="From" error={errors.from}><input id="replay-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} /></Field>
      <Field id="replay-to" label="To" error={errors.to}><input id="replay-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} /></Field>
      <Field id="replay-speed" label="Speed" error={errors.speed} hint="1 = real time, 3000x, max"><input id="replay-speed" value={speed} onChange={(e) => setSpeed(e.target.value)} size={6} /></Field>
      <div className="field"><label><input type="checkbox" checked={extended} onChange={(e) => setExtended(e.target.checked)} /> Extended hours</label></div>
      <button type="submit">Start replay</button>
      <ProblemView error={error} />
    </form>
  );
}

function ImportForm({ onImported }: { onImported: () => void }) {
  const [file, setFile] = useState<File>();
  const [ticker, setTicker] = useState('');
  const [timeframe, setTimeframe] = useState('');
  const [zone, setZone] = useState('America/New_York');
  const [convention, setConvention] = useState('start');
  const [mode, setMode] = useState('skip');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [report, setReport] = useState<ImportReport>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setError(undefined);
    setReport(undefined);
    setBusy(true);
    const form = new FormData();
    form.append('file', file, file.name);
    const q = new URLSearchParams({ source_zone: zone, bar_convention: convention, mode });
    if (ticker) q.set('ticker', ticker);
    if (timeframe) q.set('timeframe', timeframe);
    try {
      setReport(await api<ImportReport>(`/api/imports?${q}`, { method: 'POST', form }));
      onImported();
    } catch (err) { setError(err); } finally { setBusy(false); }
  };
  return (
    <form onSubmit={submit} aria-label="Import bars" className="toolbar">
      <Field id="import-file" label="CSV file"><input id="import-file" type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0])} /></Field>
      <Field id="import-ticker" label="Ticker"><input id="import-ticker" value={ticker} onChange={(e) => setTicker(e.target.value)} size={6} /></Field>
      <Field id="import-timeframe" label="Timeframe"><input id="import-timeframe" value={timeframe} onChange={(e) => setTimeframe(e.target.value)} size={4} placeholder="auto" /></Field>
      <Field id="import-zone" label="Source time zone"><input id="import-zone" value={zone} onChange={(e) => setZone(e.target.value)} size={16} /></Field>
      <Field id="import-convention" label="Bar time is"><select id="import-convention" value={convention} onChange={(e) => setConvention(e.target.value)}><option value="start">bar start</option><option value="end">bar end</option></select></Field>
      <Field id="import-mode" label="Bad rows"><select id="import-mode" value={mode} onChange={(e) => setMode(e.target.value)}><option value="skip">skip them</option><option value="refuse">refuse the file</option></select></Field>
      <button type="submit" disabled={!file || busy}>{busy ? 'Importing…' : 'Import'}</button>
      {report && (
        <div className="notice" role="status" aria-label="Import report">
          {report.file_name}: {report.status}, {int(report.rows_read)} rows read, {int(report.bars_stored)} bars stored, {int(report.rows_skipped)} skipped
          {report.problems && report.problems.length > 0 && <ul>{report.problems.slice(0, 20).map((p, k) => <li key={k}>line {p.line}: {p.reason} <code>{p.text}</code></li>)}</ul>}
        </div>
      )}
      <ProblemView error={error} />
    </form>
  );
}
