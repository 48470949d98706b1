import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** Horizontal-axis labels for category bars: x = 0..n−1, the axis writes the names. */
export function BarChart({ labels, values, label, valueLabel }: { labels: string[]; values: number[]; label: string; valueLabel: string }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const width = el.current.clientWidth || 600;
    const bars = uPlot.paths.bars!({ size: [0.7, 60] });
    const u = new uPlot({
      width, height: 260,
      scales: { x: { time: false, range: [-0.5, labels.length - 0.5] }, y: { range: (_u, _min, max) => [0, max * 1.1 || 1] } },
      axes: [
        { values: (_u, splits) => splits.map((s) => labels[Math.round(s)] ?? ''), splits: () => labels.map((_, i) => i), rotate: labels.length > 6 ? -30 : 0, size: labels.length > 6 ? 90 : 40 } as uPlot.Axis,
        { label: valueLabel },
      ],
      legend: { show: false },
      series: [{}, { label: valueLabel, fill: 'rgba(9,105,218,0.6)', stroke: '#0969da', paths: bars, points: { show: false } }],
    }, [labels.map((_, i) => i), values], el.current);
    const resize = () => u.setSize({ width: el.current?.clientWidth || width, height: 260 });
    window.addEventListener('resize', resize);
    return () => { window.removeEventListener('resize', resize); u.destroy(); };
  }, [labels, values, valueLabel]);
  return <div ref={el} className="uplot-box" role="img" aria-label={label} />;
}

/** Lines over a numeric x axis (calibration curve with its diagonal, paper vs backtest, …). */
export function LineChart({ x, series, label, xLabel, yLabel, square }: {
  x: number[]; series: { label: string; values: (number | null)[]; color: string; dash?: boolean; points?: boolean }[];
  label: string; xLabel: string; yLabel: string; square?: boolean;
}) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const width = Math.min(el.current.clientWidth || 480, square ? 420 : 2000);
    const u = new uPlot({
      width, height: square ? Math.min(width, 360) : 260,
      scales: { x: { time: false, ...(square ? { range: [0, 1] as uPlot.Range.MinMax } : {}) }, y: square ? { range: [0, 1] } : {} },
      axes: [{ label: xLabel }, { label: yLabel }],
      legend: { live: false },
      series: [{ label: xLabel }, ...series.map((s) => ({ label: s.label, stroke: s.color, width: 2, dash: s.dash ? [6, 4] : undefined, points: { show: s.points ?? false, size: 7 } }))],
    }, [x, ...series.map((s) => s.values)] as uPlot.AlignedData, el.current);
    return () => u.destroy();
  }, [x, series, xLabel, yLabel, square]);
  return <div ref={el} className="uplot-box" role="img" aria-label={label} />;
}
