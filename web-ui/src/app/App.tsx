import { createElement, lazy, Suspense, useEffect, useState, type ComponentType } from 'react';
import { setSessionExpiredHandler } from '../api/client';
import { clearSession, onSessionChange, roles, session, type Session } from '../api/session';
import { Link, match, navigate, ParamsContext, useLocation } from './router';
import { LoginScreen, RegisterScreen } from '../screens/Auth';

const preloads: (() => Promise<unknown>)[] = [];

/**
 * A screen whose code loads on first use (keeping the first page small). Once loaded — on first use, or by
 * {@link preloadScreens} while the browser is idle after sign-in — it renders without a loading flash.
 */
function lazyScreen<T, K extends keyof T>(load: () => Promise<T>, name: K): ComponentType {
  let loaded: ComponentType | undefined;
  const preload = () => load().then((m) => (loaded = m[name] as unknown as ComponentType));
  const Lazy = lazy(() => preload().then((c) => ({ default: c })));
  preloads.push(preload);
  return function Screen() {
    return loaded ? createElement(loaded) : createElement(Lazy);
  };
}

/** Fetches every screen's code in the background. */
export function preloadScreens() {
  preloads.forEach((p) => p().catch(() => undefined));
}

const Home = lazyScreen(() => import('../screens/Home'), 'HomeScreen');
const Packs = lazyScreen(() => import('../screens/Packs'), 'PacksScreen');
const PackDetail = lazyScreen(() => import('../screens/Packs'), 'PackDetailScreen');
const PackUpload = lazyScreen(() => import('../screens/Packs'), 'PackUploadScreen');
const NewModel = lazyScreen(() => import('../screens/Models'), 'NewModelScreen');
const ModelPage = lazyScreen(() => import('../screens/Models'), 'ModelScreen');
const SweepBuilder = lazyScreen(() => import('../screens/Sweeps'), 'SweepBuilderScreen');
const SweepProgress = lazyScreen(() => import('../screens/Sweeps'), 'SweepScreen');
const LeaderboardScreen = lazyScreen(() => import('../screens/Leaderboard'), 'LeaderboardScreen');
const ResultScreen = lazyScreen(() => import('../screens/Result'), 'ResultScreen');
const TrainingScreen = lazyScreen(() => import('../screens/Training'), 'TrainingScreen');
const PublishedScreen = lazyScreen(() => import('../screens/Published'), 'PublishedScreen');
const PaperScreen = lazyScreen(() => import('../screens/Pending'), 'PaperScreen');
const LiveScreen = lazyScreen(() => import('../screens/Pending'), 'LiveScreen');
const MarketData = lazyScreen(() => import('../screens/MarketData'), 'MarketDataScreen');

interface Route {
  path: string;
  screen: ComponentType;
  public?: boolean;
}

/** Every screen, reachable by URL (the gateway answers index.html for these paths). */
export const ROUTES: Route[] = [
  { path: '/login', screen: LoginScreen, public: true },
  { path: '/register', screen: RegisterScreen, public: true },
  { path: '/', screen: Home },
  { path: '/packs', screen: Packs },
  { path: '/packs/upload', screen: PackUpload },
  { path: '/packs/:id', screen: PackDetail },
  { path: '/models/new', screen: NewModel },
  { path: '/models/:id', screen: ModelPage },
  { path: '/models/:id/sweep', screen: SweepBuilder },
  { path: '/models/:id/training', screen: TrainingScreen },
  { path: '/sweeps/:id', screen: SweepProgress },
  { path: '/sweeps/:id/leaderboard', screen: LeaderboardScreen },
  { path: '/sweeps/:id/results/:combo', screen: ResultScreen },
  { path: '/published/:id', screen: PublishedScreen },
  { path: '/paper', screen: PaperScreen },
  { path: '/paper/:id', screen: PaperScreen },
  { path: '/live', screen: LiveScreen },
  { path: '/market-data', screen: MarketData },
];

