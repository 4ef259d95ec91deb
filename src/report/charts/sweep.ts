import * as Plot from '@observablehq/plot';
import type { SweepRow } from '../../analysis/sweep.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { footnoteFor } from './all.ts';
import type { ChartSpec } from './charts.ts';

const NAMES: Record<string, string> = {
  payout: '期望赔付 expected payout (yuan)',
  lossRatio: '期望赔付率 expected loss ratio',
  reimbursementRatio: '报销比例 reimbursement ratio',
  burdenReductionRate: '减负率 burden reduction rate',
  beneficiaries: '补偿人数 beneficiaries',
  probLoss: '亏损概率 P(loss ratio > 100%)',
  personTimes: '补偿人次 person-times',
  lossRatioP95: '赔付率 P95 loss ratio P95',
  insurerMean: '承办机构期望盈亏 insurer result',
};

export function sweepChart(s: Scenario, ruleset: string, param: string, rows: SweepRow[], metric: string): ChartSpec {
  return {
    id: `sweep-${metric}`,
    title: `${NAMES[metric] ?? metric}：${ruleset} · ${param}`,
    subtitle: `敏感性分析 sweep of ${param}`,
    footnote: footnoteFor(s, 'zh'),
    rows: rows.map((r) => ({ x: r.x, [metric]: r[metric] })),
    options: {
      width: 640,
      height: 300,
      marginLeft: 70,
      style: { fontFamily: "'Noto Sans CJK SC', system-ui, sans-serif", fontSize: '12px', background: 'white' },
      x: { label: param, grid: true },
      y: { label: NAMES[metric] ?? metric, grid: true },
      marks: [Plot.line(rows, { x: 'x', y: metric, stroke: '#1d4ed8', strokeWidth: 2, tip: true }), Plot.dot(rows, { x: 'x', y: metric, fill: '#1d4ed8', r: 2.5 })],
    },
  };
}
