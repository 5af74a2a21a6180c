/**
 * Exact decimal arithmetic for quantities, unit prices and rates (DOMAIN.md §6: never binary
 * floating point). A value is an integer count of 10^-scale units, held in a bigint, so
 * 0.1 + 0.2 is exactly 0.3 and a 4-decimal unit price times a quantity loses nothing.
 */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

const DECIMAL_TEXT = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/** Parses "1234.5", "-0.25", "+7"; returns null for anything else (no exponents, no commas). */
export function parseDecimal(text: string): Decimal | null {
  const match = DECIMAL_TEXT.exec(text.trim());
  if (!match) return null;
  const [, sign, whole = '0', fraction = ''] = match;
  const units = BigInt(whole + fraction);
  return { units: sign === '-' ? -units : units, scale: fraction.length };
}

export function decimal(text: string): Decimal {
  const parsed = parseDecimal(text);
  if (!parsed) throw new RangeError(`Not a decimal number: ${JSON.stringify(text)}`);
  return parsed;
}

export function fromInteger(value: number | bigint): Decimal {
  return { units: BigInt(value), scale: 0 };
}

function pow10(exponent: number): bigint {
  return 10n ** BigInt(exponent);
}

/** The same value written with more decimal places (never fewer: use roundToScale for that). */
export function rescale(value: Decimal, scale: number): Decimal {
  if (scale < value.scale) throw new RangeError('rescale cannot drop digits; round instead');
  return { units: value.units * pow10(scale - value.scale), scale };
}

export function add(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale).units + rescale(b, scale).units, scale };
}

export function subtract(a: Decimal, b: Decimal): Decimal {
  return add(a, negate(b));
}

export function negate(value: Decimal): Decimal {
  return { units: -value.units, scale: value.scale };
}

export function multiply(a: Decimal, b: Decimal): Decimal {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

export function compare(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const scale = Math.max(a.scale, b.scale);
  const left = rescale(a, scale).units;
  const right = rescale(b, scale).units;
  return left < right ? -1 : left > right ? 1 : 0;
}

export function isZero(value: Decimal): boolean {
  return value.units === 0n;
}

/**
 * 端数処理 as Japanese business software applies it: on the magnitude, so a returned line
 * (negative amount) rounds exactly like the sale it reverses.
 * - down (切捨て): toward zero    - up (切上げ): away from zero
 * - halfUp (四捨五入): nearest, halves away from zero
 */
export const roundingModes = {
  down: { label: '切捨て' },
  up: { label: '切上げ' },
  halfUp: { label: '四捨五入' },
} as const;

export type RoundingMode = keyof typeof roundingModes;

export const allRoundingModes = Object.keys(roundingModes) as RoundingMode[];

export function roundToScale(value: Decimal, scale: number, mode: RoundingMode): Decimal {
  if (scale >= value.scale) return rescale(value, scale);
  const divisor = pow10(value.scale - scale);
  const negative = value.units < 0n;
  const magnitude = negative ? -value.units : value.units;
  let quotient = magnitude / divisor;
  const remainder = magnitude % divisor;
  if (remainder !== 0n) {
    if (mode === 'up' || (mode === 'halfUp' && remainder * 2n >= divisor)) quotient += 1n;
  }
  return { units: negative ? -quotient : quotient, scale };
}

/** Plain text with exactly `scale` decimals (or the value's own scale): "1200", "12.50". */
export function formatDecimal(value: Decimal, scale = value.scale): string {
  const shown = scale >= value.scale ? rescale(value, scale) : roundToScale(value, scale, 'halfUp');
  const negative = shown.units < 0n;
  const digits = (negative ? -shown.units : shown.units).toString().padStart(shown.scale + 1, '0');
  const whole = digits.slice(0, digits.length - shown.scale);
  const fraction = digits.slice(digits.length - shown.scale);
  return `${negative ? '-' : ''}${whole}${shown.scale > 0 ? `.${fraction}` : ''}`;
}

/** The shortest text for the value: "12.50" → "12.5", "3.000" → "3". */
export function normalizeDecimal(value: Decimal): Decimal {
  let { units, scale } = value;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale -= 1;
  }
  return { units, scale };
}
