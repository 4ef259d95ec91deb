// What the workbench's number fields show (report/format.ts digitsShown).
import { describe, expect, it } from 'vitest';
import { digitsShown } from '../src/report/format.ts';

describe('digitsShown', () => {
  it('keeps whole numbers whole, fractions to six significant digits, the whole part and the fen always', () => {
    expect(digitsShown(18000)).toBe('18000');
    expect(digitsShown(100_000_000)).toBe('100000000');
    // Calibrated severity parameters as a calibration leaves them (Suzhou's μ, α and body weight, more digits).
    expect(digitsShown(5.896598415372)).toBe('5.8966');
    expect(digitsShown(2.4069503461)).toBe('2.40695');
    expect(digitsShown(0.826803121)).toBe('0.826803');
    expect(digitsShown(1234567.891)).toBe('1234567.89');
    expect(digitsShown(123456.78)).toBe('123456.78');
    expect(digitsShown(62.92)).toBe('62.92');
    expect(digitsShown(-0.0123456789)).toBe('-0.0123457');
    expect(digitsShown(0.965)).toBe('0.965');
    expect(digitsShown(1.2e-9)).toBe('1.2e-9');
  });
});
