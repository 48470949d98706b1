// Writes openapi/<service>.json from the running services' /v3/api-docs (ports of ./sigmatiq-local), keys sorted,
// the form the browser test compares against. Usage: node scripts/refresh-openapi.mjs [host]
import fs from 'node:fs';
import path from 'node:path';

const host = process.argv[2] ?? 'http://localhost';
const services = { gateway: 8080, packs: 8081, models: 8082, 'market-data': 8083, sweeps: 8084, training: 8085, alerts: 8086, sim: 8087, pilot: 8088 };
const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const sortKeys = (v) => Array.isArray(v) ? v.map(sortKeys)
  : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])])) : v;
for (const [name, port] of Object.entries(services)) {
  const res = await fetch(`${host}:${port}/v3/api-docs`);
  if (!res.ok) throw new Error(`${name}: ${res.status}`);
  const doc = sortKeys(await res.json());
  delete doc.servers;
  fs.writeFileSync(path.join(root, 'openapi', `${name}.json`), JSON.stringify(doc, null, 2) + '\n');
  console.log(`openapi/${name}.json`);
}
