/** Display helpers. Fractions are shown as percent (0.287 → "28.7%"), as the seed's result writes them. */

export function pct(x: number | null | undefined, digits = 1): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  return `${(x * 100).toFixed(digits)}%`;
}

export function num(x: number | null | undefined, digits = 2): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  return x.toFixed(digits);
}

export function int(x: number | null | undefined): string {
  if (x === null || x === undefined) return '—';
  return x.toLocaleString('en-US');
}

export function money(x: number | null | undefined): string {
  if (x === null || x === undefined) return '—';
  return x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return iso.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC');
}

export function duration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 90) return `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`;
  const m = Math.floor(seconds / 60);
  return `${m} min ${Math.round(seconds - m * 60)} s`;
}

/** A configuration value as the seed writes it: lists in brackets, the rest as is. */
export function configValue(v: unknown): string {
  if (Array.isArray(v)) return `[${v.join(', ')}]`;
  if (v === null || v === undefined) return '—';
  return String(v);
}
