/** How the household table writes its paired differences (household-panel.ts); pure, for the Node tests. */
import { formatPoints } from '../report/format.ts';
import { t, type Lang } from '../report/strings.ts';

/**
 * A difference of two shares (fractions, engine/household-sample.ts) in percentage points with the unit: 0.00011 →
 * "+0.011 pp" / "+0.011 百分点". Three decimals: the paired intervals are a few hundredths of a point wide.
 */
export function householdPoints(x: number, lang: Lang): string {
  return `${formatPoints(x, 3)} ${t('percentagePoints', lang)}`;
}
