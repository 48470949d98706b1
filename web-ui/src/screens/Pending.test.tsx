import { fireEvent, render, screen, waitFor } from '@testing-library/react';
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

  it('live opens an account at the local broker with every limit, approves with its caps and shows the fill', async () => {
    signIn();
    let accounts: unknown[] = [];
    const calls = mockFetch((c) => {
      if (c.url === '/api/pilot/accounts' && c.method === 'POST') {
        accounts = [{ id: 'acc_1', broker: 'fix', account_id: 'LOCAL1', connection: { host: '127.0.0.1', port: 9878 }, connection_state: 'disconnected', kill_switch: false,
          limits: { max_capital: 50000, max_position_size: 5000, max_open_positions: 3, daily_loss_limit: 1000, max_orders_per_minute: 10, price_band_pct: 5 } }];
        return { status: 201, body: accounts[0] };
      }
      if (c.url === '/api/pilot/accounts') return { body: { accounts } };
      if (c.url === '/api/published-models') return { body: { published_models: [{ id: 'pub_1', status: 'paper_complete', publish_settings: { name: 'SPY Journey' } }] } };
      if (c.url === '/api/pilot/approvals') return { status: 201, body: { model_id: 'pub_1' } };
      if (c.url === '/api/pilot/orders') return { body: { orders: [{ alert_id: 'alert_pub_1_x', side: 'buy', quantity: 7, ticker: 'SPY', order_type: 'limit', limit_price: 132.15, broker_order_id: 'LB-1',
        execution: { status: 'filled', filled_quantity: 7, fill_price: 132.1, fill_time: '2026-12-04T20:00:00Z', commission: 0.04 }, history: [{ state: 'pending_new' }, { state: 'acknowledged' }, { state: 'filled' }] }] } };
      return undefined;
    });
    render(<LiveScreen />);
    fireEvent.change(await screen.findByLabelText('Account id'), { target: { value: 'LOCAL1' } });
    fireEvent.change(screen.getByLabelText('Password (write-only)'), { target: { value: 'pw' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add account' }));
    await screen.findByRole('table', { name: 'Live accounts' });
    const opened = calls.find((c) => c.method === 'POST' && c.url === '/api/pilot/accounts');
    // no host: pilot-service sends the account to the local broker
    expect(opened?.body).toEqual({ broker: 'fix', account_id: 'LOCAL1', credentials: { password: 'pw' },
      limits: { max_capital: 50000, max_position_size: 5000, max_open_positions: 3, daily_loss_limit: 1000, max_orders_per_minute: 10, price_band_pct: 5 } });

    fireEvent.change(screen.getByLabelText('Published model'), { target: { value: 'pub_1' } });
    fireEvent.change(screen.getByLabelText('Account'), { target: { value: 'acc_1' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /I approve live trading/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Approve' }));
    expect((await screen.findByRole('status')).textContent).toContain('Approved pub_1');
    const approval = calls.find((c) => c.url === '/api/pilot/approvals')?.body as Record<string, unknown>;
    expect(approval).toMatchObject({ model_id: 'pub_1', user_approval: true,
      live_settings: { broker: 'fix', account_id: 'LOCAL1', max_capital: 50000, max_position_size: 5000, enable_sigma_pilot: true } });
    expect(screen.getByRole('table', { name: 'Live orders' }).textContent).toContain('7 @ 132.10');
  });
});
