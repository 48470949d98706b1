// Generates src/api/generated/<service>.ts from the services' OpenAPI documents kept in openapi/*.json.
// The documents are snapshots of each service's /v3/api-docs; the browser test (local module,
// WebUiJourneyTest) compares them with the running services, so a changed API fails the build until the
// snapshot (and with it these types) is refreshed: `node scripts/refresh-openapi.mjs` against ./sigmatiq-local.
import fs from 'node:fs';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const inDir = path.join(root, 'openapi');
const outDir = path.join(root, 'src/api/generated');
fs.mkdirSync(outDir, { recursive: true });
for (const file of fs.readdirSync(inDir).filter((f) => f.endsWith('.json')).sort()) {
  const schema = JSON.parse(fs.readFileSync(path.join(inDir, file), 'utf8'));
  const ast = await openapiTS(schema);
  const name = file.replace(/\.json$/, '');
  const banner = `// Generated from openapi/${file} by scripts/generate-api-types.mjs. Do not edit.\n`;
  fs.writeFileSync(path.join(outDir, `${name}.ts`), banner + astToString(ast));
}
