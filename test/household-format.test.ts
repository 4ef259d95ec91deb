// The household table's differences carry their unit, and a scrolling box knows which edges hide content.
import { describe, expect, it } from 'vitest';
import { householdPoints } from '../src/ui/household-format.ts';
import { wordParts } from '../src/ui/header-words.ts';
import { scrollCue } from '../src/ui/scroll-cue.ts';

describe('householdPoints', () => {
  it('writes a difference of shares (fractions) in percentage points with the unit of the language', () => {
    // Suzhou 2021: 5.65% against 5.64% of the insured catastrophic at 10% of income, paired.
    expect(householdPoints(0.00011, 'zh')).toBe('+0.011 百分点');
    expect(householdPoints(0.00011, 'en')).toBe('+0.011 pp');
    expect(householdPoints(-0.00171, 'en')).toBe('-0.171 pp');
    expect(householdPoints(0.0123, 'zh')).toBe('+1.230 百分点');
  });
});

describe('scrollCue', () => {
  it('names the edges that hide content, with a pixel of slack', () => {
    expect(scrollCue(0, 500, 500)).toBe('');
    expect(scrollCue(0, 501, 500)).toBe('');
    expect(scrollCue(0, 620, 500)).toBe('right');
    expect(scrollCue(60, 620, 500)).toBe('both');
    expect(scrollCue(120, 620, 500)).toBe('left');
    expect(scrollCue(119.5, 620, 500)).toBe('left');
  });
});

describe('wordParts', () => {
  it('lets a Chinese header or name break before a full-width bracket and before a figure, nowhere else', () => {
    expect(wordParts('因病致贫（人）')).toEqual(['因病致贫', '（人）']);
    expect(wordParts('自付超过收入10%')).toEqual(['自付超过收入', '10%']);
    expect(wordParts('苏州：合并口径起付线3.5万')).toEqual(['苏州：合并口径起付线', '3.5万']);
    expect(wordParts('95%区间下限')).toEqual(['95%区间下限']);
    expect(wordParts('亏损概率')).toEqual(['亏损概率']);
    expect(wordParts('P95')).toEqual(['P95']);
  });
});
