// Floats as numpy's str() prints scalars: the shortest digits that round-trip at the type's own precision
// (ties to even, as numpy's Dragon4), positional inside [1e-4, cutoff) and scientific outside, where the
// cutoff is 1e3 for float16, 1e6 for float32 and 1e16 for float64 (measured on numpy 2.4). float16 has no JS
// type, so it is decoded by hand.

export type FloatBits = 16 | 32 | 64;

const UPPER: Record<FloatBits, number> = { 16: 1e3, 32: 1e6, 64: 1e16 };
const MAX_DIGITS: Record<FloatBits, number> = { 16: 5, 32: 9, 64: 17 };

/** IEEE 754 binary16 bits → the exact value as a double. */
export function halfToNumber(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exp = (bits >> 10) & 0x1f;
  const mant = bits & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;        // zero and subnormals
  if (exp === 31) return mant === 0 ? sign * Infinity : NaN;
  return sign * (1024 + mant) * 2 ** (exp - 25);
}

function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/** A double rounded to the nearest binary16 value (ties to even), as a double. */
export function roundToHalf(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const a = Math.abs(x);
  if (a >= 65520) return Math.sign(x) * Infinity;
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e -= 1;
  else if (2 ** (e + 1) <= a) e += 1;
  const quantum = 2 ** (Math.max(e, -14) - 10);
  return Math.sign(x) * roundHalfEven(a / quantum) * quantum;
}

function roundTo(bits: FloatBits, x: number): number {
  return bits === 64 ? x : bits === 32 ? Math.fround(x) : roundToHalf(x);
}

/** The exact decimal expansion of a positive finite double: digits (no leading zeros) and the first digit's exponent. */
export function exactDecimal(a: number): { digits: string; exp: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, a);
  const hi = view.getUint32(0);
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(view.getUint32(4));
  if (biased !== 0) mant |= 1n << 52n;
  const e2 = (biased === 0 ? 1 : biased) - 1075; // a = mant · 2^e2
  // a = mant·5^-e2 / 10^-e2 when e2 < 0: an integer of digits with the decimal point moved.
  const int = e2 >= 0 ? mant << BigInt(e2) : mant * 5n ** BigInt(-e2);
  const raw = int.toString();
  const shift = e2 >= 0 ? 0 : -e2;
  return { digits: raw.replace(/0+$/, ''), exp: raw.length - 1 - shift };
}

/**
 * Rounds exact digits to p significant digits: ties to even by default, or always 'down'/'up' (the two
 * neighbours, for when the nearest does not round-trip next to a power of two); may carry into a new digit.
 */
function roundDigits(d: { digits: string; exp: number }, p: number, mode: 'even' | 'down' | 'up' = 'even'): { digits: string; exp: number } {
  if (d.digits.length <= p) return d;
  let head = BigInt(d.digits.slice(0, p));
  const next = d.digits.charCodeAt(p) - 48;
  const restNonZero = /[1-9]/.test(d.digits.slice(p + 1));
  if (mode === 'up' || (mode === 'even' && (next > 5 || (next === 5 && (restNonZero || head % 2n === 1n))))) head += 1n;
  let digits = head.toString();
  let exp = d.exp;
  if (digits.length > p) { exp += 1; digits = digits.slice(0, p); }
  return { digits: digits.replace(/0+$/, '') || '0', exp };
}

/** Shortest decimal digits (no dot, no trailing zeros) and decimal exponent of the first digit, for |v| > 0. */
export function shortestDigits(v: number, bits: FloatBits): { digits: string; exp: number } {
  const a = Math.abs(v);
  if (bits === 64) {
    // V8's shortest round-trip (ECMAScript Number::toString picks the closest, then the even one).
    const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(a.toExponential())!;
    return { digits: (m[1] + (m[2] ?? '')).replace(/0+$/, '') || '0', exp: Number(m[3]) };
  }
  const exact = exactDecimal(a);
  const value = (r: { digits: string; exp: number }): number => Number(`${r.digits}e${r.exp - r.digits.length + 1}`);
  for (let p = 1; p < MAX_DIGITS[bits]; p++) {
    // The nearest p-digit decimal first; at a power of two the gap below is half the gap above, so the
    // nearest can miss while the neighbour on the wide side still round-trips (float16 2^-6 → 0.01563).
    for (const mode of ['even', 'down', 'up'] as const) {
      const r = roundDigits(exact, p, mode);
      if (roundTo(bits, value(r)) === a) return r;
    }
  }
  return roundDigits(exact, MAX_DIGITS[bits]);
}

