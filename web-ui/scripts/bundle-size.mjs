// The initial JavaScript of the built app: the scripts index.html loads (module entry and modulepreload links),
// gzipped. Written to target/bundle-size.txt; the build fails above the budget (300 kB, issue 16).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const BUDGET = 300 * 1024;
const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const out = path.join(root, 'target/classes/static');
const html = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
let raw = 0;
let gz = 0;
const lines = [];
for (const file of [...new Set(initial)]) {
  const bytes = fs.readFileSync(path.join(out, file));
  const z = zlib.gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gz += z;
  lines.push(`${file}\t${bytes.length}\t${z}`);
}
const all = fs.readdirSync(path.join(out, 'assets')).filter((f) => f.endsWith('.js'));
const allGz = all.reduce((n, f) => n + zlib.gzipSync(fs.readFileSync(path.join(out, 'assets', f)), { level: 9 }).length, 0);
const report = [
  `initial JavaScript: ${initial.length} file(s), ${(raw / 1024).toFixed(1)} kB, gzipped ${(gz / 1024).toFixed(1)} kB (budget ${BUDGET / 1024} kB)`,
  `all JavaScript (every screen, loaded on demand): ${all.length} files, gzipped ${(allGz / 1024).toFixed(1)} kB`,
  'file\tbytes\tgzipped', ...lines, '',
].join('\n');
fs.writeFileSync(path.join(root, 'target/bundle-size.txt'), report);
console.log(report);
if (gz > BUDGET) {
  console.error(`initial JavaScript ${gz} bytes gzipped exceeds the budget of ${BUDGET}`);
  process.exit(1);
}
