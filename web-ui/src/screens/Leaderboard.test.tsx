import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ParamsContext } from '../app/router';
import { mockFetch, signIn } from '../test/fetchMock';
import { LeaderboardScreen } from './Leaderboard';

function row(rank: number, combo: number) {
  return { rank, combo_id: combo, config: { threshold: 0.5 + combo / 100, allowed_hours: [9, 10, 11], position_size_pct: 2 }, sharpe: 2 - rank / 10, deflated_sharpe: 0.9, return: 0.1, trades: 40, max_drawdown: -0.05, win_rate: 0.55, gate: rank < 3 ? 'PASS' : 'FAIL', failed_checks: rank < 3 ? [] : ['min_sharpe'] };
}

describe('LeaderboardScreen', () => {
  beforeEach(() => {
    signIn();
    history.replaceState(null, '', '/sweeps/s1/leaderboard');
  });

  it('asks the server to sort, filter and page, and trains the ticked rows', async () => {
    const calls = mockFetch((c) => {
      if (c.url.startsWith('/api/sweeps/s1/leaderboard')) {
        const q = new URL(c.url, 'http://x').searchParams;
        const page = Number(q.get('page'));
        return { body: { sweep_id: 's1', model_id: 'm1', total_combinations: 18900, passed_gates: 28, failed_gates: 18872, total_rows: 18900, page, size: 25, sort: q.get('sort'), order: q.get('order'), leaderboard: [row(page * 25 + 1, 15), row(page * 25 + 2, 23), row(page * 25 + 3, 8)] } };
      }
      if (c.url === '/api/training/jobs' && c.method === 'POST') {
        return { status: 202, body: { jobs: [{ job_id: 'j1', combo_id: 15 }, { job_id: 'j2', combo_id: 23 }] } };
      }
      return undefined;
    });
    render(<ParamsContext.Provider value={{ id: 's1' }}><LeaderboardScreen /></ParamsContext.Provider>);
    await screen.findByRole('link', { name: 'Result of combination 15' });
    expect(screen.getByText(/Page 1 of 756/)).toBeTruthy();
    expect(calls.at(-1)!.url).toContain('sort=sharpe&order=desc&page=0&size=25');
    expect(calls.at(-1)!.headers.Authorization).toMatch(/^Bearer /);

    fireEvent.click(screen.getByRole('button', { name: /^Return/ }));
    await waitFor(() => expect(calls.at(-1)!.url).toContain('sort=return&order=desc'));
    fireEvent.click(screen.getByRole('button', { name: /^Return/ }));
    await waitFor(() => expect(calls.at(-1)!.url).toContain('sort=return&order=asc'));

    fireEvent.change(screen.getByLabelText('Gate'), { target: { value: 'PASS' } });
    await waitFor(() => expect(calls.at(-1)!.url).toContain('gate=PASS'));
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(calls.at(-1)!.url).toContain('page=1'));
    await screen.findByText(/Page 2 of/);
    expect(location.search).toContain('page=1');

    fireEvent.click(screen.getByRole('checkbox', { name: 'Select combination 15' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select combination 23' }));
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Train selected' })); });
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.body).toMatchObject({
      model_id: 'm1', sweep_id: 's1',
      selected_configs: [{ combo_id: 15, rank: 26 }, { combo_id: 23, rank: 27 }],
      training_params: { algorithm: 'xgboost', validation_method: 'time_series_split', test_size: 0.2, calibration: 'sigmoid' },
    });
    await waitFor(() => expect(location.pathname + location.search).toBe('/models/m1/training?jobs=j1,j2'));
  });
});

describe('LeaderboardScreen paging of a completed sweep', () => {
  it('fetches the neighbouring pages ahead, so Next shows without asking the server again', async () => {
    signIn();
    history.replaceState(null, '', '/sweeps/s2/leaderboard');
    const calls = mockFetch((c) => {
      if (!c.url.startsWith('/api/sweeps/s2/leaderboard')) return undefined;
      const page = Number(new URL(c.url, 'http://x').searchParams.get('page'));
      return { body: { sweep_id: 's2', model_id: 'm1', status: 'completed', total_rows: 100, page, size: 25, leaderboard: [row(page * 25 + 1, 1000 + page)] } };
    });
    render(<ParamsContext.Provider value={{ id: 's2' }}><LeaderboardScreen /></ParamsContext.Provider>);
    await screen.findByRole('link', { name: 'Result of combination 1000' });
    await waitFor(() => expect(calls.map((c) => new URL(c.url, 'http://x').searchParams.get('page')).sort()).toEqual(['0', '1', '3']));
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('link', { name: 'Result of combination 1001' });
    await waitFor(() => expect(calls.some((c) => c.url.includes('page=2'))).toBe(true)); // the next neighbour, ahead
    expect(calls.filter((c) => c.url.includes('page=1&'))).toHaveLength(1);
    expect(screen.getByTestId('page-time').textContent).toMatch(/shown in \d+ ms/);

    // a sort's first page is asked for when the pointer reaches its header, once
    fireEvent.pointerEnter(screen.getByRole('button', { name: /^Return/ }));
    const returns = () => calls.filter((c) => c.url.includes('sort=return&order=desc&page=0'));
    await waitFor(() => expect(returns()).toHaveLength(1));
    fireEvent.click(screen.getByRole('button', { name: /^Return/ }));
    await screen.findByText(/Page 1 of 4/);
    expect(returns()).toHaveLength(1);
  });
});
