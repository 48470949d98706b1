import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { PackContent, PackSummary, PackVersionSummary } from '../api/types';
import { Link, navigate, useParams } from '../app/router';
import { Empty, Facts, Field, Loading, Page, ProblemView, useLoad } from '../app/ui';
import { ApiError } from '../api/client';
import { dateTime } from '../lib/format';

export function PacksScreen() {
  const packs = useLoad((signal) => api<PackSummary[]>('/api/packs', { signal }), []);
  return (
    <Page title="Packs" actions={<Link className="button" to="/packs/upload">Upload a pack</Link>}>
      <ProblemView error={packs.error} />
      {packs.loading && !packs.data ? <Loading what="packs" /> : packs.data?.length === 0 ? (
        <Empty>No packs. <Link to="/packs/upload">Upload one</Link> (six YAML files).</Empty>
      ) : (
        <ul className="cards">
          {packs.data?.map((p) => (
            <li key={p.id}>
              <h2 className="card-title"><Link to={`/packs/${p.id}`}>{p.name}</Link> <span className="muted">{p.id} {p.latest_version}</span></h2>
              <p>{p.description}</p>
              <div className="muted">Strategies: {p.strategies?.join(', ')}</div>
              <Link to={`/models/new?pack=${p.id}`}>New model from this pack</Link>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}

export function PackDetailScreen() {
  const { id } = useParams();
  const pack = useLoad((signal) => api<PackContent>(`/api/packs/${encodeURIComponent(id)}`, { signal }), [id]);
  const versions = useLoad((signal) => api<PackVersionSummary[]>(`/api/packs/${encodeURIComponent(id)}/versions`, { signal }), [id]);
  const p = pack.data;
  return (
    <Page title={p?.pack?.name ?? id} actions={<Link className="button" to={`/models/new?pack=${encodeURIComponent(id)}`}>New model from this pack</Link>}>
      <ProblemView error={pack.error} />
      {!p ? <Loading what="the pack" /> : (
        <>
          <Facts items={[
            ['Id', p.id], ['Version', p.version], ['Author', p.pack?.author], ['Instruments', p.pack?.supported_instruments?.join(', ')],
            ['Tags', p.pack?.tags?.join(', ')], ['Content hash', <code key="h">{p.content_hash?.slice(0, 16)}…</code>],
          ]} />
          <p>{p.pack?.description}</p>
          <h2>Indicators</h2>
          <div className="table-wrap"><table>
            <thead><tr><th scope="col">Id</th><th scope="col">Name</th><th scope="col">Category</th><th scope="col">Parameters</th><th scope="col">Outputs</th></tr></thead>
            <tbody>{p.indicators?.map((i) => (
              <tr key={i.id}><td><code>{i.id}</code></td><td>{i.name}</td><td>{i.category}</td>
                <td>{Object.entries(i.params ?? {}).map(([k, v]) => `${k}=${String(v)}`).join(', ')}</td><td>{i.outputs?.join(', ')}</td></tr>
            ))}</tbody>
          </table></div>
          <h2>Features</h2>
          <div className="table-wrap"><table>
            <thead><tr><th scope="col">Id</th><th scope="col">Name</th><th scope="col">Calculation</th><th scope="col">Type</th></tr></thead>
            <tbody>{p.features?.map((f) => (
              <tr key={f.id}><td><code>{f.id}</code></td><td>{f.name}</td><td><code>{f.calculation}</code></td><td>{f.type}</td></tr>
            ))}</tbody>
          </table></div>
          <h2>Strategies</h2>
          {p.strategies?.map((s) => (
            <article key={s.id} className="card">
              <h3>{s.name} <span className="muted">{s.id}</span></h3>
              <p>{s.description}</p>
              <div className="two">
                <div><h4>Entry</h4><ul>{s.entry_logic?.map((r, i) => <li key={i}><code>{r.rule}</code>{r.weight !== undefined && <span className="muted"> ×{r.weight}</span>}</li>)}</ul></div>
                <div><h4>Exit</h4><ul>{s.exit_logic?.map((r, i) => <li key={i}><code>{r.rule}</code></li>)}</ul></div>
              </div>
            </article>
          ))}
          <h2>Gates</h2>
          <div className="two">
            {Object.entries(p.gates ?? {}).map(([group, checks]) => (
              <div key={group}><h3>{group}</h3><Facts items={Object.entries(checks ?? {}).map(([k, v]) => [k, String(v)])} /></div>
            ))}
          </div>
          <h2>Policies</h2>
          <div className="two">
            {Object.entries(p.policies ?? {}).map(([group, values]) => (
              <div key={group}><h3>{group}</h3><Facts items={Object.entries(values ?? {}).map(([k, v]) => [k, String(v)])} /></div>
            ))}
          </div>
          <h2>Versions</h2>
          <ul>{versions.data?.map((v) => <li key={v.version}>{v.version} · {dateTime(v.created_at)} · {v.uploaded_by ?? 'bundled'}</li>)}</ul>
        </>
      )}
    </Page>
  );
}

const PACK_FILES = ['pack.yaml', 'indicators.yaml', 'features.yaml', 'strategies.yaml', 'gates.yaml', 'policies.yaml'];

export function PackUploadScreen() {
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [stored, setStored] = useState<PackContent>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const form = new FormData();
      for (const f of files) form.append(f.name, f, f.name);
      const p = await api<PackContent>('/api/packs', { method: 'POST', form });
      setStored(p);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const problems = error instanceof ApiError ? error.problem.errors ?? [] : [];
  const missing = PACK_FILES.filter((n) => !files.some((f) => f.name === n));
  return (
    <Page title="Upload a pack">
      <form onSubmit={submit} aria-label="Upload a pack">
        <Field id="pack-files" label="Pack files (YAML)" hint={`Choose the pack's files: ${PACK_FILES.join(', ')}.`}>
          <input id="pack-files" type="file" multiple accept=".yaml,.yml" aria-describedby="pack-files-hint"
            onChange={(e) => { setFiles(Array.from(e.target.files ?? [])); setStored(undefined); setError(undefined); }} />
        </Field>
        {files.length > 0 && <p className="muted">{files.length} file(s): {files.map((f) => f.name).join(', ')}{missing.length > 0 && ` — not chosen: ${missing.join(', ')}`}</p>}
        <button type="submit" disabled={busy || files.length === 0}>{busy ? 'Validating…' : 'Upload'}</button>
      </form>
      {stored && (
        <p className="notice" role="status">Stored {stored.id} {stored.version}. <Link to={`/packs/${stored.id}`}>Open the pack</Link> or <button type="button" className="link" onClick={() => navigate(`/models/new?pack=${stored.id}`)}>create a model from it</button>.</p>
      )}
      {problems.length > 0 ? (
        <div role="alert" className="problem">
          <strong>The engine refused the pack ({problems.length} problem{problems.length === 1 ? '' : 's'}); nothing was stored.</strong>
          <div className="table-wrap"><table aria-label="Pack problems">
            <thead><tr><th scope="col">File</th><th scope="col">Line</th><th scope="col">Column</th><th scope="col">Problem</th></tr></thead>
            <tbody>{problems.map((p, i) => <tr key={i}><td><code>{p.file}</code></td><td>{p.line}</td><td>{p.column}</td><td>{p.message}</td></tr>)}</tbody>
          </table></div>
        </div>
      ) : <ProblemView error={error} />}
    </Page>
  );
}
