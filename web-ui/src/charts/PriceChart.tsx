import { useEffect, useRef } from 'react';
import {
  AreaSeries, CandlestickSeries, ColorType, createChart, createSeriesMarkers, LineSeries, type IChartApi, type UTCTimestamp,
} from 'lightweight-charts';
import { drawdown, seconds, tradeMarkers, type Bar, type TradeLike } from './series';

// TradingView Lightweight Charts™ (Apache-2.0). Its attribution logo stays on (attributionLogo: true, the default),
// and the page footer names and links it, as its licence's NOTICE asks.

function theme() {
  const dark = window.matchMedia?.('(prefers-color-scheme: dark)').matches;
  return {
    layout: { background: { type: ColorType.Solid, color: dark ? '#0d1117' : '#ffffff' }, textColor: dark ? '#c9d1d9' : '#24292f', attributionLogo: true },
    grid: { vertLines: { color: dark ? '#21262d' : '#eaeef2' }, horzLines: { color: dark ? '#21262d' : '#eaeef2' } },
  };
}

/** Candles of the result's period with a ▲ at every entry and a ▼ at every exit. */
export function PriceChart({ bars, trades, label }: { bars: Bar[]; trades: TradeLike[]; label: string }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart: IChartApi = createChart(el.current, { autoSize: true, ...theme(), timeScale: { timeVisible: true, secondsVisible: false } });
    const candles = chart.addSeries(CandlestickSeries, { upColor: '#1a7f37', downColor: '#cf222e', borderVisible: false, wickUpColor: '#1a7f37', wickDownColor: '#cf222e' });
    const times = bars.map((b) => seconds(b.time));
    candles.setData(bars.map((b, i) => ({ time: times[i] as UTCTimestamp, open: b.open, high: b.high, low: b.low, close: b.close })));
    createSeriesMarkers(candles, tradeMarkers(trades, times).map((m) => ({ ...m, time: m.time as UTCTimestamp })));
    chart.timeScale().fitContent();
    return () => chart.remove();
  }, [bars, trades]);
  return <div ref={el} className="chart" role="figure" aria-label={label} />;
}

/** Equity (top pane) and its drawdown (bottom pane, percent). */
export function EquityChart({ points, label }: { points: { date?: string; equity?: number }[]; label: string }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = createChart(el.current, { autoSize: true, ...theme() });
    const data = points.filter((p) => p.date && p.equity !== undefined);
    const times = data.map((p) => seconds(p.date!) as UTCTimestamp);
    const equity = chart.addSeries(LineSeries, { color: '#0969da', lineWidth: 2, title: 'equity' });
    equity.setData(data.map((p, i) => ({ time: times[i], value: p.equity! })));
    const dd = chart.addSeries(AreaSeries, {
      lineColor: '#cf222e', topColor: 'rgba(207,34,46,0.05)', bottomColor: 'rgba(207,34,46,0.35)', lineWidth: 1, title: 'drawdown %',
      priceFormat: { type: 'custom', formatter: (v: number) => `${v.toFixed(2)}%` },
    }, 1);
    const d = drawdown(data.map((p) => p.equity!));
    dd.setData(d.map((v, i) => ({ time: times[i], value: v * 100 })));
    chart.panes()[1]?.setHeight(90);
    chart.timeScale().fitContent();
    return () => chart.remove();
  }, [points]);
  return <div ref={el} className="chart" role="figure" aria-label={label} />;
}
