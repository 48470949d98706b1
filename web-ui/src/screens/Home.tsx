import { api } from '../api/client';
import type { ModelList, PublicationList, SweepList } from '../api/types';
import { Link } from '../app/router';
import { Badge, Empty, Loading, Page, ProblemView, statusTone, useLoad } from '../app/ui';
import { dateTime } from '../lib/format';

/** Your models, sweeps and published models: where the journey starts and continues. */
export function HomeScreen() {
  const models = useLoad((signal) => api<ModelList>('/api/models', { signal }), []);
  const sweeps = useLoad((signal) => api<SweepList>('/api/sweeps', { signal }), []);
  const pubs = useLoad((signal) => api<PublicationList>('/api/published-models', { signal }), []);
  return (
    <Page title="Your models" actions={<Link className="button" to="/models/new">New model</Link>}>
      <ProblemView error={models.error} />
      {models.loading && !models.data ? <Loading what="models" /> : models.data?.models?.length === 0 ? (
        <Empty>No models yet. <Link to="/models/new">Create a model</Link> from a pack (e.g. Swing Sigma on SPY), then sweep it.</Empty>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">Models</caption>
            <thead><tr><th scope="col">Model</th><th scope="col">Ticker</th><th scope="col">Strategy</th><th scope="col">Status</th><th scope="col">Next step</th><th scope="col">Created</th></tr></thead>
            <tbody>
              {models.data?.models?.map((m) => (
                <tr key={m.id}>
                  <td><Link to={`/models/${encodeURIComponent(m.id!)}`}>{m.name}</Link> <span className="muted">{m.id}</span></td>
                  <td>{m.ticker} {m.timeframe}</td>
                  <td>{m.strategy_id}</td>
                  <td><Badge tone={statusTone(m.status)}>{m.status}</Badge></td>
                  <td>{m.next_step}</td>
                  <td>{dateTime(m.created_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Recent sweeps</h2>
      <ProblemView error={sweeps.error} />
      {sweeps.data?.sweeps?.length === 0 ? <Empty>No sweeps yet: open a model and choose “Sweep”.</Empty> : (
        <ul className="cards">
          {sweeps.data?.sweeps?.slice(0, 8).map((s) => (
            <li key={s.sweep_id}>
              <Link to={`/sweeps/${s.sweep_id}`}>{s.tag || s.sweep_id}</Link> <Badge tone={statusTone(s.status)}>{s.status}</Badge>
              <div className="muted">{s.model_id} · {s.sweep_type} · {s.total_combinations} combinations · {s.date_range?.start} → {s.date_range?.end}</div>
              {s.status === 'completed' && <Link to={`/sweeps/${s.sweep_id}/leaderboard`}>Leaderboard</Link>}
            </li>
          ))}
        </ul>
      )}
      <h2>Published models</h2>
      <ProblemView error={pubs.error} />
      {pubs.data?.published_models?.length === 0 ? <Empty>Nothing published yet: train configurations from a leaderboard, then publish the best.</Empty> : (
        <ul className="cards">
          {pubs.data?.published_models?.map((p) => (
            <li key={p.id}>
              <Link to={`/published/${p.id}`}>{p.publish_settings?.name}</Link> <Badge tone={statusTone(p.status)}>{p.status}</Badge>
              <div className="muted">{p.trained_model_id} · {p.trained_model?.ticker} {p.trained_model?.timeframe}</div>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
