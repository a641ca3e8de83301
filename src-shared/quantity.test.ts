import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addQuantities,
  compareQuantities,
  formatQuantity,
  lineAmountCents,
  maxQuantityUnits,
  parseQuantity,
  subtractQuantities,
} from './quantity';

const units = fc.integer({ min: -maxQuantityUnits, max: maxQuantityUnits });

describe('quantities', () => {
  it('reads decimal text into exact units and writes it back without trailing zeros', () => {
    expect(parseQuantity('12.5')).toBe(125_000);
    expect(parseQuantity('0.0001')).toBe(1);
    expect(parseQuantity('-3')).toBe(-30_000);
    expect(parseQuantity('-0')).toBe(0);
    expect(formatQuantity(125_000)).toBe('12.5');
    expect(formatQuantity(-5_000)).toBe('-0.5');
    expect(formatQuantity(0)).toBe('0');
    expect(formatQuantity(1)).toBe('0.0001');
  });

  it('refuses text that is not a plain decimal with at most 4 places', () => {
    for (const bad of ['', '1.23456', '1e3', 'NaN', 'Infinity', '1,5', '.5', '5.', '1234567890', ' ', '--1', '0x10']) {
      expect(parseQuantity(bad), bad).toBeNull();
    }
  });

  it('round-trips every quantity through its text', () => {
    fc.assert(fc.property(units, (u) => parseQuantity(formatQuantity(u)) === u));
  });

  it('adds 0.1 ten times to exactly 1 (no binary float drift)', () => {
    const tenth = parseQuantity('0.1') ?? 0;
    expect(formatQuantity(addQuantities(...Array.from({ length: 10 }, () => tenth)))).toBe('1');
    expect(formatQuantity(subtractQuantities(parseQuantity('0.3') ?? 0, parseQuantity('0.1') ?? 0))).toBe('0.2');
  });

  it('sums in any order to the same exact total', () => {
    fc.assert(
      fc.property(fc.array(units, { maxLength: 50 }), (list) => {
        const forward = addQuantities(...list);
        const backward = addQuantities(...[...list].reverse());
        return forward === backward && compareQuantities(forward, backward) === 0;
      }),
    );
  });

  it('refuses a sum that would leave the exact range instead of rounding', () => {
    expect(() => addQuantities(Number.MAX_SAFE_INTEGER, 1)).toThrow(RangeError);
  });

  it('prices a line in cents, rounding half away from zero', () => {
    expect(lineAmountCents(parseQuantity('2.5') ?? 0, 199)).toBe(498); // 497.5 → 498
    expect(lineAmountCents(parseQuantity('-2.5') ?? 0, 199)).toBe(-498);
    expect(lineAmountCents(parseQuantity('3') ?? 0, 1250)).toBe(3750);
    expect(lineAmountCents(maxQuantityUnits, 1_000_000)).toBe(999_999_999_999_900); // product passes 2^53
    expect(() => lineAmountCents(maxQuantityUnits, 10_000_000_000)).toThrow(RangeError);
  });
});
