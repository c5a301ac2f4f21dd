// Wall-clock timing with process.hrtime: in-process (an async function) and child processes (spawnSync, so
// every process row pays the same spawn overhead). A setup step before each run is never timed.
import { spawnSync, SpawnSyncOptions } from 'node:child_process';

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export interface RepeatOptions { runs: number; warmup: number; setup?: () => void | Promise<void> }

/** Runs `fn` warmup + runs times; returns the timed samples (ms). */
export async function timeAsync(fn: () => Promise<unknown>, o: RepeatOptions): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < o.warmup + o.runs; i++) {
    await o.setup?.();
    const t = nowMs();
    await fn();
    const dt = nowMs() - t;
    if (i >= o.warmup) out.push(dt);
  }
  return out;
}

/** Several async functions timed round-robin (A B C, A B C, …); setup and after are untimed. Samples per id. */
export async function timeAsyncRoundRobin(
  list: ReadonlyArray<{ id: string; fn: () => Promise<unknown>; setup?: () => void; after?: () => void }>, o: { runs: number; warmup: number },
): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>(list.map((x) => [x.id, []]));
  for (let i = 0; i < o.warmup + o.runs; i++) {
    for (const x of list) {
      x.setup?.();
      const t = nowMs();
      await x.fn();
      const dt = nowMs() - t;
      if (i >= o.warmup) out.get(x.id)!.push(dt);
      x.after?.();
    }
  }
  return out;
}

export interface Command { cmd: string; args: string[]; env?: NodeJS.ProcessEnv }

/** Runs a command to completion once; throws with its stderr when it fails. Returns the elapsed ms. */
export function runTimed(c: Command, opts: SpawnSyncOptions = {}): number {
  const t = nowMs();
  const r = spawnSync(c.cmd, c.args, { stdio: ['ignore', 'pipe', 'pipe'], env: c.env ?? process.env, maxBuffer: 16 << 20, ...opts });
  const dt = nowMs() - t;
  if (r.error) throw new Error(`${c.cmd} could not start: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${[c.cmd, ...c.args].join(' ')} exited ${r.status ?? r.signal}: ${String(r.stderr).trim()}`);
  return dt;
}

/** Times a command repeatedly (setup untimed before each run). */
export async function timeCommand(c: Command, o: RepeatOptions): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < o.warmup + o.runs; i++) {
    await o.setup?.();
    const dt = runTimed(c);
    if (i >= o.warmup) out.push(dt);
  }
  return out;
}

/** Runs a command and returns trimmed stdout; throws with stderr on failure. */
export function output(cmd: string, args: string[], env?: NodeJS.ProcessEnv): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: env ?? process.env, maxBuffer: 64 << 20 });
  if (r.error) throw new Error(`${cmd} could not start: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${[cmd, ...args].join(' ')} exited ${r.status ?? r.signal}: ${r.stderr.trim()}`);
  return r.stdout.trim();
}
