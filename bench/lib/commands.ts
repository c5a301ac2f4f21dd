// Several commands timed round-robin (A B C, A B C, …) so that drift over the run (page cache, CPU clock,
// other tenants) falls on every command alike rather than on whichever ran last.
import { summarize } from './stats';
import type { Measured } from './model';
import { Command, runTimed } from './time';

export interface Timed {
  id: string; label: string; command: Command;
  /** Untimed, before each run. */
  setup?: () => void;
  /** Untimed, after each run (e.g. stat the file the command made). */
  after?: () => void;
}

/** A command as one would type it in a POSIX shell (for the report). */
export function shown(c: Command): string {
  const q = (s: string): string => {
    if (/^[\w@%+=:,./-]+$/.test(s)) return s;
    if (!s.includes("'")) return `'${s}'`;
    if (!/["$`\\!]/.test(s)) return `"${s}"`;
    return `'${s.replace(/'/g, `'\\''`)}'`;
  };
  return [c.cmd, ...c.args].map(q).join(' ');
}

export function timeRoundRobin(list: readonly Timed[], runs: number, warmup: number): Measured[] {
  const samples = new Map<string, number[]>(list.map((t) => [t.id, []]));
  for (let i = 0; i < warmup + runs; i++) {
    for (const t of list) {
      t.setup?.();
      const dt = runTimed(t.command);
      if (i >= warmup) samples.get(t.id)!.push(dt);
      t.after?.();
    }
  }
  return list.map((t) => {
    const s = samples.get(t.id)!;
    return { id: t.id, label: t.label, kind: 'process' as const, command: shown(t.command), samples: s, summary: summarize(s) };
  });
}
