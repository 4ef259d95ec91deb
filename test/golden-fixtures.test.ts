// The repository's copy of the golden cases must be the team's reference, byte for byte, wherever
// ../shared/golden/ exists (developers' machines and CI); a user's clone has only the copy and skips this.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIXTURES, SHARED } from './helpers/golden.ts';

const shared = `${SHARED}golden/`;

describe.skipIf(!existsSync(shared))('test/fixtures/golden equals ../shared/golden', () => {
  it('has the same files', () => {
    expect(readdirSync(`${FIXTURES}golden/`).sort()).toEqual(readdirSync(shared).sort());
  });
  for (const name of existsSync(shared) ? readdirSync(shared) : []) {
    it(`${name} is identical`, () => {
      expect(readFileSync(`${FIXTURES}golden/${name}`, 'utf8')).toBe(readFileSync(shared + name, 'utf8'));
    });
  }
});
