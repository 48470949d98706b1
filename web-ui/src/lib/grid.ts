/**
 * The sweep grid builders' arithmetic: every parameter is a list of values and the sweep runs their cartesian
 * product, so the number of combinations is the product of the list lengths (the seed's custom sweep:
 * 7·5·5·3·4·3·3 = 18,900).
 */

export type GridValue = number | string | number[];

/** Parses one parameter's text ("0.5, 0.55, 0.6" or "0.45:0.75:0.05") into values; throws with a message. */
export function parseNumbers(text: string): number[] {
  const t = text.trim();
  if (t === '') throw new Error('enter at least one value');
  const range = /^(-?\d*\.?\d+)\s*:\s*(-?\d*\.?\d+)\s*:\s*(\d*\.?\d+)$/.exec(t);
  if (range) {
    const [from, to, step] = [Number(range[1]), Number(range[2]), Number(range[3])];
    if (step <= 0) throw new Error('the step must be above 0');
    if (to < from) throw new Error('the end must not be below the start');
    const n = Math.floor((to - from) / step + 1e-9) + 1;
    if (n > 1000) throw new Error('more than 1000 values');
    const decimals = Math.max(decimalsOf(from), decimalsOf(step));
    return Array.from({ length: n }, (_, i) => Number((from + i * step).toFixed(decimals)));
  }
  const values = t.split(/[\s,;]+/).filter(Boolean).map((s) => {
    const v = Number(s);
    if (!Number.isFinite(v)) throw new Error(`"${s}" is not a number`);
    return v;
  });
  if (new Set(values).size !== values.length) throw new Error('a value is listed twice');
  return values;
}

function decimalsOf(x: number): number {
  const s = String(x);
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

/**
 * Parses allowed hours: "all_day", "morning_only", "afternoon_only" or hour lists in brackets, separated by
 * commas or semicolons outside brackets: `[9, 10]; [9, 10, 11]; all_day`.
 */
export function parseHours(text: string): (string | number[])[] {
  const out: (string | number[])[] = [];
  const re = /\[([^\]]*)\]|([a-z_]+)/g;
  let m: RegExpExecArray | null;
  let rest = text;
  while ((m = re.exec(text)) !== null) {
    if (m[1] !== undefined) {
      const hours = m[1].split(/[\s,]+/).filter(Boolean).map(Number);
      if (hours.length === 0 || hours.some((h) => !Number.isInteger(h) || h < 0 || h > 23)) {
        throw new Error(`[${m[1]}]: hours are whole numbers 0–23`);
      }
      out.push(hours);
    } else {
      out.push(m[2]);
    }
    rest = rest.replace(m[0], '');
  }
  if (/[^\s,;]/.test(rest)) throw new Error(`cannot read "${rest.replace(/[\s,;]+/g, ' ').trim()}"`);
  if (out.length === 0) throw new Error('enter at least one choice');
  return out;
}

/** The number of combinations of a grid: the product of its lists' lengths (0 for an empty grid). */
export function combinations(grid: Record<string, unknown[]>): number {
  const lists = Object.values(grid);
  if (lists.length === 0) return 0;
  return lists.reduce((n, l) => n * l.length, 1);
}
