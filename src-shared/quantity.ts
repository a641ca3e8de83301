/**
 * Exact decimal quantities. A quantity is held as an integer count of 1/10 000ths ("units"), so sums over
 * a ledger never drift the way binary floats do; on the contract it travels as a decimal string.
 */

/** Decimal places a quantity may carry (QuickBooks accepts more, but warehouses count to 4 at most). */
export const quantityDecimals = 4;
export const quantityScale = 10_000;
/** Largest magnitude accepted from a person: 999 999 999.9999 (well inside exact integer range). */
export const maxQuantityUnits = 999_999_999_9999;

const quantityPattern = /^(-)?(\d{1,9})(?:\.(\d{1,4}))?$/;

/** "12.5" → 125000; null when the text is not a decimal with at most 4 places and 9 integer digits. */
export function parseQuantity(text: string): number | null {
  const match = quantityPattern.exec(text.trim());
  if (!match) return null;
  const [, minus, whole = '0', fraction = ''] = match;
  const units = Number(whole) * quantityScale + Number(fraction.padEnd(quantityDecimals, '0'));
  return minus && units !== 0 ? -units : units;
}

/** Like parseQuantity for text a schema has already checked; a bad value here is a programming error. */
export function toUnits(text: string): number {
  const units = parseQuantity(text);
  if (units === null) throw new RangeError(`"${text}" is not a quantity.`);
  return units;
}

/** 125000 → "12.5", -5000 → "-0.5", 0 → "0": no trailing zeros, no exponent. */
export function formatQuantity(units: number): string {
  assertUnits(units);
  const sign = units < 0 ? '-' : '';
  const abs = Math.abs(units);
  const whole = Math.floor(abs / quantityScale);
  const fraction = String(abs % quantityScale).padStart(quantityDecimals, '0').replace(/0+$/, '');
  return fraction ? `${sign}${whole}.${fraction}` : `${sign}${whole}`;
}

/** Exact sum; refuses to leave the range where integers are exact instead of silently rounding. */
export function addQuantities(...values: number[]): number {
  let total = 0;
  for (const value of values) {
    assertUnits(value);
    total += value;
    assertUnits(total);
  }
  return total;
}

export function subtractQuantities(a: number, b: number): number {
  return addQuantities(a, -b);
}

export function compareQuantities(a: number, b: number): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function minQuantity(a: number, b: number): number {
  return a <= b ? a : b;
}

/**
 * Amount in cents of `units` at `centsEach`, rounded half away from zero. BigInt keeps the product exact
 * (a large quantity times a large price passes 2^53).
 */
export function lineAmountCents(units: number, centsEach: number): number {
  assertUnits(units);
  if (!Number.isSafeInteger(centsEach)) throw new RangeError(`${centsEach} is not a whole number of cents.`);
  const product = BigInt(units) * BigInt(centsEach);
  const scale = BigInt(quantityScale);
  const negative = product < 0n;
  const abs = negative ? -product : product;
  const rounded = (abs + scale / 2n) / scale;
  const cents = Number(negative ? -rounded : rounded);
  if (!Number.isSafeInteger(cents)) throw new RangeError('The amount is too large.');
  return cents;
}

function assertUnits(units: number): void {
  if (!Number.isSafeInteger(units)) throw new RangeError(`${units} is not an exact quantity.`);
}

/** Exact sum of amounts in cents. */
export function sumCents(values: readonly number[]): number {
  return addQuantities(...values);
}
