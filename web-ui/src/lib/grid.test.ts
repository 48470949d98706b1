import { combinations, parseHours, parseNumbers } from './grid';

describe('sweep grid arithmetic', () => {
  it('counts the seed simple sweep as 45 and the custom one as 18,900 (7·5·5·3·4·3·3)', () => {
    expect(combinations({ thresholds: [0.5, 0.55, 0.6, 0.65, 0.7], allowed_hours: ['all_day', 'morning_only', 'afternoon_only'], position_size_pct: [1, 2, 3] })).toBe(45);
    const custom = {
      thresholds: parseNumbers('0.45, 0.50, 0.55, 0.60, 0.65, 0.70, 0.75'),
      allowed_hours: parseHours('[9, 10]; [9, 10, 11]; [13, 14, 15]; [14, 15, 16]; all_day'),
      position_size_pct: parseNumbers('1:5:1'),
      rsi_period: parseNumbers('14, 21, 28'),
      stop_loss_pct: parseNumbers('4, 6, 8, 10'),
      take_profit_pct: parseNumbers('12, 16, 20'),
      trailing_stop_pct: parseNumbers('3, 5, 7'),
    };
    expect(combinations(custom)).toBe(18900);
    expect(combinations({})).toBe(0);
  });

  it('reads ranges without floating-point drift', () => {
    expect(parseNumbers('0.45:0.75:0.05')).toEqual([0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75]);
    expect(parseNumbers('1:5:2')).toEqual([1, 3, 5]);
  });

  it('names what it cannot read', () => {
    expect(() => parseNumbers('')).toThrow('at least one');
    expect(() => parseNumbers('1, x')).toThrow('"x" is not a number');
    expect(() => parseNumbers('1, 1')).toThrow('twice');
    expect(() => parseNumbers('5:1:1')).toThrow('end');
    expect(() => parseHours('[9, 25]')).toThrow('0–23');
    expect(() => parseHours('[9] ; ???')).toThrow('cannot read');
  });

  it('reads hour lists and named choices in order', () => {
    expect(parseHours('[9, 10]; all_day, morning_only')).toEqual([[9, 10], 'all_day', 'morning_only']);
  });
});
