// The change poll driven by a fake clock and a fake stat: one stat per tick while active, none while
// inactive, no timer left behind, and onChange (the only thing that reads file data) only when mtime, size
// or allocated blocks differ from the last stat. The real stat is checked against a file numpy writes
// through a memory map.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { ChangePoll, FileStamp, PollClock, statStamp } from '../../../src/extension/changePoll';
import { requireNumpy, runPython } from '../../helpers/python';
import { makeTempDir, removeTempDir } from '../../helpers/tmp';

/** Timers that run only when the test says so. */
class FakeClock implements PollClock {
  private next = 1;
  readonly timers = new Map<number, { fn: () => void; ms: number }>();
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.timers.set(id, { fn, ms });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  /** Runs every pending timer once (one poll interval passing), then lets the stat promises settle. */
  async tick(): Promise<void> {
    const due = [...this.timers.entries()];
    this.timers.clear();
    for (const [, t] of due) t.fn();
    await settle();
  }
}

const settle = () => new Promise<void>((r) => setImmediate(r));

function harness(initial: FileStamp = { mtimeNs: 1n, size: 100n, blocks: 8n }) {
  const clock = new FakeClock();
  let stamp = initial;
  const h = {
    clock, stats: 0, changes: 0,
    set(s: FileStamp) { stamp = s; },
    poll: undefined as unknown as ChangePoll,
  };
  h.poll = new ChangePoll({
    clock, intervalMs: 1500,
    stat: async () => { h.stats++; return stamp; },
    onChange: () => { h.changes++; },
  });
  return h;
}

describe('change poll (fake clock and stat)', () => {
  it('N ticks while visible are N stats, every 1.5 s; no data read (onChange) while nothing changes', async () => {
    const h = harness();
    h.poll.setActive(true);
    await settle();
    assert.equal(h.stats, 1, 'the first tick (the baseline) runs at once');
    assert.deepEqual([...h.clock.timers.values()].map((t) => t.ms), [1500], 'one timer, 1.5 s');
    for (let i = 0; i < 9; i++) await h.clock.tick();
    assert.equal(h.stats, 10);
    assert.equal(h.poll.stats, 10, 'the count the test API reports');
    assert.equal(h.changes, 0, 'an unchanged file is never re-read');
    h.poll.dispose();
  });

  it('reports a change of mtime, of size and of allocated blocks once each, and a vanished file', async () => {
    const h = harness();
    h.poll.setActive(true);
    await settle();
    h.set({ mtimeNs: 2n, size: 100n, blocks: 8n });
    await h.clock.tick();
    assert.equal(h.changes, 1, 'mtime');
    await h.clock.tick();
    assert.equal(h.changes, 1, 'the same stamp again is no change');
    h.set({ mtimeNs: 2n, size: 200n, blocks: 8n });
    await h.clock.tick();
    assert.equal(h.changes, 2, 'size');
    // A sparse file filled through a memory map: same size, more blocks (mtime may be coarse).
    h.set({ mtimeNs: 2n, size: 200n, blocks: 24_000n });
    await h.clock.tick();
    assert.equal(h.changes, 3, 'allocated blocks');
    h.set(null);
    await h.clock.tick();
    assert.equal(h.changes, 4, 'gone');
    await h.clock.tick();
    assert.equal(h.changes, 4);
    h.poll.dispose();
  });

  it('hidden: no stat and no timer; shown again: one stat at once that sees a change made meanwhile', async () => {
    const h = harness();
    h.poll.setActive(true);
    await settle();
    await h.clock.tick();
    assert.equal(h.stats, 2);
    h.poll.setActive(false);
    assert.equal(h.clock.timers.size, 0, 'hiding cancels the pending tick');
    assert.equal(h.poll.pending, false);
    for (let i = 0; i < 5; i++) await h.clock.tick();
    assert.equal(h.stats, 2, '0 stats while hidden');
    h.set({ mtimeNs: 5n, size: 100n, blocks: 8n });
    h.poll.setActive(true);
    h.poll.setActive(true); // repeated view-state events start nothing more
    await settle();
    assert.equal(h.stats, 3);
    assert.equal(h.changes, 1, 'the change made while hidden is seen on showing');
    assert.equal(h.clock.timers.size, 1);
    h.poll.dispose();
    assert.equal(h.clock.timers.size, 0, 'disposing leaves no timer behind');
    assert.equal(h.poll.pending, false);
    for (let i = 0; i < 3; i++) await h.clock.tick();
    assert.equal(h.stats, 3);
    h.poll.setActive(true);
    await settle();
    assert.equal(h.stats, 3, 'a disposed poll never starts again');
  });

  it('a stat still in flight when hidden or disposed schedules nothing and reports nothing', async () => {
    const clock = new FakeClock();
    let release: (s: FileStamp) => void = () => undefined;
    let changes = 0;
    let first = true;
    const poll = new ChangePoll({
      clock,
      stat: () => {
        if (first) { first = false; return Promise.resolve({ mtimeNs: 1n, size: 1n, blocks: 0n }); }
        return new Promise<FileStamp>((r) => { release = r; });
      },
      onChange: () => { changes++; },
    });
    poll.setActive(true);
    await settle();
    await clock.tick(); // the second stat hangs
    poll.dispose();
    release({ mtimeNs: 9n, size: 1n, blocks: 0n });
    await settle();
    assert.equal(changes, 0);
    assert.equal(clock.timers.size, 0);
  });

  it('a stat that throws counts as "cannot stat", not a crash', async () => {
    const clock = new FakeClock();
    let fail = false;
    let changes = 0;
    const poll = new ChangePoll({
      clock,
      stat: async () => { if (fail) throw new Error('EIO'); return { mtimeNs: 1n, size: 1n, blocks: 0n }; },
      onChange: () => { changes++; },
    });
    poll.setActive(true);
    await settle();
    fail = true;
    await clock.tick();
    assert.equal(changes, 1);
    assert.equal(clock.timers.size, 1, 'it keeps polling');
    poll.dispose();
  });
});

describe('change poll: the real stat', function () {
  this.timeout(60000);
  let dir: string;
  before(function () { requireNumpy(this); dir = makeTempDir(); });
  after(() => { if (dir) removeTempDir(dir); });

  it('sees a write through np.load(mmap_mode="r+") + flush(): mtime and allocated blocks as os.stat reports them', async () => {
    const p = join(dir, 'sparse.npy');
    runPython(`import sys, numpy as np
a = np.lib.format.open_memmap(sys.argv[1], mode='w+', dtype='<f8', shape=(1000, 1000))
del a`, [p]);
    const before = await statStamp(p);
    assert.ok(before);
    const after = JSON.parse(runPython(`import sys, os, json, numpy as np
a = np.load(sys.argv[1], mmap_mode='r+')
a[100:200] = 1.5
a.flush()
del a
s = os.stat(sys.argv[1])
print(json.dumps([str(s.st_mtime_ns), str(s.st_size), str(s.st_blocks)]))`, [p])) as string[];
    const now = await statStamp(p);
    assert.deepEqual(now && [String(now.mtimeNs), String(now.size), String(now.blocks)], after, 'the same numbers os.stat gives');
    assert.equal(now!.size, before.size, 'the size is unchanged');
    assert.ok(now!.blocks > before.blocks, `filling 100 rows allocates blocks (${before.blocks} → ${now!.blocks})`);
    assert.equal(await statStamp(join(dir, 'missing.npy')), null);
  });
});
