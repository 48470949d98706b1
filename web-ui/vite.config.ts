import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The production build goes straight into this module's jar under static/, which the gateway serves at "/".
// `npm run dev` proxies /api to a running gateway (./sigmatiq-local).
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    testTimeout: 20000,
  },
});