function positional(digits: string, exp: number): string {
  if (exp < 0) return `0.${'0'.repeat(-exp - 1)}${digits}`;
  if (digits.length <= exp + 1) return `${digits}${'0'.repeat(exp + 1 - digits.length)}.0`;
  return `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}

function scientific(digits: string, exp: number): string {
  const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const e = Math.abs(exp).toString().padStart(2, '0');
  return `${mant}e${exp < 0 ? '-' : '+'}${e}`;
}

/** str(np.float16/32/64(v)): '0.1', '1.0', '-0.0', '1e+16', '6e-08', 'nan', '-inf'. v must already be exact for `bits`. */
export function formatFloat(v: number, bits: FloatBits): string {
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  const sign = v < 0 || Object.is(v, -0) ? '-' : '';
  if (v === 0) return `${sign}0.0`;
  const a = Math.abs(v);
  const { digits, exp } = shortestDigits(a, bits);
  const body = a >= 1e-4 && a < UPPER[bits] ? positional(digits, exp) : scientific(digits, exp);
  return sign + body;
}

/** One part of a complex number as Python/numpy print it: like a float without a trailing '.0'. */
function complexPart(v: number, bits: FloatBits): string {
  const s = formatFloat(v, bits);
  return s.endsWith('.0') ? s.slice(0, -2) : s;
}

function negative(v: number): boolean {
  return v < 0 || Object.is(v, -0);
}

/** str(np.complex64/128(re + im·j)): '(1+2j)', '2j' when the real part is +0, '(-0-0j)', '(nan+infj)'. */
export function formatComplex(re: number, im: number, bits: FloatBits): string {
  const imText = Number.isNaN(im) ? 'nan' : complexPart(Math.abs(im), bits);
  if (re === 0 && !negative(re)) return `${negative(im) && !Number.isNaN(im) ? '-' : ''}${imText}j`;
  const sign = !Number.isNaN(im) && negative(im) ? '-' : '+';
  return `(${complexPart(re, bits)}${sign}${imText}j)`;
}

/**
 * One part of a complex number the way numpy prints complex fields inside a structured record (array style,
 * one value, precision 8, trim '.'): '1.', '0.5', '+2.', '1.e+20'; the imaginary part always signed.
 */
function arrayStylePart(v: number, bits: FloatBits, signed: boolean): string {
  if (Number.isNaN(v)) return signed ? '+nan' : 'nan';
  const sign = negative(v) ? '-' : signed ? '+' : '';
  if (!Number.isFinite(v)) return `${sign}inf`;
  const a = Math.abs(v);
  if (a === 0) return `${sign}0.`;
  let d = shortestDigits(a, bits);
  // numpy's FloatingFormat switches to exponents from 10**min(8, finfo.precision): 1e6 for float32, 1e8 for float64.
  if (a >= (bits === 32 ? 1e6 : 1e8) || a < 1e-4) {
    if (d.digits.length > 9) d = roundDigits(exactDecimal(a), 9);
    const mant = `${d.digits[0]}.${d.digits.slice(1)}`;
    return `${sign}${mant}e${d.exp < 0 ? '-' : '+'}${Math.abs(d.exp).toString().padStart(2, '0')}`;
  }
  if (d.digits.length - 1 - d.exp > 8) d = roundDigits(exactDecimal(a), d.exp + 1 + 8);
  const text = positional(d.digits, d.exp); // '1.0', '0.5', '123.25'
  return sign + (text.endsWith('.0') ? text.slice(0, -1) : text);
}

/** A complex field inside a record, as numpy prints it there: '1.+2.j', '0.+0.5j', '-0.-0.j'. */
export function formatComplexInRecord(re: number, im: number, bits: FloatBits): string {
  return `${arrayStylePart(re, bits, false)}${arrayStylePart(im, bits, true)}j`;
}
