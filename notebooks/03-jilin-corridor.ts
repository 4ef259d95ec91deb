/** (3) Jilin's risk corridor, marginal vs whole reading, for the insurer and the fund (same sampled claims). */
import * as Plot from '@observablehq/plot';
import { floatCorridor } from '../src/finance/corridor.ts';
import { runRaw } from '../src/engine/run.ts';
import { column } from '../src/engine/summary.ts';
import { PAYOUT } from '../src/engine/trial.ts';
import { footnoteFor } from '../src/report/charts/all.ts';
import type { ChartSpec } from '../src/report/charts/charts.ts';
import { Page, pct, scenario, wan, type NotebookResult } from './lib.ts';

export async function run(): Promise<NotebookResult> {
  const s = scenario('jilin-2017');
  const raw = await runRaw(s, { trials: 60, seed: 'notebook-3' });
  const rs = raw.model.rulesets[0];
  const readings = [
    { id: 'marginal 边际口径', rule: rs.corridor! },
    { id: 'whole 整体口径', rule: rs.alternatives[0].rule },
  ];
  const claims = column(raw.model, raw.data, raw.trials, 0, -1, PAYOUT);
  const meanClaims = claims.reduce((a, b) => a + b, 0) / claims.length;
  const page = new Page('03-jilin-corridor', "Jilin's corridor: marginal vs whole reading 吉林风险调节两种口径");
  page.text(
    'Seed 004 五(三): within ±3% the insurer keeps the result; a surplus of 3–5% is 30% the insurer\u2019s; a loss of 3–5% is shared 50/50; beyond 5% the surplus returns to the fund (the loss beyond 5% is negotiated: the scenario assumes the fund bears it). Read tier by tier (marginal) or, for the 3–5% tiers, on the whole result once inside (whole), the same claims give different splits.',
  );
  // 1. The split as a function of the profit/loss rate, premium 100,000,000 (POLICY_DIGEST §5's table).
  const P = 1e8;
  const ms = Array.from({ length: 201 }, (_, i) => -0.1 + i * 0.001);
  const curve = readings.flatMap((r) => ms.map((m) => ({ reading: r.id, m, insurer: floatCorridor(r.rule, P, P * (1 - m)).insurer })));
  const spec: ChartSpec = {
    id: 'corridor-curve',
    title: '承办机构盈亏与盈亏率：两种口径 Insurer result by profit/loss rate',
    subtitle: '保费 1 亿元 premium 100,000,000',
    footnote: footnoteFor(s, 'zh'),
    rows: curve,
    options: {
      width: 640,
      height: 300,
      marginLeft: 70,
      style: { fontFamily: "'Noto Sans CJK SC', sans-serif", fontSize: '12px', background: 'white' },
      x: { label: '盈亏率 m', percent: true, grid: true },
      y: { label: '承办机构 (万元)', grid: true, transform: (v: number) => v / 1e4 },
      color: { legend: true, domain: readings.map((r) => r.id), range: ['#1d4ed8', '#dc2626'] },
      marks: [Plot.ruleY([0]), Plot.ruleX([-0.05, -0.03, 0.03, 0.05], { stroke: '#9ca3af', strokeDasharray: '3,3' }), Plot.line(curve, { x: 'm', y: 'insurer', stroke: 'reading', strokeWidth: 2 })],
    },
  };
  page.chart(spec, 'curve');
  const at = (m: number, i: number) => floatCorridor(readings[i].rule, P, P * (1 - m)).insurer;
  page.table(['m', 'insurer, marginal', 'insurer, whole'], [0.02, 0.0299, 0.0301, 0.04, 0.1, -0.04, -0.1].map((m) => [pct(m, 2), wan(at(m, 0)), wan(at(m, 1))]));
  page.text(`The whole reading has a cliff at ±3%: a surplus just above 3% leaves the insurer ${wan(at(0.0299, 1) - at(0.0301, 1))}万 worse off than one just below it, so an insurer near the edge gains by paying a little more — the opposite of what the corridor is for.`);
  // 2. Expected results for the insurer and the fund, premium set so the expected profit/loss rate passes through the tiers.
  const rows: (string | number)[][] = [];
  const sweep: { m: number; reading: string; insurer: number }[] = [];
  for (const targetM of [-0.06, -0.04, 0, 0.03, 0.04, 0.06]) {
    const premium = meanClaims / (1 - targetM);
    const cells: (string | number)[] = [pct(targetM, 0)];
    readings.forEach((r) => {
      const ins = Array.from(claims, (c) => floatCorridor(r.rule, premium, c));
      const mean = ins.reduce((a, x) => a + x.insurer, 0) / ins.length;
      const sd = Math.sqrt(ins.reduce((a, x) => a + (x.insurer - mean) ** 2, 0) / (ins.length - 1));
      const fund = ins.reduce((a, x) => a + x.fundReturn - x.fundTopUp, 0) / ins.length;
      cells.push(`${wan(mean)} (sd ${wan(sd)})`, wan(fund));
      sweep.push({ m: targetM, reading: r.id, insurer: mean });
    });
    rows.push(cells);
  }
  page.text(`Same ${raw.trials} sampled years of Jilin's claims (mean ${wan(meanClaims)}万), premium set so the expected rate m is as shown:`);
  page.table(['expected m', 'insurer, marginal (万元)', 'fund net, marginal', 'insurer, whole', 'fund net, whole'], rows);
  const gap4 = sweep.find((x) => x.m === 0.04 && x.reading.startsWith('marginal'))!.insurer - sweep.find((x) => x.m === 0.04 && x.reading.startsWith('whole'))!.insurer;
  page.text(
    `At an expected surplus of 4% the marginal reading leaves the insurer ${wan(gap4)}万 more than the whole reading; the fund's side mirrors it. With the scenario's parameter risk a year's m spreads over several tiers, so this expected gap is smaller than the 2.1 points of premium at exactly m = 4%.`,
  );
  return { name: page.name, key: { marginalAt4: at(0.04, 0), wholeAt4: at(0.04, 1), cliff: at(0.0299, 1) - at(0.0301, 1), gapAt4PerPremium: gap4 / (meanClaims / 0.96) }, markdown: page.write() };
}
