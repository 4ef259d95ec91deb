import { plural } from '../report/format.ts';
import { formatProblem } from '../scenario/problems.ts';
import { indexedLine, rulesetIndexed } from '../scenario/income-index.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { Command } from './command.ts';
import { readScenarioFile } from './io.ts';

/** Every indexed deductible of a valid file, its path from the root (scenario/income-index.ts). */
const indexedOf = (s: Scenario | undefined) =>
  s ? s.rulesets.flatMap((_, i) => rulesetIndexed(s, i).map((d) => ({ ...d, path: `rulesets[${i}].${d.path}` }))) : [];

export const validateCommand: Command = {
  help: `usage: jingsuan validate FILE [--json]

Exit 0 if FILE is a valid scenario, otherwise exit 1 and print one line per problem as
"<json path>: <what is wrong>". Warnings (valid but questionable values) go to stderr.`,
  options: { json: { type: 'boolean' } },
  run(values, [file]) {
    const v = readScenarioFile(file);
    if (values.json) {
      const derived = indexedOf(v.scenario);
      console.log(
        JSON.stringify(
          {
            file: v.file,
            valid: v.ok,
            problems: v.problems,
            warnings: v.warnings,
            notes: v.notes,
            ...(derived.length ? { indexedDeductibles: derived } : {}),
          },
          null,
          2,
        ),
      );
      return v.ok ? 0 : 1;
    }
    for (const p of v.problems) console.log(formatProblem(p));
    for (const w of v.warnings) console.error(`warning: ${formatProblem(w)}`);
    for (const n of v.notes) console.error(`note: ${n}`);
    for (const d of indexedOf(v.scenario)) console.error(`derived: ${indexedLine(d, v.scenario?.incomeIndex?.[d.income]?.title)}`);
    if (v.ok && v.scenario)
      console.error(
        `${v.file}: valid scenario "${v.scenario.id}" (${plural(v.scenario.populations.length, 'population')}, ${plural(v.scenario.rulesets.length, 'ruleset')})`,
      );
    if (v.ok && v.fund) console.error(`${v.file}: valid fund-level scenario "${v.fund.id}" (kind ${v.fund.kind})`);
    return v.ok ? 0 : 1;
  },
};
