/**
 * The page's main-thread tasks from a Chromium trace (category `toplevel`): each task's wall time and the CPU time
 * the main thread spent in it. The CPU time is what the page's own code costs; the wall time also holds the time
 * the thread waited for a core, which on a shared 2-core machine running other tests can double it.
 */
import type { Browser, Page } from 'playwright-core';

export interface MainThreadTask {
  /** ms from the first task traced */
  start: number;
  wallMs: number;
  cpuMs: number;
}

interface TraceEvent {
  ph: string;
  name: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** Traces the page's main thread while `during` runs; returns its tasks, longest CPU time first. */
export async function traceMainThread(browser: Browser, page: Page, during: () => Promise<void>): Promise<MainThreadTask[]> {
  await browser.startTracing(page, { categories: ['toplevel'] });
  let failed: unknown = null;
  await during().catch((err) => (failed = err));
  const trace = await browser.stopTracing();
  if (failed) throw failed;
  return mainThreadTasks(JSON.parse(trace.toString('utf8')));
}

/** The renderer main thread's top-level tasks of a trace. */
export function mainThreadTasks(trace: { traceEvents?: TraceEvent[] } | TraceEvent[]): MainThreadTask[] {
  const events = Array.isArray(trace) ? trace : (trace.traceEvents ?? []);
  const main = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && main.has(`${e.pid}:${e.tid}`));
  const t0 = Math.min(...tasks.map((e) => e.ts));
  return tasks
    .map((e) => ({ start: (e.ts - t0) / 1000, wallMs: (e.dur ?? 0) / 1000, cpuMs: (e.tdur ?? e.dur ?? 0) / 1000 }))
    .sort((a, b) => b.cpuMs - a.cpuMs);
}
