// Summaries of repeated timings: the median is the headline, min–max shows the spread. No means: a single
// slow run (page cache, scheduler) must not move the number.
export interface Summary { n: number; median: number; min: number; max: number }

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('no samples to summarize');
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { n: s.length, median, min: s[0]!, max: s[s.length - 1]! };
}

/** a / b of two medians, or null when either is missing. */
export function ratio(a: Summary | undefined, b: Summary | undefined): number | null {
  if (!a || !b || b.median === 0) return null;
  return a.median / b.median;
}
