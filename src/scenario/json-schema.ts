import { z } from 'zod';
import { FundScenario } from './fund-schema.ts';
import { Scenario, SCHEMA_VERSION } from './schema.ts';

/** JSON Schema (draft 2020-12) of the input form of a zod definition, with an id, title and description. */
function jsonSchemaOf(schema: z.ZodType, name: string, title: string, description: string): Record<string, unknown> {
  const out = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...out, $id: `https://jingsuan.example/${name}.schema.v${SCHEMA_VERSION}.json`, title, description };
}

/** Insurance scenarios (scenario.schema.json). */
export function scenarioJsonSchema(): Record<string, unknown> {
  return jsonSchemaOf(
    Scenario,
    'scenario',
    'jingsuan scenario (精算 情景文件)',
    'Populations, critical-illness rulesets and simulation settings. Every parameter carries a source or an assumption. ' +
      'Rules a schema cannot express (increasing bands, unique ids, known groups) are checked by `jingsuan validate`.',
  );
}

/** Fund-level files, kind "subsidyBudget" or "pooling" (fund.schema.json). */
export function fundJsonSchema(): Record<string, unknown> {
  return jsonSchemaOf(
    FundScenario,
    'fund',
    'jingsuan fund-level scenario (精算 基金情景文件)',
    "Residents' subsidy budget or city-level pooling. Checked by `jingsuan validate`; run by `jingsuan fund`.",
  );
}
