// Money beyond what decimal.js's 20 significant digits keep to the fen is refused by name, not rounded away:
// `benefit --burden 99999999999999999999` had printed …199.00 where the exact answer is …199.20.
import { describe, expect, it } from 'vitest';
import { command } from './helpers/cli.ts';

const JIANGYIN = ['scenarios/jiangyin-2020.json', '--ruleset', 'jiangyin-2020'];

describe('amounts on the command line', () => {
  it('refuses a burden beyond 10¹⁰ yuan (the largest amount a file may hold), naming the flag', async () => {
    const r = await command('benefit', ...JIANGYIN, '--burden', '99999999999999999999');
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'jingsuan benefit: --burden: 99999999999999999999 yuan is beyond 10,000,000,000 yuan, the largest amount this command takes\n',
    );
  });
  it('keeps every fen at the bound: 9,999,999,999.99 → (x − 100,000)·0.8 + 82,000·0.6 = 7,999,969,199.992 → 7,999,969,199.99', async () => {
    const r = JSON.parse((await command('benefit', ...JIANGYIN, '--burden', '9999999999.99', '--json')).out);
    expect(r.benefit).toBe('7999969199.99');
  });
  it('the corridor takes whole-scheme amounts to 10¹⁴ yuan, exact to the fen', async () => {
    const args = ['corridor', 'scenarios/jilin-2017.json', '--ruleset', 'jilin-2017', '--json'];
    const r = JSON.parse((await command(...args, '--premium', '99999999999999.99', '--claims', '99999999999999.98')).out);
    expect(r.result).toBe('0.01');
    const big = await command(...args, '--premium', '100000000000000.01', '--claims', '1');
    expect(big.code).toBe(2);
    expect(big.err).toMatch(/--premium: 100000000000000\.01 yuan is beyond 100,000,000,000,000 yuan/);
  });
});
