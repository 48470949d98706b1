import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ParamsContext } from '../app/router';
import { mockFetch, signIn } from '../test/fetchMock';
import { coverage, SweepBuilderScreen } from './Sweeps';

const series = [
  { ticker: 'SPY', timeframe: '1m', first: '2011-01-03T09:00:00Z', last: '2011-03-31T23:58:00Z' },
  { ticker: 'SPY', timeframe: '1d', first: '1999-11-01T05:00:00Z', last: '2020-08-28T04:00:00Z' },
];

describe('sweep builder', () => {
  it('limits dates to the series fine enough for the model', () => {
    expect(coverage(series, 'SPY', '5m')).toEqual({ start: '2011-01-03', end: '2011-03-31' });
    expect(coverage(series, 'SPY', '1d')).toEqual({ start: '1999-11-01', end: '2020-08-28' });
    expect(coverage(series, 'QQQ', '5m')).toBeNull();
  });

  it('counts combinations as the grid is edited and posts the seed simple sweep', async () => {
    signIn();
    const calls = mockFetch((c) => {
      if (c.url === '/api/models/m1') return { body: { id: 'm1', name: 'SPY Momentum Swing', ticker: 'SPY', timeframe: '5m', pack_id: 'swingsigma', pack_version: '1.0.0', strategy_id: 'momentum_swing' } };
      if (c.url === '/api/series') return { body: series };
      if (c.url === '/api/packs/swingsigma/versions/1.0.0') return { body: { gates: { quality: { min_trades: 30, min_sharpe: 0.7, max_drawdown_pct: 25, min_win_rate: 40 } } } };
      if (c.url === '/api/sweeps' && (c.body as { parameters: Record<string, unknown> }).parameters['?']) {
        return { status: 400, body: { status: 400, errors: [{ field: 'parameters.?', message: 'unknown', valid_choices: ['thresholds', 'allowed_hours', 'position_size_pct', 'rsi_period'] }] } };
      }
      if (c.url === '/api/sweeps') return { status: 201, body: { sweep_id: 'sw1', total_combinations: 45, status: 'running' } };
      return undefined;
    });
    history.replaceState(null, '', '/models/m1/sweep');
    render(<ParamsContext.Provider value={{ id: 'm1' }}><SweepBuilderScreen /></ParamsContext.Provider>);
    const count = await screen.findByRole('status', { name: 'Combinations' });
    expect(count.textContent).toContain('45 combinations');
    fireEvent.change(screen.getByLabelText('Thresholds'), { target: { value: '0.5, 0.6' } });
    expect(count.textContent).toContain('18 combinations');
    fireEvent.change(screen.getByLabelText('Thresholds'), { target: { value: '0.5, x' } });
    expect(count.textContent).toContain('0 combinations');
    expect(screen.getByText('"x" is not a number')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Thresholds'), { target: { value: '0.50:0.70:0.05' } });
    expect(count.textContent).toContain('45 combinations');
    await waitFor(() => expect((screen.getByLabelText('From') as HTMLInputElement).value).toBe('2011-01-03'));
    expect((screen.getByLabelText('From') as HTMLInputElement).min).toBe('2011-01-03');
    expect((screen.getByLabelText('To') as HTMLInputElement).max).toBe('2011-03-31');
    const run = screen.getByRole('button', { name: 'Run 45 backtests' }) as HTMLButtonElement;
    await waitFor(() => expect((screen.getByLabelText('min_sharpe') as HTMLInputElement).value).toBe('0.7'));
    expect(run.disabled).toBe(false);
    fireEvent.click(run);
    await waitFor(() => expect(location.pathname).toBe('/sweeps/sw1'));
    const post = calls.filter((c) => c.method === 'POST' && !(c.body as { parameters: Record<string, unknown> }).parameters['?']).at(-1)!;
    expect(JSON.stringify(post.body)).toBeTruthy();
    expect(post.body).toMatchObject({
      model_id: 'm1', sweep_type: 'simple', date_range: { start: '2011-01-03', end: '2011-03-31' },
      parameters: { thresholds: [0.5, 0.55, 0.6, 0.65, 0.7], allowed_hours: ['all_day', 'morning_only', 'afternoon_only'], position_size_pct: [1, 2, 3] },
      quality_gates: { min_trades: 30, min_sharpe: 0.7, max_drawdown_pct: 25, min_win_rate: 40 },
    });
  });
});
