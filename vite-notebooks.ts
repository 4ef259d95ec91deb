/**
 * The notebooks (notebooks/*.html, Observable Notebook Kit) served and built with the workbench, so that its
 * header's 笔记本 link (./notebooks/index.html) opens them however the README starts the project: `npm start` (Vite's
 * dev server) turns each notebook into its page as Notebook Kit's own preview does, and `vite build` (npm run build,
 * the tests' buildSite) builds them into notebooks/ beside the workbench, as `npm run notebooks` builds them.
 * Without this the dev server sent the notebook's source (a <notebook> element, no charset: a blank page with a
 * garbled title) and a build held no notebooks, so `vite preview` answered the link with the workbench.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { config as notebookConfig, observable } from '@observablehq/notebook-kit/vite';
import { build, type Plugin, type ResolvedConfig } from 'vite';

const FOLDER = 'notebooks';

/** The notebook sources, index first. */
export const notebookFiles = (root: string) =>
  readdirSync(join(root, FOLDER))
    .filter((f) => f.endsWith('.html'))
    .sort((a, b) => Number(b === 'index.html') - Number(a === 'index.html') || a.localeCompare(b))
    .map((f) => join(root, FOLDER, f));

/** Dev server: Notebook Kit's page transform for the pages under /notebooks/ only (the workbench's index.html is not one). */
function serveNotebooks(): Plugin {
  // Made at the first notebook asked for: Notebook Kit's transform builds a jsdom window, which Vitest's server and
  // the workbench's pages never need.
  let transform: { handler: (html: string, ctx: { path: string }) => unknown } | undefined;
  const alias = (notebookConfig().resolve as { alias: { find: RegExp; replacement: string }[] }).alias;
  return {
    name: 'jingsuan-notebooks-serve',
    apply: 'serve',
    // `observable:runtime` and `observable:styles/…`: where the transformed pages import Notebook Kit's runtime from.
    config: () => ({ resolve: { alias: alias.filter((a) => String(a.find).includes('observable')) } }),
    transformIndexHtml: {
      order: 'pre',
      handler(html, ctx) {
        if (!ctx.path.startsWith(`/${FOLDER}/`)) return html;
        transform ??= (observable() as Plugin).transformIndexHtml as { handler: (html: string, ctx: { path: string }) => unknown };
        return transform.handler.call(this, html, ctx) as Promise<string>;
      },
    },
  };
}

/** Build: after the workbench, the notebooks into <outDir>/notebooks with Notebook Kit's own build configuration. */
function buildNotebooks(): Plugin {
  let resolved: ResolvedConfig;
  return {
    name: 'jingsuan-notebooks-build',
    apply: 'build',
    configResolved(c) {
      resolved = c;
    },
    async closeBundle() {
      // A worker's bundle is built by its own Rollup run: only the workbench's build brings the notebooks.
      if (resolved.build.ssr || resolved.build.lib) return;
      await build({
        ...notebookConfig(),
        configFile: false,
        logLevel: resolved.logLevel === 'info' ? 'warn' : resolved.logLevel,
        plugins: [observable()],
        root: join(resolved.root, FOLDER),
        base: './',
        build: {
          outDir: join(resolve(resolved.root, resolved.build.outDir), FOLDER),
          emptyOutDir: true,
          rollupOptions: { input: notebookFiles(resolved.root) },
        },
      });
    },
  };
}

export const notebooks = (): Plugin[] => [serveNotebooks(), buildNotebooks()];
