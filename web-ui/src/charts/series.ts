/** Pure transforms from API shapes to chart data (tested without a browser). */

export interface Bar { time: string; open: number; high: number; low: number; close: number; volume?: number }
export interface TradeLike { entry_time?: string; exit_time?: string; entry_date?: string; exit_date?: string; entry_price?: number; exit_price?: number; return?: number; exit_reason?: string }

/** epoch seconds of an ISO instant or date */
export function seconds(iso: string): number {
  return Math.floor(Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso) / 1000);
}

/** Index of the last bar starting at or before t (bars sorted by time); -1 if none. */
export function barAtOrBefore(times: number[], t: number): number {
  let lo = 0;
  let hi = times.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid] <= t) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}

export interface Marker { time: number; position: 'belowBar' | 'aboveBar'; color: string; shape: 'arrowUp' | 'arrowDown'; text: string }

/** Entry (▲ below the bar) and exit (▼ above) markers, each on the bar it filled in, sorted by time. */
export function tradeMarkers(trades: TradeLike[], barTimes: number[]): Marker[] {
  const out: Marker[] = [];
  // Labels only while they stay readable; the trades table has every figure.
  const labelled = trades.length <= 30;
  for (const t of trades) {
    const entry = t.entry_time ?? t.entry_date;
    const exit = t.exit_time ?? t.exit_date;
    if (entry) {
      const i = barAtOrBefore(barTimes, seconds(entry));
      if (i >= 0) out.push({ time: barTimes[i], position: 'belowBar', color: '#1a7f37', shape: 'arrowUp', text: labelled ? 'Buy' : '' });
    }
    if (exit) {
      const i = barAtOrBefore(barTimes, seconds(exit));
      const win = (t.return ?? 0) >= 0;
      if (i >= 0) out.push({ time: barTimes[i], position: 'aboveBar', color: win ? '#0969da' : '#cf222e', shape: 'arrowDown', text: labelled ? `Sell ${t.return !== undefined ? `${(t.return * 100).toFixed(2)}%` : ''}`.trim() : '' });
    }
  }
  return out.sort((a, b) => a.time - b.time);
}

/** Drawdown of an equity curve: equity / running peak − 1 (≤ 0, −0.118 = 11.8% below the peak). */
export function drawdown(equity: number[]): number[] {
  let peak = -Infinity;
  return equity.map((e) => {
    peak = Math.max(peak, e);
    return peak > 0 ? e / peak - 1 : 0;
  });
}
