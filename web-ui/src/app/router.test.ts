import { match } from './router';
import { resolve } from './App';

describe('routes', () => {
  it('matches named parts and decodes them', () => {
    expect(match('/sweeps/:id/results/:combo', '/sweeps/a%20b/results/15')).toEqual({ id: 'a b', combo: '15' });
    expect(match('/sweeps/:id', '/sweeps/a/leaderboard')).toBeNull();
  });

  it('every screen of the journey has a URL', () => {
    for (const path of ['/login', '/register', '/', '/packs', '/packs/upload', '/packs/swingsigma', '/models/new', '/models/m1',
      '/models/m1/sweep', '/sweeps/s1', '/sweeps/s1/leaderboard', '/sweeps/s1/results/15', '/models/m1/training',
      '/published/p1', '/paper/p1', '/live', '/market-data']) {
      expect(resolve(path), path).not.toBeNull();
    }
    expect(resolve('/packs/upload')!.route.path).toBe('/packs/upload');
    expect(resolve('/nowhere/at/all')).toBeNull();
  });
});
