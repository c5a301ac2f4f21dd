// Number formatting for BENCHMARKS.md.
import { formatBytes } from '../../src/core/units';
import type { Summary } from './stats';

/** Milliseconds with about three significant digits; microseconds below 1 ms. */
export function ms(x: number): string {
  if (x < 1) {
    const us = x * 1000;
    return `${us < 10 ? us.toFixed(2) : us < 100 ? us.toFixed(1) : us.toFixed(0)} µs`;
  }
  if (x < 10) return `${x.toFixed(2)} ms`;
  if (x < 100) return `${x.toFixed(1)} ms`;
  if (x < 10_000) return `${x.toFixed(0)} ms`;
  return `${(x / 1000).toFixed(1)} s`;
}

export function median(s: Summary): string { return `**${ms(s.median)}**`; }
export function range(s: Summary): string { return `${ms(s.min)} – ${ms(s.max)}`; }

export function ratio(r: number | null): string {
  if (r === null || !Number.isFinite(r)) return '—';
  return `${r < 10 ? r.toFixed(2) : r.toFixed(1)}×`;
}

/** "4,096 B (4 KiB)": exact count first. */
export function bytes(n: number | undefined | null): string {
  if (n === undefined || n === null) return '—';
  const exact = `${n.toLocaleString('en-US')} B`;
  return n < 1024 ? exact : `${exact} (${formatBytes(BigInt(n))})`;
}

export function gibPerS(bytesPerRun: number, msPerRun: number): string {
  return `${(bytesPerRun / (1 << 30) / (msPerRun / 1000)).toFixed(2)} GiB/s`;
}
