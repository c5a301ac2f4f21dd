// datetime64 and timedelta64 as numpy's str() prints them. Values are int64 counts of `multiplier × unit`
// since 1970-01-01; int64's minimum is NaT. Calendar arithmetic is in BigInt (numpy prints years far beyond
// ±9999, e.g. '3168875820-09-06T09:46:40'), proleptic Gregorian as numpy uses.

export const NAT = -(2n ** 63n);

const UNIT_WORDS: Record<string, string> = {
  Y: 'years', M: 'months', W: 'weeks', D: 'days', h: 'hours', m: 'minutes', s: 'seconds', ms: 'milliseconds',
  us: 'microseconds', ns: 'nanoseconds', ps: 'picoseconds', fs: 'femtoseconds', as: 'attoseconds',
};

/** Sub-day units: how many of them make a day, and the digits numpy prints after the seconds. */
const TIME_UNITS: Record<string, { perDay: bigint; perSecond: bigint; fraction: number }> = {
  h: { perDay: 24n, perSecond: 0n, fraction: 0 },
  m: { perDay: 1440n, perSecond: 0n, fraction: 0 },
  s: { perDay: 86400n, perSecond: 1n, fraction: 0 },
  ms: { perDay: 86400n * 10n ** 3n, perSecond: 10n ** 3n, fraction: 3 },
  us: { perDay: 86400n * 10n ** 6n, perSecond: 10n ** 6n, fraction: 6 },
  ns: { perDay: 86400n * 10n ** 9n, perSecond: 10n ** 9n, fraction: 9 },
  ps: { perDay: 86400n * 10n ** 12n, perSecond: 10n ** 12n, fraction: 12 },
  fs: { perDay: 86400n * 10n ** 15n, perSecond: 10n ** 15n, fraction: 15 },
  as: { perDay: 86400n * 10n ** 18n, perSecond: 10n ** 18n, fraction: 18 },
};

/** Splits "10s" (from a descr's "[10s]") into multiplier and unit; '' is numpy's generic unit. */
export function parseTimeUnit(spec: string): { multiplier: bigint; unit: string } {
  const m = /^(\d*)(\w*)$/.exec(spec);
  return { multiplier: m && m[1] !== '' ? BigInt(m[1]) : 1n, unit: m ? m[2] : spec };
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

function pad(n: bigint, width: number): string {
  return n.toString().padStart(width, '0');
}

/** C's "%04lld": at least 4 characters, the minus sign counting as one. */
function year4(y: bigint): string {
  return y < 0n ? `-${pad(-y, 3)}` : pad(y, 4);
}

/** Days since 1970-01-01 → proleptic Gregorian (Howard Hinnant's civil_from_days). */
export function civilFromDays(days: bigint): { year: bigint; month: number; day: number } {
  const z = days + 719468n;
  const era = floorDiv(z, 146097n);
  const doe = z - era * 146097n;
  const yoe = (doe - doe / 1460n + doe / 36524n - doe / 146096n) / 365n;
  const doy = doe - (365n * yoe + yoe / 4n - yoe / 100n);
  const mp = (5n * doy + 2n) / 153n;
  const day = Number(doy - (153n * mp + 2n) / 5n + 1n);
  const month = Number(mp < 10n ? mp + 3n : mp - 9n);
  return { year: yoe + era * 400n + (month <= 2 ? 1n : 0n), month, day };
}

function dateText(days: bigint): string {
  const c = civilFromDays(days);
  return `${year4(c.year)}-${pad(BigInt(c.month), 2)}-${pad(BigInt(c.day), 2)}`;
}

/** str(np.datetime64(value, f'{multiplier}{unit}')): '2026-11-25T10:00:00', '2026-11-25', '2026-11', '2026', 'NaT'. */
export function formatDatetime(value: bigint, spec: string): string {
  if (value === NAT) return 'NaT';
  const { multiplier, unit } = parseTimeUnit(spec);
  const v = BigInt.asIntN(64, value * multiplier); // numpy multiplies in int64 and wraps
  switch (unit) {
    case 'Y': return year4(1970n + v);
    case 'M': return `${year4(1970n + floorDiv(v, 12n))}-${pad(v - floorDiv(v, 12n) * 12n + 1n, 2)}`;
    case 'W': return dateText(v * 7n);
    case 'D': return dateText(v);
    case '': return v.toString(); // generic datetime64 holds only NaT in practice
  }
  const u = TIME_UNITS[unit];
  if (!u) return `${v} [${spec}]`;
  const days = floorDiv(v, u.perDay);
  const rest = v - days * u.perDay; // 0 ≤ rest < perDay
  let text = `${dateText(days)}T`;
  if (unit === 'h') return text + pad(rest, 2);
  if (unit === 'm') return text + `${pad(rest / 60n, 2)}:${pad(rest % 60n, 2)}`;
  const seconds = rest / u.perSecond;
  text += `${pad(seconds / 3600n, 2)}:${pad((seconds / 60n) % 60n, 2)}:${pad(seconds % 60n, 2)}`;
  return u.fraction === 0 ? text : `${text}.${pad(rest % u.perSecond, u.fraction)}`;
}

/** str(np.timedelta64(value, spec)): '5 seconds', '1 days', '50 seconds' for [10s], 'NaT'. */
export function formatTimedelta(value: bigint, spec: string): string {
  if (value === NAT) return 'NaT';
  const { multiplier, unit } = parseTimeUnit(spec);
  const word = unit === '' ? 'generic time units' : UNIT_WORDS[unit] ?? `[${spec}]`;
  return `${BigInt.asIntN(64, value * multiplier)} ${word}`; // int64 arithmetic, wrapping as numpy's
}
