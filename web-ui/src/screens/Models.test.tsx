import { mockFetch, signIn } from '../test/fetchMock';
import { overrideKeys, overrideValue } from './Models';

describe('new model form', () => {
  it('offers the override keys pack-service lists for the strategy of the pack version', async () => {
    signIn();
    const calls = mockFetch((c) => c.url === '/api/packs/swingsigma/versions/1.0.0/strategies/momentum_swing/parameters'
      ? { body: { pack_id: 'swingsigma', version: '1.0.0', strategy_id: 'momentum_swing', parameters: [
        { key: 'threshold', default_value: 1 }, { key: 'allowed_hours', default_value: 'all_day' }, { key: 'rsi_period', default_value: 14 }] } }
      : undefined);
    expect(await overrideKeys('swingsigma', '1.0.0', 'momentum_swing')).toEqual(['threshold', 'allowed_hours', 'rsi_period']);
    expect(calls.map((c) => c.method)).toEqual(['GET']);
    await expect(overrideKeys('swingsigma', '1.0.0', 'nope')).rejects.toBeTruthy();
  });

  it('reads override values as numbers, booleans, hour lists or text', () => {
    expect(overrideValue('0.65')).toBe(0.65);
    expect(overrideValue('true')).toBe(true);
    expect(overrideValue('[9, 10]')).toEqual([9, 10]);
    expect(overrideValue('all_day')).toBe('all_day');
  });
});
