/**
 * The order the test files start in: the longest first, so the two workers end together (longest processing time
 * first). Vitest orders by the durations it remembers from the last run, and by file size without them: a fresh
 * clone (CI) ran a 15-second file last, beside an idle core. The figures are seconds on 2 cores in a whole run,
 * rounded (fresh-clone CI, December 2026); a file not listed counts as under a second (a new long file belongs here).
 */
import { basename } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const SECONDS: Record<string, number> = {
  'e2e-workbench.test.ts': 54,
  'e2e-files.test.ts': 40,
  'hostile.test.ts': 26,
  'aggregate.test.ts': 22,
  'e2e-proposals.test.ts': 22,
  'notebooks.test.ts': 21,
  'engine-run.test.ts': 19,
  'e2e-fit.test.ts': 17,
  'e2e-hostile.test.ts': 14,
  'cli-out.test.ts': 10,
  'e2e-long-tasks.test.ts': 8,
  'cli-fit.test.ts': 8,
  'cli.test.ts': 7,
  'validation-fuzz.test.ts': 6,
  'cli-build.test.ts': 6,
  'cli-analysis.test.ts': 6,
  'watchdog.test.ts': 4,
  'cli-run.test.ts': 4,
  'random.test.ts': 3,
  'fit-read-browser.test.ts': 3,
  'years.test.ts': 3,
  'parameter-risk.test.ts': 3,
  'engine-analytic.test.ts': 2,
};

export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const seconds = (f: TestSpecification) => SECONDS[basename(f.moduleId)] ?? 0;
    return [...files].sort(
      (a, b) =>
        a.project.config.sequence.groupOrder - b.project.config.sequence.groupOrder ||
        (a.project.name < b.project.name ? -1 : a.project.name > b.project.name ? 1 : 0) ||
        seconds(b) - seconds(a),
    );
  }
}