export function resolve(path: string): { route: Route; params: Record<string, string> } | null {
  for (const route of ROUTES) {
    const params = match(route.path, path);
    if (params) return { route, params };
  }
  return null;
}

export function App() {
  const loc = useLocation();
  const [user, setUser] = useState<Session | null>(session);
  useEffect(() => onSessionChange(setUser), []);
  useEffect(() => {
    // An expired session (any 401) goes to the login page and keeps the place to come back to.
    setSessionExpiredHandler(() => {
      const here = location.pathname + location.search;
      if (!location.pathname.startsWith('/login')) {
        navigate(`/login?expired=1&next=${encodeURIComponent(here)}`, true);
      }
    });
    // The token's own expiry, even without a call.
    const s = session();
    if (!s) return;
    const id = setTimeout(() => {
      clearSession();
      navigate(`/login?expired=1&next=${encodeURIComponent(location.pathname + location.search)}`, true);
    }, Math.max(0, s.expiresAt - Date.now()));
    return () => clearTimeout(id);
  }, [user]);

  useEffect(() => {
    if (!user) return;
    const idle = (window as { requestIdleCallback?: (f: () => void) => number }).requestIdleCallback;
    const id = idle ? idle(preloadScreens) : window.setTimeout(preloadScreens, 1500);
    return () => { if (!idle) clearTimeout(id); };
  }, [user]);

  const found = resolve(loc.path);
  useEffect(() => {
    if (found && !found.route.public && !user) {
      navigate(`/login?next=${encodeURIComponent(loc.path + location.search)}`, true);
    }
  }, [found, user, loc.path]);
  useEffect(() => {
    // Move focus to the new screen's heading, so keyboard and screen-reader users land on it — unless the user (or
    // the screen's autofocus) is already in one of its fields.
    const t = setTimeout(() => {
      const active = document.activeElement;
      if (active && active.matches('main input, main select, main textarea')) return;
      document.getElementById('page-title')?.focus();
    }, 50);
    return () => clearTimeout(t);
  }, [loc.path]);

  let content;
  if (!found) {
    content = <section className="page"><h1 id="page-title" tabIndex={-1}>Not found</h1><p>No screen at {loc.path}. <Link to="/">Go to your models</Link>.</p></section>;
  } else if (!found.route.public && !user) {
    content = null;
  } else {
    const Screen = found.route.screen;
    content = (
      <ParamsContext.Provider value={found.params}>
        <Suspense fallback={<p className="muted" role="status">Loading…</p>}>
          <Screen key={loc.path} />
        </Suspense>
      </ParamsContext.Provider>
    );
  }
  const isOperator = roles().includes('operator');
  const nav = [
    ['/', 'Models'],
    ['/packs', 'Packs'],
    ['/paper', 'Paper'],
    ['/live', 'Live'],
    ...(isOperator ? [['/market-data', 'Market data']] : []),
  ];
  return (
    <>
      <a className="skip" href="#main">Skip to content</a>
      <header className="top">
        <Link to="/" className="brand" aria-label="Sigmatiq home">Σ Sigmatiq</Link>
        {user && (
          <nav aria-label="Main">
            <ul>
              {nav.map(([to, label]) => (
                <li key={to}>
                  <Link to={to} aria-current={to === '/' ? (loc.path === '/' ? 'page' : undefined) : loc.path.startsWith(to) ? 'page' : undefined}>{label}</Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
        {user && (
          <div className="who">
            <span aria-label="Signed in as">{user.username}</span>
            <button type="button" className="link" onClick={() => { clearSession(); navigate('/login'); }}>Sign out</button>
          </div>
        )}
      </header>
      <main id="main">{content}</main>
      <footer className="foot">
        Price and equity charts: <a href="https://www.tradingview.com/" rel="noopener noreferrer">TradingView Lightweight Charts™</a> (Apache-2.0, © TradingView, Inc.). Other charts: uPlot (MIT).
      </footer>
    </>
  );
}
