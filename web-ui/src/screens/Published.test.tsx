import { render, screen, within } from '@testing-library/react';
import { ParamsContext } from '../app/router';
import { mockFetch, signIn } from '../test/fetchMock';
import { feedLabel, hoursLabel, PublishedScreen } from './Published';

describe('PublishedScreen', () => {
  it('labels feeds and hours compactly', () => {
    expect(feedLabel('live')).toBe('live bars');
    expect(feedLabel({ replay_id: 'r1' })).toBe('replay r1');
    expect(hoursLabel(Array.from({ length: 24 }, (_, i) => i))).toBe('all day (0–23)');
    expect(hoursLabel([9, 10, 11])).toBe('[9, 10, 11]');
  });

  it('shows the latest evaluation and each alert with its destinations and their status', async () => {
    signIn();
    mockFetch((c) => {
      if (c.url === '/api/published-models/pub_1') return { body: { id: 'pub_1', model_id: 'm1', status: 'paper_trading', allowed_actions: ['pause', 'retire'], publish_settings: { name: 'SPY Morning Momentum', max_alerts_per_day: 3 }, feed: { replay_id: 'r1' }, trained_model: { ticker: 'SPY', timeframe: '5m' } } };
      if (c.url.startsWith('/api/alerts/models/pub_1/evaluations')) return { body: { total: 1, evaluations: [{ timestamp: '2011-03-04T15:15:00Z', ticker: 'SPY', ohlcv: { open: 1, high: 2, low: 0.5, close: 1.5 }, indicators_calculated: { rsi: 61.5 }, features_calculated: { trend_strength: 0.73 }, prediction: { signal: 'BUY', confidence: 0.72 }, thresholds_check: { confidence_threshold: 0.6, passes: true }, time_check: { allowed_hours: [9, 10, 11], current_hour: 10, passes: true } }] } };
      if (c.url.startsWith('/api/alerts?')) return { body: { total: 1, alerts: [{ alert_id: 'a1', model_id: 'pub_1', timestamp: '2011-03-04T15:15:00Z', signal: { action: 'BUY', ticker: 'SPY', confidence: 0.72 }, order_details: { order_type: 'limit', quantity: 2, entry_price: 453.5, stop_loss: 426.29, take_profit: 526.06 }, routing: { destinations: [{ service: 'sigma_sim', status: 'sent' }, { service: 'mobile_push', status: 'retrying', attempts: 2, last_error: '503' }] } }] } };
      if (c.url === '/api/alerts/stream') return { body: '', contentType: 'text/event-stream' };
      return undefined;
    });
    render(<ParamsContext.Provider value={{ id: 'pub_1' }}><PublishedScreen /></ParamsContext.Provider>);
    const feed = await screen.findByRole('table', { name: 'Alert feed' });
    const row = within(feed).getAllByRole('row')[1];
    expect(row.textContent).toContain('BUY');
    expect(row.textContent).toContain('limit 2 @ 453.50');
    expect(row.textContent).toContain('sigma_sim');
    expect(row.textContent).toContain('mobile_push');
    expect(row.textContent).toContain('retrying ×2');
    expect(await screen.findByText('61.500')).toBeTruthy();
    expect(screen.getByText('replay r1')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Pause' })).toBeTruthy();
  });
});
