import { defineConfig } from 'vitest/config';

// The workbench is a static site: `vite build` output can be served from any folder (relative base).
export default defineConfig({
  base: './',
  server: { port: 5173 },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
