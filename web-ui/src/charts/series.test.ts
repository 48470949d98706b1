import { barAtOrBefore, drawdown, seconds, tradeMarkers } from './series';

describe('chart data', () => {
  it('drawdown is equity over the running peak minus one', () => {
    const d = drawdown([100, 110, 99, 121, 110]);
    expect(d[0]).toBe(0);
    expect(d[1]).toBe(0);
    expect(d[2]).toBeCloseTo(99 / 110 - 1, 12);
    expect(d[3]).toBe(0);
    expect(d[4]).toBeCloseTo(110 / 121 - 1, 12);
  });

  it('places entries and exits on the bar they filled in', () => {
    const bars = ['2011-01-03T14:30:00Z', '2011-01-03T14:35:00Z', '2011-01-03T14:40:00Z'].map(seconds);
    expect(barAtOrBefore(bars, bars[0] - 1)).toBe(-1);
    expect(barAtOrBefore(bars, bars[1] + 120)).toBe(1);
    const m = tradeMarkers([{ entry_time: '2011-01-03T14:35:00Z', exit_time: '2011-01-03T14:42:00Z', return: -0.01 }], bars);
    expect(m).toHaveLength(2);
    expect(m[0]).toMatchObject({ time: bars[1], shape: 'arrowUp', position: 'belowBar' });
    expect(m[1]).toMatchObject({ time: bars[2], shape: 'arrowDown', text: 'Sell -1.00%' });
  });
});
