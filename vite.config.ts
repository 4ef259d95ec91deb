import { defineConfig } from 'vitest/config';
import { notebooks } from './vite-notebooks.ts';

// The order of the test files (longest first) needs Vitest's node API: loaded only when Vitest reads this file,
// not when Vite builds or serves the workbench.
const sequencer = process.env.VITEST ? (await import('./test/helpers/sequencer.ts')).LongestFirst : undefined;

// The workbench is a static site: `vite build` output can be served from any folder (relative base).
export default defineConfig({
  base: './',
  // The header's 笔记本 link: the notebooks served by `npm start` and built by `vite build` (vite-notebooks.ts).
  plugins: [notebooks()],
  server: { port: 5173 },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    isolate: false,
    // Both cores: the files do not share state (the browser tests serve one build of the site, each worker its own
    // server and Chromium).
    maxWorkers: 2,
    sequence: sequencer ? { sequencer } : {},
    projects: [
      {
        extends: true,
        test: { name: 'main', include: ['test/**/*.test.ts'], exclude: ['test/e2e-long-tasks.test.ts'], sequence: { groupOrder: 0 } },
      },
      // Measures how long the page's tasks take: it runs after the others, alone, so another file's work does
      // not lengthen them (tried beside them: the largest file's first second ran so slowly that the page stopped
      // to ask whether to go on).
      { extends: true, test: { name: 'alone', include: ['test/e2e-long-tasks.test.ts'], sequence: { groupOrder: 1 } } },
    ],
  },
});
