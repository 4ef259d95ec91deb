/**
 * The run status's words (run-status.ts), apart from the DOM so that they can be tested in Node.
 *
 * A cancelled run's results are those of the last refresh while it ran (page-run.ts shows partial results at a
 * paced rate, from the unbroken run of finished trials from trial 0), so they may rest on fewer trials than had
 * finished when the analyst cancelled: "已取消 (660 / 1,000)" stood above "蒙特卡洛当前值 (580 次试验)". Where the two
 * differ the status says both.
 */
import { t, type Lang } from '../report/strings.ts';
import type { RunState } from './run-state.ts';

export interface RunFigures {
  state: RunState;
  done: number;
  total: number;
  message: string;
  seconds: number;
  /** Trials the results on screen summarise; null without results. */
  shown: number | null;
}

export function runLabel(r: RunFigures, L: Lang): string {
  const n = (x: number) => x.toLocaleString('zh-CN');
  if (r.state === 'running') return `${t('running', L)} ${n(r.done)} / ${n(r.total)} ${t('trialsWord', L)}`;
  if (r.state === 'done') return `${t('done', L)}: ${n(r.total)} ${t('trialsWord', L)} · ${r.seconds.toFixed(1)} s`;
  if (r.state === 'cancelled')
    return r.shown !== null && r.shown !== r.done
      ? t('cancelledPart', L, n(r.done), n(r.total), n(r.shown))
      : `${t('cancelled', L)} (${n(r.done)} / ${n(r.total)})`;
  if (r.state === 'error' || r.state === 'confirm') return r.message;
  return '';
}
