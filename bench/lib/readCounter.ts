// Counts the bytes our own code reads in-process by wrapping FileHandle.read/readv and fs.readSync (the only read
// paths src/core uses), the same layers test/unit/inspect.test.ts counts through.
import fs from 'node:fs';
import { open } from 'node:fs/promises';

type Fn = (...a: unknown[]) => Promise<{ bytesRead: number }>;

export async function countHandleReads<T>(fn: () => Promise<T>): Promise<{ result: T; bytes: number; calls: number }> {
  const probe = await open(__filename, 'r');
  const proto = Object.getPrototypeOf(probe) as { read: Fn; readv: Fn };
  await probe.close();
  const { read, readv } = proto;
  let bytes = 0;
  let calls = 0;
  const wrap = (orig: Fn): Fn => async function (this: unknown, ...args: unknown[]) {
    const r = await orig.apply(this, args);
    bytes += r.bytesRead;
    calls++;
    return r;
  };
  proto.read = wrap(read);
  proto.readv = wrap(readv);
  const readSync = fs.readSync;
  (fs as { readSync: unknown }).readSync = (...args: unknown[]): number => {
    const n = (readSync as (...a: unknown[]) => number)(...args);
    bytes += n;
    calls++;
    return n;
  };
  try {
    return { result: await fn(), bytes, calls };
  } finally {
    proto.read = read;
    proto.readv = readv;
    (fs as { readSync: unknown }).readSync = readSync;
  }
}
