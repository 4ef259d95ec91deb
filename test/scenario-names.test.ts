// The names a table reads for populations, groups and income figures (report/scenario-names.ts): the file's titles,
// the id where a title is missing or empty.
import { describe, expect, it } from 'vitest';
import { incomeFigureTitle, populationWords } from '../src/report/scenario-names.ts';
import { shipped } from './helpers/scenarios.ts';

describe('populationWords', () => {
  it("Suzhou's populations and group in both languages, as scenarios/suzhou-2021.json titles them", () => {
    const w = populationWords(shipped('suzhou-2021'));
    expect(w.populations).toEqual({ employees: { zh: '职工', en: 'Employees' }, residents: { zh: '居民', en: 'Residents' } });
    expect(w.groups).toEqual({ assistance: { zh: '实时救助人员', en: 'real-time assistance recipients' } });
  });
  it('the id where a title is missing or empty; a draft without populations names nothing', () => {
    const s = shipped('suzhou-2021');
    delete (s.populations[0] as { title?: unknown }).title;
    s.populations[1].title = { zh: '', en: 'Residents' };
    expect(populationWords(s).populations).toEqual({
      employees: { zh: 'employees', en: 'employees' },
      residents: { zh: 'residents', en: 'Residents' },
    });
    expect(populationWords({})).toEqual({ populations: {}, groups: {} });
  });
});

describe('incomeFigureTitle', () => {
  it("Jilin's figures by their titles; none for an untitled or undeclared figure (the caller shows the key)", () => {
    const idx = shipped('jilin-2017').incomeIndex!;
    expect(incomeFigureTitle(idx, 'urban', 'zh')).toBe('城镇居民人均可支配收入');
    expect(incomeFigureTitle(idx, 'rural', 'en')).toBe('rural per-capita net income');
    expect(incomeFigureTitle(idx, 'town', 'zh')).toBeUndefined();
    expect(incomeFigureTitle(idx, 'constructor', 'zh')).toBeUndefined();
    expect(incomeFigureTitle({ urban: { value: 1 } }, 'urban', 'zh')).toBeUndefined();
    expect(incomeFigureTitle(undefined, 'urban', 'zh')).toBeUndefined();
  });
});
