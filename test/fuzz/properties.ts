// The fuzz properties, shared by the short run in the unit tests and `npm run fuzz -- --iterations N`.
// Every input must end in a result or our typed NpyError — never another exception, never a hang.
import fc from 'fast-check';
import { dtypeFromDescr } from '../../src/core/format/dtype';
import { NpyError } from '../../src/core/errors';
import { buildHeader, parseHeader } from '../../src/core/format/header';
import { inspectBytes } from '../../src/core/file/inspect';
import { parsePyLiteral, pyRepr } from '../../src/core/format/pyliteral';
import { descrText, headerArb, mutate, pyValueArb, shapeArb } from './arbitraries';

/** numpy sizes arrays with int64. */
const INT64_MAX = (1n << 63n) - 1n;

export interface FuzzStats { inputs: number; slowestMs: number; heapGrowthBytes: number; accepted: number; refused: number }

/** An input may take at most this long: a guard against hangs, not a performance claim. */
export const HANG_BOUND_MS = 2000;

export function runFuzz(iterations: number, seed?: number): FuzzStats {
  const stats: FuzzStats = { inputs: 0, slowestMs: 0, heapGrowthBytes: 0, accepted: 0, refused: 0 };
  global.gc?.();
  const heapStart = process.memoryUsage().heapUsed;
  const params = { numRuns: iterations, ...(seed !== undefined ? { seed } : {}) };

  const guarded = (what: string, f: () => unknown): void => {
    const t0 = performance.now();
    try {
      f();
      stats.accepted++;
    } catch (e) {
      if (!(e instanceof NpyError)) throw new Error(`${what} threw ${String(e)} instead of an NpyError`, { cause: e });
      if (e.message.includes('\n')) throw new Error(`${what}: the error is not one line: ${e.message}`, { cause: e });
      stats.refused++;
    }
    const ms = performance.now() - t0;
    stats.inputs++;
    stats.slowestMs = Math.max(stats.slowestMs, ms);
    if (ms > HANG_BOUND_MS) throw new Error(`${what} took ${ms.toFixed(0)} ms`);
  };

  // 1. build → parse round trip for random dtypes (nested structs included), shapes and orders.
  fc.assert(fc.property(descrText(), shapeArb, fc.boolean(), (d, shape, fortran) => {
    const { dtype, subarrayShape } = dtypeFromDescr(parsePyLiteral(d));
    const full = [...shape, ...subarrayShape];
    const bytes = buildHeader(dtype, full, fortran);
    stats.inputs++;
    // numpy writes any shape into a header, but an array past 2^63 − 1 elements or bytes is none it can load.
    const count = full.reduce((a, b) => a * b, 1n);
    if (count > INT64_MAX || count * BigInt(dtype.itemsize) > INT64_MAX) {
      try {
        parseHeader(bytes);
        return false;
      } catch (e) {
        return e instanceof NpyError && e.code === 'bad-header' && /more than numpy can represent/.test(e.message);
      }
    }
    const p = parseHeader(bytes);
    return bytes.length % 64 === 0 && p.dtype.descrRepr === dtype.descrRepr && p.fortranOrder === fortran
      && p.shape.join() === full.join() && p.dataOffset === bytes.length
      && p.version === (dtype.needsUtf8 ? '3.0' : bytes.length > 65535 + 10 ? '2.0' : '1.0');
  }), params);

  // 2. repr → parse round trip for random literal values.
  fc.assert(fc.property(pyValueArb, (v) => {
    stats.inputs++;
    return pyRepr(parsePyLiteral(pyRepr(v))) === pyRepr(v);
  }), params);

  // 3. arbitrary text into the literal parser.
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (t) => { guarded('parsePyLiteral', () => parsePyLiteral(t)); }), params);

  // 4. mutated headers (bit flips, truncation, lying lengths, insertions, deep nesting, huge numbers, bad
  //    UTF-8 in 3.0) into the header parser and the inspector.
  fc.assert(fc.property(headerArb.chain((h) => mutate(h)), fc.bigInt({ min: 0n, max: 1n << 45n }), (bytes, extra) => {
    guarded('parseHeader', () => parseHeader(bytes));
    guarded('inspectBytes', () => inspectBytes(bytes, BigInt(bytes.length) + extra, null, '/fuzz/x.npy'));
  }), params);

  // 5. random bytes behind a valid magic.
  fc.assert(fc.property(fc.constantFrom(1, 2, 3), fc.uint8Array({ maxLength: 300 }), (v, body) => {
    const pre = Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, v, 0, ...(v === 1 ? [body.length & 0xff, body.length >> 8] : [body.length & 0xff, body.length >> 8, 0, 0])]);
    guarded('parseHeader', () => parseHeader(new Uint8Array(Buffer.concat([pre, body]))));
  }), params);

  global.gc?.();
  stats.heapGrowthBytes = process.memoryUsage().heapUsed - heapStart;
  return stats;
}
