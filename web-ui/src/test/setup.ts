// jsdom lacks matchMedia, which uPlot reads when it loads.
if (!window.matchMedia) {
  window.matchMedia = (query: string) => ({
    matches: false, media: query, onchange: null,
    addListener: () => {}, removeListener: () => {}, addEventListener: () => {}, removeEventListener: () => {}, dispatchEvent: () => false,
  }) as MediaQueryList;
}

// jsdom has no canvas: charts draw into a context that accepts every call and draws nothing.
HTMLCanvasElement.prototype.getContext = function getContext() {
  const store: Record<string | symbol, unknown> = {};
  return new Proxy(store, {
    get: (t, p) => (p in t ? t[p] : p === 'measureText' ? () => ({ width: 0 }) : () => undefined),
    set: (t, p, v) => { t[p] = v; return true; },
  }) as unknown as CanvasRenderingContext2D;
} as unknown as typeof HTMLCanvasElement.prototype.getContext;

// nor Path2D
if (typeof globalThis.Path2D === 'undefined') {
  (globalThis as Record<string, unknown>).Path2D = class { constructor(..._args: unknown[]) {} moveTo() {} lineTo() {} rect() {} arc() {} closePath() {} bezierCurveTo() {} addPath() {} };
}

// The build machine is shared: give findBy/waitFor more than their default second.
import { configure } from '@testing-library/react';
configure({ asyncUtilTimeout: 5000 });
