import { useState } from 'react';
import { api } from '../api/client';
import type { ModelView, SweepResult } from '../api/types';
import { Link, useParams } from '../app/router';
import { Badge, Facts, Loading, Page, ProblemView, useLoad } from '../app/ui';
import { EquityChart, PriceChart } from '../charts/PriceChart';
import type { Bar } from '../charts/series';
import { configValue, dateTime, int, money, num, pct } from '../lib/format';

interface Check { required?: number; actual?: number; pass?: boolean }

/** The metrics the seed's result names, with how each is shown. */
const METRICS: [string, string, (v: number) => string][] = [
  ['total_return', 'Total return', (v) => pct(v, 2)], ['annualized_return', 'Annualized return', (v) => pct(v, 2)],
  ['sharpe_ratio', 'Sharpe', (v) => num(v)], ['sortino_ratio', 'Sortino', (v) => num(v)], ['max_drawdown', 'Max drawdown', (v) => pct(v, 2)],
  ['win_rate', 'Win rate', (v) => pct(v)], ['profit_factor', 'Profit factor', (v) => num(v)], ['total_trades', 'Trades', (v) => int(v)],
  ['avg_trade_duration_days', 'Avg duration (days)', (v) => num(v, 1)], ['best_trade', 'Best trade', (v) => pct(v, 2)],
  ['worst_trade', 'Worst trade', (v) => pct(v, 2)], ['avg_winner', 'Avg winner', (v) => pct(v, 2)], ['avg_loser', 'Avg loser', (v) => pct(v, 2)],
  ['deflated_sharpe', 'Deflated Sharpe', (v) => num(v)],
];

export function ResultScreen() {
  const { id, combo } = useParams();
  const result = useLoad((signal) => api<SweepResult>(`/api/sweeps/${encodeURIComponent(id)}/results/${encodeURIComponent(combo)}`, { signal }), [id, combo]);
  const r = result.data;
  const model = useLoad((signal) => r ? api<ModelView>(`/api/models/${encodeURIComponent(r.model_id!)}`, { signal }) : Promise.resolve(undefined), [r?.model_id]);
  const bars = useLoad(async (signal) => {
    const m = model.data;
    if (!m || !r?.date_range) return undefined;
    const q = new URLSearchParams({ timeframe: m.timeframe!, from: r.date_range.start!, to: r.date_range.end! });
    return api<{ bars: Bar[] }>(`/api/bars/${encodeURIComponent(m.ticker!)}?${q}`, { signal });
  }, [model.data, r?.date_range?.start]);
  const [shown, setShown] = useState(100);
  const metrics = (r?.metrics ?? {}) as unknown as Record<string, number>;
  const gates = (r?.gate_results ?? {}) as { pass?: boolean; checks?: Record<string, Check> };
  const trades = r?.trades ?? [];
  return (
    <Page title={`Result of combination ${combo}`} actions={<Link className="button secondary" to={`/sweeps/${id}/leaderboard`}>Back to the leaderboard</Link>}>
      <ProblemView error={result.error} />
      {!r ? <Loading what="the result (recomputed by the engine)" /> : (
        <>
          <p className="muted">Model <Link to={`/models/${encodeURIComponent(r.model_id!)}`}>{r.model_id}</Link> · {r.date_range?.start} → {r.date_range?.end} · config hash <code>{r.config_hash}</code></p>
          <p>{Object.entries(r.config ?? {}).map(([k, v]) => <span key={k} className="chip">{k} = {configValue(v)}</span>)}</p>
          <h2>Metrics</h2>
          <Facts items={METRICS.filter(([k]) => metrics[k] !== undefined).map(([k, label, f]) => [label, f(metrics[k])])} />
          <h2>Gate checks <Badge tone={gates.pass ? 'ok' : 'bad'}>{gates.pass ? 'PASS' : 'FAIL'}</Badge></h2>
          <div className="table-wrap"><table>
            <thead><tr><th scope="col">Check</th><th scope="col">Required</th><th scope="col">Actual</th><th scope="col">Verdict</th></tr></thead>
            <tbody>{Object.entries(gates.checks ?? {}).map(([k, c]) => (
              <tr key={k}><td>{k}</td><td className="num">{num(c.required, 2)}</td><td className="num">{num(c.actual, 3)}</td><td><Badge tone={c.pass ? 'ok' : 'bad'}>{c.pass ? 'pass' : 'fail'}</Badge></td></tr>
            ))}</tbody>
          </table></div>
          <h2>Price with entries and exits</h2>
          <ProblemView error={bars.error} />
          {bars.data ? <PriceChart bars={bars.data.bars} trades={trades} label={`${model.data?.ticker} ${model.data?.timeframe} price with ${trades.length} trades`} /> : <Loading what="bars" />}
          <h2>Equity and drawdown</h2>
          <EquityChart points={r.equity_curve ?? []} label="Equity curve and drawdown" />
          <h2>Trades ({int(trades.length)})</h2>
          <div className="table-wrap"><table aria-label="Trades">
            <thead><tr><th scope="col">Entry</th><th scope="col">Exit</th><th scope="col">Entry price</th><th scope="col">Exit price</th><th scope="col">Shares</th><th scope="col">P&amp;L</th><th scope="col">Return</th><th scope="col">Days</th><th scope="col">Exit reason</th></tr></thead>
            <tbody>{trades.slice(0, shown).map((t, i) => (
              <tr key={i}><td>{dateTime(t.entry_time ?? t.entry_date)}</td><td>{dateTime(t.exit_time ?? t.exit_date)}</td><td className="num">{money(t.entry_price)}</td><td className="num">{money(t.exit_price)}</td>
                <td className="num">{num(t.shares, 2)}</td><td className="num">{money(t.pnl)}</td><td className={`num ${(t.return ?? 0) >= 0 ? 'up' : 'down'}`}>{pct(t.return, 2)}</td><td className="num">{t.duration_days}</td><td>{t.exit_reason}</td></tr>
            ))}</tbody>
          </table></div>
          {shown < trades.length && <button type="button" className="secondary" onClick={() => setShown(shown + 200)}>Show more trades</button>}
        </>
      )}
    </Page>
  );
}
