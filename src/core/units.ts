// Human numbers for messages, tables and the wizard's size line.

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'];

/** Binary units, at most 3 significant digits, exact when whole: "0 B", "8 B", "4 KiB", "64 GiB", "1.5 TiB". */
export function formatBytes(n: bigint | number): string {
  let big = BigInt(n);
  const negative = big < 0n;
  if (negative) big = -big;
  let unit = 0;
  let divisor = 1n;
  while (unit < UNITS.length - 1 && big >= divisor * 1024n) { divisor *= 1024n; unit++; }
  let text: string;
  if (big % divisor === 0n) {
    text = (big / divisor).toString();
  } else {
    // Precision beyond 3 digits is not shown, so the float division is exact enough.
    const v = Number(big) / Number(divisor);
    text = v >= 100 ? Math.round(v).toString() : String(Number(v.toPrecision(3)));
  }
  return `${negative ? '-' : ''}${text} ${UNITS[unit]}`;
}

/** Thousands separators: "8,589,934,592". */
export function formatCount(n: bigint | number): string {
  const s = BigInt(n).toString();
  const neg = s.startsWith('-');
  const digits = neg ? s.slice(1) : s;
  return (neg ? '-' : '') + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A bigint as a JSON number when it is exact as a double, else as a decimal string. */
export function bigintToJson(n: bigint): number | string {
  return n <= BigInt(Number.MAX_SAFE_INTEGER) && n >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n.toString();
}
