import { z } from 'zod';
import { Scenario, SCHEMA_VERSION } from './schema.ts';
import { FundScenario } from './fund-schema.ts';

/** JSON Schema (draft 2020-12) of the input form of a scenario file, from the same zod definition. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Scenario, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: `https://jingsuan.example/scenario.schema.v${SCHEMA_VERSION}.json`,
    title: 'jingsuan scenario (精算 情景文件)',
    description:
      'Populations, critical-illness rulesets and simulation settings. Every parameter carries a source or an assumption. ' +
      'Rules a schema cannot express (increasing bands, unique ids, known groups) are checked by `jingsuan validate`.',
  };
}

/** JSON Schema of the fund-level files (kind "subsidyBudget" or "pooling"). */
export function fundJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(FundScenario, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: `https://jingsuan.example/fund.schema.v${SCHEMA_VERSION}.json`,
    title: 'jingsuan fund-level scenario (精算 基金情景文件)',
    description: "Residents' subsidy budget or city-level pooling. Checked by `jingsuan validate`; run by `jingsuan fund`.",
  };
}
