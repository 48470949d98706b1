import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client';
import type { PublicationList } from '../api/types';
import { Link, useParams } from '../app/router';
import { Badge, Empty, Facts, Field, fieldErrors, Loading, Page, ProblemView, statusTone, useInterval, useLoad } from '../app/ui';
import { LineChart } from '../charts/UPlotChart';
import { dateTime, money, num, pct } from '../lib/format';

/**
 * Whether a service is routed by the gateway: its route answers anything but the gateway's own "no route" 404.
 * Paper (sim-service) and live (pilot-service) screens wait for their services this way and turn on when they land.
 */
export async function serviceAvailable(probe: string, signal?: AbortSignal): Promise<boolean> {
  try {
    await api(probe, { signal });
    return true;
  } catch (e) {
    if (e instanceof ApiError && e.routeMissing) return false;
    return true;
  }
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' ? v as Json : {});
const list = (v: unknown, key: string): Json[] => Array.isArray(v) ? v as Json[] : Array.isArray(obj(v)[key]) ? obj(v)[key] as Json[] : [];

export function PaperScreen() {
  const { id } = useParams();
  const available = useLoad((signal) => serviceAvailable('/api/sim/accounts', signal), []);
  const pubs = useLoad((signal) => api<PublicationList>('/api/published-models', { signal }), []);
  const pubId = id ?? pubs.data?.published_models?.[0]?.id;
  if (available.loading) return <Page title="Paper trading"><Loading what="paper trading" /></Page>;
  if (!available.data) {
    return (
      <Page title="Paper trading">
        <Empty><span data-testid="service-missing">Paper trading (sim-service, /api/sim) is not running on this platform yet.</span> Alerts of models published with “paper trade first” are kept and routed to it once it runs.</Empty>
      </Page>
    );
  }
  return (
    <Page title="Paper trading">
      {!id && pubs.data?.published_models && pubs.data.published_models.length > 1 && (
        <p>Published models: {pubs.data.published_models.map((p) => <Link key={p.id} to={`/paper/${p.id}`} className="chip">{p.publish_settings?.name}</Link>)}</p>
      )}
      {pubId ? <PaperAccount publishedId={pubId} /> : <Empty>Nothing published yet. Publish a trained model with “paper trade first”.</Empty>}
    </Page>
  );
}

function PaperAccount({ publishedId }: { publishedId: string }) {
  const accounts = useLoad((signal) => api<unknown>(`/api/sim/accounts?published_model_id=${encodeURIComponent(publishedId)}`, { signal }), [publishedId]);
  const account = list(accounts.data, 'accounts')[0];
  const accountId = account ? String(account.id ?? account.account_id ?? '') : '';
  const detail = useLoad((signal) => accountId ? api<Json>(`/api/sim/accounts/${accountId}`, { signal }) : Promise.resolve(undefined), [accountId]);
  const trades = useLoad((signal) => accountId ? api<unknown>(`/api/sim/accounts/${accountId}/trades`, { signal }) : Promise.resolve(undefined), [accountId]);
  const equity = useLoad((signal) => accountId ? api<unknown>(`/api/sim/accounts/${accountId}/equity`, { signal }) : Promise.resolve(undefined), [accountId]);
  const perf = useLoad((signal) => accountId ? api<Json>(`/api/sim/accounts/${accountId}/performance`, { signal }) : Promise.resolve(undefined), [accountId]);
  if (accounts.error) return <ProblemView error={accounts.error} />;
  if (!accounts.data) return <Loading what="the paper account" />;
  if (!account) return <Empty>No paper account for this model yet: it opens with the model's first paper alert.</Empty>;
  const d = detail.data ?? account;
  const curve = list(equity.data, 'equity_curve').length ? list(equity.data, 'equity_curve') : list(equity.data, 'points');
  const results = obj(perf.data?.paper_trading_results);
  const comparison = obj(perf.data?.comparison_to_backtest);
  return (
    <>
      <Facts items={Object.entries(d).filter(([, v]) => typeof v !== 'object').map(([k, v]) => [k, typeof v === 'number' ? money(v) : String(v)])} />
      <h2>Positions</h2>
      {list(d, 'positions').length === 0 ? <Empty>No open position.</Empty> : (
        <table><thead><tr><th scope="col">Ticker</th><th scope="col">Quantity</th><th scope="col">Entry</th><th scope="col">Last</th><th scope="col">Unrealized</th></tr></thead>
          <tbody>{list(d, 'positions').map((p, i) => <tr key={i}><td>{String(p.ticker)}</td><td>{String(p.quantity)}</td><td>{money(p.entry_price as number)}</td><td>{money(p.current_price as number)}</td><td>{money(p.unrealized_pnl as number)}</td></tr>)}</tbody></table>
      )}
      <h2>Equity: paper against the backtest of the same period</h2>
      {curve.length > 0 ? (
        <LineChart label="Paper equity against backtest equity" xLabel="day" yLabel="equity" x={curve.map((_, i) => i)}
          series={[
            { label: 'paper', values: curve.map((p) => (p.equity ?? p.paper) as number ?? null), color: '#0969da' },
            { label: 'backtest', values: curve.map((p) => (p.backtest_equity ?? p.backtest ?? null) as number | null), color: '#8c959f', dash: true },
          ]} />
      ) : <Empty>No equity yet.</Empty>}
      <h2>Trades</h2>
      {list(trades.data, 'trades').length === 0 ? <Empty>No fills yet.</Empty> : (
        <table aria-label="Paper trades"><thead><tr><th scope="col">Trade</th><th scope="col">Alert</th><th scope="col">Status</th><th scope="col">Fill</th><th scope="col">Time</th><th scope="col">Slippage</th></tr></thead>
          <tbody>{list(trades.data, 'trades').map((t, i) => { const x = obj(t.execution); return <tr key={i}><td>{String(t.paper_trade_id)}</td><td>{String(t.alert_id)}</td><td><Badge tone={statusTone(String(x.status))}>{String(x.status)}</Badge></td><td>{money(x.fill_price as number)}</td><td>{dateTime(x.fill_time as string)}</td><td>{num(x.slippage as number)}</td></tr>; })}</tbody></table>
      )}
      <h2>Performance {perf.data?.recommendation ? <Badge tone={String(perf.data.recommendation).startsWith('APPROVE') ? 'ok' : 'warn'}>{String(perf.data.recommendation)}</Badge> : null}</h2>
      <ProblemView error={perf.error} />
      <div className="two">
        <Facts items={Object.entries(results).map(([k, v]) => [k, typeof v === 'number' && Math.abs(v) < 1 && k !== 'sharpe_ratio' ? pct(v, 2) : String(v)])} />
        <table aria-label="Paper against backtest"><thead><tr><th scope="col">Figure</th><th scope="col">Backtest</th><th scope="col">Paper</th><th scope="col">Difference</th></tr></thead>
          <tbody>{Object.entries(comparison).map(([k, v]) => { const c = obj(v); return <tr key={k}><td>{k}</td><td>{String(c.backtest)}</td><td>{String(c.paper)}</td><td>{String(c.difference)}</td></tr>; })}</tbody></table>
      </div>
    </>
  );
}

export function LiveScreen() {
  const available = useLoad((signal) => serviceAvailable('/api/pilot/accounts', signal), []);
  if (available.loading) return <Page title="Live trading"><Loading what="live trading" /></Page>;
  if (!available.data) {
    return (
      <Page title="Live trading">
        <Empty><span data-testid="service-missing">Live trading (pilot-service, /api/pilot) is not running on this platform yet.</span> A model becomes eligible after paper trading recommends it.</Empty>
      </Page>
    );
  }
  return <LiveAccounts />;
}

/** The account form's limits: seed 8.1's two caps and the other hard limits of DESIGN §7, all required by pilot-service. */
const LIMIT_FIELDS: [key: string, label: string, initial: string][] = [
  ['max_capital', 'Max capital ($)', '50000'],
  ['max_position_size', 'Max position ($)', '5000'],
  ['max_open_positions', 'Max open positions', '3'],
  ['daily_loss_limit', 'Daily loss limit ($)', '1000'],
  ['max_orders_per_minute', 'Max orders per minute', '10'],
  ['price_band_pct', 'Price band (%)', '5'],
];

function LiveAccounts() {
  const accounts = useLoad((signal) => api<unknown>('/api/pilot/accounts', { signal }), []);
  const orders = useLoad((signal) => api<unknown>('/api/pilot/orders', { signal }), []);
  const pubs = useLoad((signal) => api<PublicationList>('/api/published-models', { signal }), []);
  const [broker, setBroker] = useState('fix');
  const [accountId, setAccountId] = useState('');
  const [secret, setSecret] = useState('');
  const [keyId, setKeyId] = useState('');
  const [connection, setConnection] = useState({ host: '', port: '', sender_comp_id: '', target_comp_id: '', base_url: '' });
  const [limits, setLimits] = useState<Record<string, string>>(() => Object.fromEntries(LIMIT_FIELDS.map(([k, , v]) => [k, v])));
  const [error, setError] = useState<unknown>();
  const [approval, setApproval] = useState({ model: '', account: '', confirm: false });
  const [approvalError, setApprovalError] = useState<unknown>();
  const [approved, setApproved] = useState<string>();
  // orders and connection states change at the broker: keep them fresh while the screen is open
  useInterval(() => { orders.reload(); accounts.reload(); }, 3000, true);
  const errors = fieldErrors(error);
  const add = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    const fix = broker === 'fix';
    const conn = fix
      ? (connection.host ? { host: connection.host, port: Number(connection.port), sender_comp_id: connection.sender_comp_id || undefined, target_comp_id: connection.target_comp_id || undefined } : undefined)
      : { base_url: connection.base_url };
    const creds = fix ? (secret ? { password: secret } : undefined)
      : broker === 'alpaca' ? { api_key_id: keyId, api_secret_key: secret } : undefined;
    try {
      await api('/api/pilot/accounts', { body: { broker, account_id: accountId, connection: conn, credentials: creds,
        limits: Object.fromEntries(Object.entries(limits).filter(([, v]) => v !== '').map(([k, v]) => [k, Number(v)])) } });
      setSecret('');
      setKeyId('');
      accounts.reload();
    } catch (err) { setError(err); }
  };
  const kill = async (id: string, engaged: boolean) => {
    try { await api(`/api/pilot/accounts/${id}/kill-switch`, { body: { engaged } }); accounts.reload(); } catch (err) { setError(err); }
  };
  const accs = list(accounts.data, 'accounts');
  const approve = async (e: FormEvent) => {
    e.preventDefault();
    setApprovalError(undefined);
    const acc = accs.find((a) => String(a.id) === approval.account);
    const caps = obj(acc?.limits);
    try {
      await api('/api/pilot/approvals', { body: {
        model_id: approval.model, paper_trading_complete: true, paper_performance_acceptable: true, user_approval: approval.confirm,
        live_settings: { broker: acc?.broker, account_id: acc?.account_id, max_capital: caps.max_capital, max_position_size: caps.max_position_size, enable_sigma_pilot: true },
        go_live_date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      } });
      setApproved(approval.model);
    } catch (err) { setApprovalError(err); }
  };
  const approvalErrors = fieldErrors(approvalError);
  const eligible = (pubs.data?.published_models ?? []).filter((p) => p.status !== 'live');
  return (
    <Page title="Live trading">
      <ProblemView error={accounts.error} />
      <h2>Accounts</h2>
      {accs.length === 0 ? <Empty>No broker account. Add one below (credentials are write-only).</Empty> : (
        <table aria-label="Live accounts"><thead><tr><th scope="col">Account</th><th scope="col">Broker</th><th scope="col">Connection</th><th scope="col">Limits</th><th scope="col">Kill switch</th></tr></thead>
          <tbody>{accs.map((a) => { const id = String(a.id); const killed = Boolean(a.kill_switch); const c = obj(a.connection); return (
            <tr key={id}><td>{String(a.account_id)}</td><td>{String(a.broker)}</td>
              <td><Badge tone={a.connection_state === 'connected' ? 'ok' : 'warn'}>{String(a.connection_state ?? '—')}</Badge> {c.host ? `${String(c.host)}:${String(c.port)}` : String(c.base_url ?? '')}</td>
              <td>{Object.entries(obj(a.limits)).map(([k, v]) => `${k}=${String(v)}`).join(', ')}</td>
              <td><button type="button" className={killed ? 'secondary' : 'danger'} onClick={() => kill(id, !killed)} aria-label={`${killed ? 'Release the kill switch of' : 'Kill switch of'} ${String(a.account_id)}`}>{killed ? 'Release kill switch' : 'Kill switch'}</button></td></tr>); })}</tbody></table>
      )}
      <form onSubmit={add} aria-label="Add a broker account" className="form-grid">
        <Field id="broker" label="Broker" error={errors.broker}><select id="broker" value={broker} onChange={(e) => setBroker(e.target.value)}><option>fix</option><option>alpaca</option><option>interactive_brokers</option></select></Field>
        <Field id="account-id" label="Account id" error={errors.account_id}><input id="account-id" value={accountId} onChange={(e) => setAccountId(e.target.value)} placeholder="DU123456" /></Field>
        {broker === 'fix' ? (<>
          <Field id="fix-host" label="FIX host" error={errors['connection.host'] ?? errors.connection} hint="Empty: local mode's local broker, which fills against the feeds' bars."><input id="fix-host" value={connection.host} onChange={(e) => setConnection({ ...connection, host: e.target.value })} placeholder="local broker" /></Field>
          <Field id="fix-port" label="FIX port" error={errors['connection.port']}><input id="fix-port" inputMode="numeric" value={connection.port} onChange={(e) => setConnection({ ...connection, port: e.target.value })} /></Field>
          <Field id="fix-sender" label="SenderCompID" error={errors['connection.sender_comp_id']}><input id="fix-sender" value={connection.sender_comp_id} onChange={(e) => setConnection({ ...connection, sender_comp_id: e.target.value })} /></Field>
          <Field id="fix-target" label="TargetCompID" error={errors['connection.target_comp_id']}><input id="fix-target" value={connection.target_comp_id} onChange={(e) => setConnection({ ...connection, target_comp_id: e.target.value })} /></Field>
        </>) : (
          <Field id="base-url" label="API base URL" error={errors['connection.base_url'] ?? errors.connection}><input id="base-url" value={connection.base_url} onChange={(e) => setConnection({ ...connection, base_url: e.target.value })} placeholder="https://paper-api.alpaca.markets" /></Field>
        )}
        {broker === 'alpaca' && <Field id="key-id" label="API key id (write-only)" error={errors.credentials}><input id="key-id" type="password" autoComplete="off" value={keyId} onChange={(e) => setKeyId(e.target.value)} /></Field>}
        {broker !== 'interactive_brokers' && <Field id="credentials" label={broker === 'fix' ? 'Password (write-only)' : 'API secret key (write-only)'} error={errors.credentials}><input id="credentials" type="password" autoComplete="off" value={secret} onChange={(e) => setSecret(e.target.value)} /></Field>}
        {LIMIT_FIELDS.map(([k, label]) => (
          <Field key={k} id={`limit-${k}`} label={label} error={errors[`limits.${k}`]}><input id={`limit-${k}`} inputMode="decimal" value={limits[k]} onChange={(e) => setLimits({ ...limits, [k]: e.target.value })} /></Field>
        ))}
        <div className="wide"><ProblemView error={error} /><button type="submit">Add account</button></div>
      </form>
      <h2>Approve a model for live trading</h2>
      <form onSubmit={approve} aria-label="Live approval" className="form-grid">
        <Field id="approve-model" label="Published model" error={approvalErrors.model_id}><select id="approve-model" value={approval.model} onChange={(e) => setApproval({ ...approval, model: e.target.value })}><option value="">choose…</option>{eligible.map((p) => <option key={p.id} value={p.id}>{p.publish_settings?.name} ({p.status})</option>)}</select></Field>
        <Field id="approve-account" label="Account" error={approvalErrors['live_settings.account_id']}><select id="approve-account" value={approval.account} onChange={(e) => setApproval({ ...approval, account: e.target.value })}><option value="">choose…</option>{accs.map((a) => <option key={String(a.id)} value={String(a.id)}>{String(a.account_id)} ({String(a.broker)})</option>)}</select></Field>
        <div className="field"><label><input type="checkbox" checked={approval.confirm} onChange={(e) => setApproval({ ...approval, confirm: e.target.checked })} /> I approve live trading with real orders</label></div>
        <div className="wide"><ProblemView error={approvalError} />{approved && <p className="notice" role="status">Approved {approved}: its alerts become orders from now on.</p>}<button type="submit" disabled={!approval.model || !approval.account}>Approve</button></div>
      </form>
      <h2>Orders</h2>
      <ProblemView error={orders.error} />
      {list(orders.data, 'orders').length === 0 ? <Empty>No live orders yet: an approved model's next alert becomes one.</Empty> : (
        <table aria-label="Live orders"><thead><tr><th scope="col">Alert</th><th scope="col">Order</th><th scope="col">Status</th><th scope="col">Fill</th><th scope="col">History</th></tr></thead>
          <tbody>{list(orders.data, 'orders').map((o, i) => { const x = obj(o.execution); return (
            <tr key={i}><td>{String(o.alert_id)}</td><td>{String(o.side)} {String(o.quantity)} {String(o.ticker)} {String(o.order_type)}{o.limit_price != null ? ` @ ${money(o.limit_price as number)}` : ''}{o.broker_order_id ? ` · ${String(o.broker_order_id)}` : ''}</td>
              <td><Badge tone={statusTone(String(x.status))}>{String(x.status ?? o.state)}</Badge></td>
              <td>{x.fill_price != null ? `${String(x.filled_quantity)} @ ${money(x.fill_price as number)} ${dateTime(x.fill_time as string)} · commission ${money(x.commission as number)}` : '—'}</td>
              <td>{(Array.isArray(o.history) ? o.history as Json[] : []).map((h) => String(h.state)).join(' → ')}</td></tr>); })}</tbody></table>
      )}
    </Page>
  );
}
