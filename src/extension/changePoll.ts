// Writes through a memory map (np.load(p, mmap_mode='r+') then flush()) change a file's mtime and allocated
// blocks but raise no file-watcher event, so a visible preview also stats its file itself every ~1.5 s and
// re-reads only when mtime, size or allocated blocks differ from the last stat. No `vscode` here: the clock and
// the stat are injected, so unit tests drive it without waiting.
import { stat } from 'node:fs/promises';

/** What one stat says about a file; null when it cannot be stat'ed (gone, no permission). */
export type FileStamp = { mtimeNs: bigint; size: bigint; blocks: bigint } | null;

export interface PollClock {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface ChangePollOptions {
  stat: () => Promise<FileStamp>;
  /** Called once per change seen (the caller debounces and re-reads). */
  onChange: () => void;
  intervalMs?: number;
  clock?: PollClock;
}

export const POLL_INTERVAL_MS = 1500;

const realClock: PollClock = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** One bigint stat of a path: mtime in ns, size and 512-byte blocks (what `ls -ls` and "allocated" show). */
export async function statStamp(fsPath: string): Promise<FileStamp> {
  try {
    const s = await stat(fsPath, { bigint: true });
    return { mtimeNs: s.mtimeNs, size: s.size, blocks: s.blocks };
  } catch {
    return null;
  }
}

export function sameStamp(a: FileStamp, b: FileStamp): boolean {
  if (a === null || b === null) return a === b;
  return a.mtimeNs === b.mtimeNs && a.size === b.size && a.blocks === b.blocks;
}

/**
 * Polls while active. Each tick is exactly one stat; the first tick runs as soon as polling starts (so a
 * change made while the panel was hidden is seen at once), the next ones every intervalMs after the previous
 * stat settled (stats never overlap). The very first stat only records the baseline. Inactive or disposed:
 * no timer is pending and a stat still in flight is ignored.
 */
export class ChangePoll {
  private last: FileStamp | undefined;
  private timer: unknown;
  private active = false;
  private disposed = false;
  /** Bumped on every start/stop, so a stat from an earlier active period cannot schedule or report. */
  private epoch = 0;
  /** Stats made so far (the test API reports it). */
  stats = 0;
  private readonly clock: PollClock;
  private readonly intervalMs: number;

  constructor(private readonly options: ChangePollOptions) {
    this.clock = options.clock ?? realClock;
    this.intervalMs = options.intervalMs ?? POLL_INTERVAL_MS;
  }

  /** Starts (visible) or stops (hidden) polling; repeated calls with the same value change nothing. */
  setActive(active: boolean): void {
    if (this.disposed || active === this.active) return;
    this.active = active;
    this.epoch++;
    this.cancelTimer();
    if (active) void this.tick(this.epoch);
  }

  /** Whether a timer is pending (tests check that none is left behind). */
  get pending(): boolean {
    return this.timer !== undefined;
  }

  dispose(): void {
    this.disposed = true;
    this.active = false;
    this.epoch++;
    this.cancelTimer();
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async tick(epoch: number): Promise<void> {
    this.timer = undefined;
    this.stats++;
    let stamp: FileStamp;
    try {
      stamp = await this.options.stat();
    } catch {
      stamp = null;
    }
    if (epoch !== this.epoch) return;
    const changed = this.last !== undefined && !sameStamp(this.last, stamp);
    this.last = stamp;
    this.timer = this.clock.setTimeout(() => void this.tick(epoch), this.intervalMs);
    if (changed) this.options.onChange();
  }
}
