import { render, screen, waitFor } from '@testing-library/react';
import { ParamsContext } from '../app/router';
import { mockFetch, signIn } from '../test/fetchMock';
import { LiveScreen, PaperScreen, serviceAvailable } from './Pending';

describe('screens of services that may not be there yet', () => {
  it('tells the gateway\'s missing route from the service\'s own answers', async () => {
    signIn();
    mockFetch((c) => {
      if (c.url === '/api/sim/accounts') return { status: 404, body: { status: 404, title: 'Not Found', detail: 'No static resource api/sim/accounts.' } };
      if (c.url === '/api/pilot/accounts') return { status: 403, body: { status: 403, title: 'Forbidden' } };
      return undefined;
    });
    expect(await serviceAvailable('/api/sim/accounts')).toBe(false);
    expect(await serviceAvailable('/api/pilot/accounts')).toBe(true);
  });

  it('paper and live say what is missing while sim-service and pilot-service are not routed', async () => {
    signIn();
    mockFetch(() => undefined); // every path: the gateway's "No static resource" 404
    render(<ParamsContext.Provider value={{ id: 'pub_1' }}><PaperScreen /></ParamsContext.Provider>);
    expect((await screen.findByTestId('service-missing')).textContent).toContain('sim-service');
    render(<LiveScreen />);
    await waitFor(() => expect(screen.getAllByTestId('service-missing')).toHaveLength(2));
    expect(screen.getAllByTestId('service-missing')[1].textContent).toContain('pilot-service');
  });

  it('paper shows the account, its trades and the recommendation once sim-service answers', async () => {
    signIn();
    mockFetch((c) => {
      if (c.url === '/api/sim/accounts') return { body: { accounts: [] } };
      if (c.url === '/api/sim/accounts?published_model_id=pub_1') return { body: { accounts: [{ id: 'acc1', equity: 50015.84, cash: 40038.4, positions: [{ ticker: 'SPY', quantity: 22, entry_price: 453.48, current_price: 454.2, unrealized_pnl: 15.84 }] }] } };
      if (c.url === '/api/sim/accounts/acc1') return { body: { id: 'acc1', equity: 50015.84, positions: [{ ticker: 'SPY', quantity: 22, entry_price: 453.48, current_price: 454.2, unrealized_pnl: 15.84 }] } };
      if (c.url === '/api/sim/accounts/acc1/trades') return { body: { trades: [{ paper_trade_id: 'sim_1', alert_id: 'alert_1', execution: { status: 'filled', fill_price: 453.48, fill_time: '2024-01-30T10:15:30Z', slippage: -0.02 } }] } };
      if (c.url === '/api/sim/accounts/acc1/equity') return { body: { equity_curve: [{ date: '2024-01-30', equity: 50000, backtest_equity: 50000 }, { date: '2024-01-31', equity: 50015, backtest_equity: 50010 }] } };
      if (c.url === '/api/sim/accounts/acc1/performance') return { body: { paper_trading_results: { total_trades: 8, win_rate: 0.625 }, comparison_to_backtest: { sharpe: { backtest: 1.85, paper: 1.68, difference: '-0.17' } }, recommendation: 'APPROVE_FOR_LIVE_TRADING' } };
      return undefined;
    });
    render(<ParamsContext.Provider value={{ id: 'pub_1' }}><PaperScreen /></ParamsContext.Provider>);
    expect(await screen.findByText('APPROVE_FOR_LIVE_TRADING')).toBeTruthy();
    expect((await screen.findByRole('table', { name: 'Paper trades' })).textContent).toContain('sim_1');
    expect(screen.getByRole('table', { name: 'Paper against backtest' }).textContent).toContain('-0.17');
  });
});
