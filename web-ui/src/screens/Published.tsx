import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { streamEvents } from '../api/sse';
import type { AlertPage, AlertView, EvaluationPage, PublicationView } from '../api/types';
import { Link, useParams } from '../app/router';
import { Badge, Empty, Facts, Loading, Page, ProblemView, statusTone, useInterval, useLoad } from '../app/ui';
import { dateTime, money, num, pct } from '../lib/format';

/** "live bars", or the replay a publication follows. */
export function feedLabel(feed: unknown): string {
  if (feed && typeof feed === 'object' && 'replay_id' in feed) return `replay ${String((feed as { replay_id: unknown }).replay_id)}`;
  return feed === 'live' || feed === undefined || feed === null ? 'live bars' : String(feed);
}

/** Allowed hours, compact: "all day" for 0–23, else the list. */
export function hoursLabel(hours: number[] | undefined): string {
  if (!hours || hours.length === 0) return '—';
  if (hours.length === 24) return 'all day (0–23)';
  return `[${hours.join(', ')}]`;
}

/** A published model: its lifecycle, the latest evaluation (seed 7.1) and the live alert feed (seed 7.2). */
export function PublishedScreen() {
  const { id } = useParams();
  const pub = useLoad((signal) => api<PublicationView>(`/api/published-models/${encodeURIComponent(id)}`, { signal }), [id]);
  const evaluation = useLoad((signal) => api<EvaluationPage>(`/api/alerts/models/${encodeURIComponent(id)}/evaluations?size=1`, { signal }), [id]);
  const alerts = useLoad((signal) => api<AlertPage>(`/api/alerts?published_model_id=${encodeURIComponent(id)}&size=20`, { signal }), [id]);
  const [actionError, setActionError] = useState<unknown>();
  const [live, setLive] = useState(false);
  // New alerts arrive over server-sent events; deliveries change status afterwards, so the feed also refreshes.
  useEffect(() => {
    const ac = new AbortController();
    setLive(true);
    streamEvents('/api/alerts/stream', (name, data) => {
      if (name !== 'alert') return;
      try {
        const a = JSON.parse(data) as AlertView;
        if (a.model_id === id) alerts.reload();
      } catch { /* ignore */ }
    }, ac.signal).catch(() => undefined).finally(() => setLive(false));
    return () => ac.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);
  useInterval(() => { alerts.reload(); evaluation.reload(); }, 3000, true);
  const act = async (action: string) => {
    setActionError(undefined);
    try {
      pub.set(await api<PublicationView>(`/api/published-models/${encodeURIComponent(id)}/${action}`, { method: 'POST', body: {} }));
    } catch (e) {
      setActionError(e);
    }
  };
  const p = pub.data;
  const e = evaluation.data?.evaluations?.[0];
  return (
    <Page title={p?.publish_settings?.name ?? id} actions={p && (
      <>
        {p.allowed_actions?.map((a) => <button key={a} type="button" className={a === 'retire' ? 'danger' : 'secondary'} onClick={() => act(a)}>{a[0].toUpperCase() + a.slice(1)}</button>)}
        <Link className="button secondary" to={`/paper/${id}`}>Paper results</Link>
      </>
    )}>
      <ProblemView error={pub.error ?? actionError} />
      {!p ? <Loading what="the published model" /> : (
        <Facts items={[
          ['Status', <Badge key="s" tone={statusTone(p.status)}>{p.status}</Badge>], ['Model', <Link key="m" to={`/models/${encodeURIComponent(p.model_id!)}`}>{p.model_id}</Link>],
          ['Trained model', p.trained_model_id], ['Instrument', `${p.trained_model?.ticker} ${p.trained_model?.timeframe}`],
          ['Feed', feedLabel(p.feed)], ['Paper equity', money(p.paper_equity)],
          ['Paper period', p.paper_trade_start ? `${dateTime(p.paper_trade_start)} → ${dateTime(p.paper_trade_end)}` : 'none'],
          ['Max alerts per day', p.publish_settings?.max_alerts_per_day], ['Published', dateTime(p.published_at)],
        ]} />
      )}
      <h2>Latest evaluation</h2>
      <ProblemView error={evaluation.error} />
      {!e ? <Empty>No bar evaluated yet. Alerts start with the model's next closed bar{typeof p?.feed === 'object' ? ' of its replay' : ''}.</Empty> : (
        <div className="two">
          <div>
            <p><time>{dateTime(e.timestamp)}</time> · {e.ticker} · O {e.ohlcv?.open} H {e.ohlcv?.high} L {e.ohlcv?.low} C {e.ohlcv?.close}</p>
            <Facts items={[
              ['Signal', e.prediction?.signal ?? 'none'], ['Confidence', num(e.prediction?.confidence, 3)],
              ['Predicted return', pct(e.prediction?.predicted_return, 2)], ['Predicted duration', `${num(e.prediction?.predicted_duration_days, 1)} days`],
              ['Threshold check', <span key="t">{num(e.thresholds_check?.confidence_threshold)} <Badge tone={e.thresholds_check?.passes ? 'ok' : 'bad'}>{e.thresholds_check?.passes ? 'passes' : 'fails'}</Badge></span>],
              ['Time check', <span key="h">hour {e.time_check?.current_hour} in {hoursLabel(e.time_check?.allowed_hours)} <Badge tone={e.time_check?.passes ? 'ok' : 'bad'}>{e.time_check?.passes ? 'passes' : 'fails'}</Badge></span>],
            ]} />
          </div>
          <div>
            <h3>Indicators</h3>
            <Facts items={Object.entries(e.indicators_calculated ?? {}).map(([k, v]) => [k, num(v as number, 3)])} />
            <h3>Features</h3>
            <Facts items={Object.entries(e.features_calculated ?? {}).map(([k, v]) => [k, num(v as number, 3)])} />
          </div>
        </div>
      )}
      <h2>Alerts <span className="muted">{alerts.data?.total ?? 0} total{live ? ' · live' : ''}</span></h2>
      <ProblemView error={alerts.error} />
      {alerts.data?.alerts?.length === 0 ? <Empty>No alerts yet. A BUY appears when the model's probability clears its threshold in an allowed hour.</Empty> : (
        <div className="table-wrap"><table aria-label="Alert feed">
          <thead><tr><th scope="col">Bar</th><th scope="col">Action</th><th scope="col">Confidence</th><th scope="col">Order</th><th scope="col">Destinations</th></tr></thead>
          <tbody>{alerts.data?.alerts?.map((a) => (
            <tr key={a.alert_id}>
              <td>{dateTime(a.timestamp)}</td>
              <td><Badge tone={a.signal?.action === 'BUY' ? 'ok' : 'warn'}>{a.signal?.action}</Badge> {a.signal?.ticker}</td>
              <td className="num">{num(a.signal?.confidence, 3)}</td>
              <td>{a.order_details?.order_type} {a.order_details?.quantity} @ {money(a.order_details?.entry_price ?? a.order_details?.exit_price)}{a.order_details?.stop_loss ? ` · stop ${money(a.order_details.stop_loss)}` : ''}{a.order_details?.take_profit ? ` · target ${money(a.order_details.take_profit)}` : ''}{a.order_details?.exit_reason ? ` · ${a.order_details.exit_reason}` : ''}</td>
              <td>{a.routing?.destinations?.length ? a.routing.destinations.map((d) => (
                <span key={d.service} className="dest" title={d.last_error ?? undefined}>{d.service} <Badge tone={statusTone(d.status)}>{d.status}</Badge>{d.attempts && d.attempts > 1 ? ` ×${d.attempts}` : ''}</span>
              )) : <span className="muted">none</span>}</td>
            </tr>
          ))}</tbody>
        </table></div>
      )}
    </Page>
  );
}
