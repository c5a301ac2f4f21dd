// Value decoding without numpy: each dtype's bytes → numpy's str() text (expected strings as numpy 2.4 prints
// them), Fortran-order offsets, page bounds, read merging and the "Go to index" parser.
import * as assert from 'node:assert/strict';
import { dtypeFromDescr } from '../../src/core/format/dtype';
import { buildHeader } from '../../src/core/format/header';
import { inspectBytes } from '../../src/core/file/inspect';
import { parsePyLiteral } from '../../src/core/format/pyliteral';
import { Dtype } from '../../src/core/types';
import { LONG_DOUBLE_TEXT, decodeElement, pyReprBytes } from '../../src/core/values/decode';
import { formatComplex, formatFloat, halfToNumber, roundToHalf } from '../../src/core/values/float';
import { parseIndex, storageIndex, storageIndices, unravelIndex } from '../../src/core/values/elementIndex';
import { civilFromDays, formatDatetime, formatTimedelta } from '../../src/core/values/time';
import { ByteSource, MAX_PAGE_COUNT, MISSING_TEXT, readValuesFrom, readValuesFromBytes } from '../../src/core/values/pages';

function dtype(descr: string): Dtype {
  return dtypeFromDescr(descr.startsWith('[') ? parsePyLiteral(descr) : { type: 'str', value: descr }).dtype;
}

function decode(descr: string, bytes: number[]): string {
  const b = new Uint8Array(bytes);
  return decodeElement(dtype(descr), new DataView(b.buffer), 0).text;
}

/** A whole .npy file in memory: header as numpy writes it, then `data`. */
function npyBytes(descr: string, shape: bigint[], fortran: boolean, data: Uint8Array): Uint8Array {
  const header = buildHeader(dtype(descr), shape, fortran);
  const out = new Uint8Array(header.length + data.length);
  out.set(header, 0);
  out.set(data, header.length);
  return out;
}

describe('values: scalar decoders', () => {
  it('bool and integers of every size, both byte orders, 64-bit via BigInt', () => {
    assert.equal(decode('|b1', [1]), 'True');
    assert.equal(decode('|b1', [0]), 'False');
    assert.equal(decode('|i1', [0xff]), '-1');
    assert.equal(decode('|u1', [0xff]), '255');
    assert.equal(decode('<i2', [0x00, 0x80]), '-32768');
    assert.equal(decode('>i2', [0x00, 0x80]), '128');
    assert.equal(decode('<u4', [1, 0, 0, 0]), '1');
    assert.equal(decode('>u4', [1, 0, 0, 0]), '16777216');
    assert.equal(decode('<i8', [0, 0, 0, 0, 0, 0, 0, 0x80]), '-9223372036854775808');
    assert.equal(decode('>u8', [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), '18446744073709551615');
  });

  it('float16 by hand: subnormals, normals, inf, nan, both zeros, both byte orders', () => {
    assert.equal(halfToNumber(0x0001), 2 ** -24);          // smallest subnormal
    assert.equal(halfToNumber(0x03ff), 1023 * 2 ** -24);   // largest subnormal
    assert.equal(halfToNumber(0x0400), 2 ** -14);          // smallest normal
    assert.equal(halfToNumber(0x7bff), 65504);
    assert.equal(halfToNumber(0x7c00), Infinity);
    assert.equal(halfToNumber(0xfc00), -Infinity);
    assert.ok(Number.isNaN(halfToNumber(0x7e00)));
    assert.ok(Object.is(halfToNumber(0x8000), -0));
    assert.equal(decode('<f2', [0x01, 0x00]), '6e-08');
    assert.equal(decode('<f2', [0xff, 0x03]), '6.1e-05');
    assert.equal(decode('<f2', [0x00, 0x3c]), '1.0');
    assert.equal(decode('>f2', [0x3c, 0x00]), '1.0');
    assert.equal(decode('<f2', [0x66, 0x2e]), '0.1');
    assert.equal(decode('<f2', [0xff, 0x7b]), '6.55e+04');
    assert.equal(decode('<f2', [0x00, 0x7c]), 'inf');
    assert.equal(decode('<f2', [0x00, 0xfe]), 'nan');
    assert.equal(decode('<f2', [0x00, 0x80]), '-0.0');
    assert.equal(decode('<f2', [0x00, 0x24]), '0.01563');  // 2^-6: the nearest 4 digits do not round-trip
    assert.equal(roundToHalf(0.1), halfToNumber(0x2e66));
    assert.equal(roundToHalf(65520), Infinity);
  });

  it('float32/float64: shortest round-trip digits and numpy\'s positional cut-offs', () => {
    assert.equal(formatFloat(Math.fround(0.1), 32), '0.1');
    assert.equal(formatFloat(Math.fround(1e-4), 32), '1e-04');     // just below 1e-4 as a float32
    assert.equal(formatFloat(999999, 32), '999999.0');
    assert.equal(formatFloat(1e6, 32), '1e+06');
    assert.equal(formatFloat(Math.fround(3.4e38), 32), '3.4e+38');
    assert.equal(formatFloat(999, 16), '999.0');
    assert.equal(formatFloat(1000, 16), '1e+03');
    assert.equal(formatFloat(1e-4, 64), '0.0001');
    assert.equal(formatFloat(1e-5, 64), '1e-05');
    assert.equal(formatFloat(1e16, 64), '1e+16');
    assert.equal(formatFloat(9999999999999998, 64), '9999999999999998.0');
    assert.equal(formatFloat(5e-324, 64), '5e-324');
    assert.equal(formatFloat(-0, 64), '-0.0');
    assert.equal(formatFloat(NaN, 64), 'nan');
    assert.equal(formatFloat(-Infinity, 64), '-inf');
    assert.equal(decode('>f8', [0x3f, 0xb9, 0x99, 0x99, 0x99, 0x99, 0x99, 0x9a]), '0.1');
  });

  it('complex as Python prints it', () => {
    assert.equal(formatComplex(1, 2, 64), '(1+2j)');
    assert.equal(formatComplex(0, 2, 64), '2j');
    assert.equal(formatComplex(0, 0, 64), '0j');
    assert.equal(formatComplex(0, -0, 64), '-0j');
    assert.equal(formatComplex(-0, 2, 64), '(-0+2j)');
    assert.equal(formatComplex(1, -0, 64), '(1-0j)');
    assert.equal(formatComplex(-0, -0, 64), '(-0-0j)');
    assert.equal(formatComplex(NaN, Infinity, 64), '(nan+infj)');
    assert.equal(formatComplex(1e20, 1e-20, 64), '(1e+20+1e-20j)');
    assert.equal(formatComplex(Math.fround(0.1), Math.fround(0.2), 32), '(0.1+0.2j)');
    assert.equal(formatComplex(Math.fround(2393516.3), 0, 32), '(2.3935162e+06+0j)');
    assert.equal(formatComplex(1, 1e6, 64), '(1+1000000j)');
  });

  it('datetime64 in every unit, with multipliers, NaT and years beyond 9999', () => {
    assert.equal(formatDatetime(1795600800n, 's'), '2026-11-25T10:00:00');
    assert.equal(formatDatetime(20417n, 'D'), '2025-11-25');
    assert.equal(formatDatetime(-(2n ** 63n), 's'), 'NaT');
    assert.equal(formatDatetime(5n, 'Y'), '1975');
    assert.equal(formatDatetime(-3000n, 'Y'), '-1030');
    assert.equal(formatDatetime(-1965n, 'Y'), '0005');
    assert.equal(formatDatetime(5n, 'M'), '1970-06');
    assert.equal(formatDatetime(5n, 'W'), '1970-02-05');
    assert.equal(formatDatetime(5n, 'h'), '1970-01-01T05');
    assert.equal(formatDatetime(5n, 'm'), '1970-01-01T00:05');
    assert.equal(formatDatetime(5n, 'ms'), '1970-01-01T00:00:00.005');
    assert.equal(formatDatetime(5n, 'ns'), '1970-01-01T00:00:00.000000005');
    assert.equal(formatDatetime(-5n, 's'), '1969-12-31T23:59:55');
    assert.equal(formatDatetime(10n ** 17n, 's'), '3168875820-09-06T09:46:40');
    assert.equal(formatDatetime(-(10n ** 17n), 's'), '-3168871881-04-27T14:13:20');
    assert.equal(formatDatetime(-(2n ** 63n) + 1n, 'as'), '1969-12-31T23:59:50.776627963145224193');
    assert.equal(formatDatetime(5n, '10s'), '1970-01-01T00:00:50');
    assert.equal(formatDatetime(5n, '3D'), '1970-01-16');
    assert.deepEqual(civilFromDays(-800000n), { year: -221n, month: 9, day: 4 });
  });

  it('timedelta64 as numpy\'s str', () => {
    assert.equal(formatTimedelta(5n, 's'), '5 seconds');
    assert.equal(formatTimedelta(1n, 'D'), '1 days');
    assert.equal(formatTimedelta(-1n, 'us'), '-1 microseconds');
    assert.equal(formatTimedelta(5n, '10s'), '50 seconds');
    assert.equal(formatTimedelta(5n, ''), '5 generic time units');
    assert.equal(formatTimedelta(-(2n ** 63n), 'ns'), 'NaT');
    const b = new Uint8Array(8);
    new DataView(b.buffer).setBigInt64(0, 7n, false);
    assert.equal(decode('>m8[h]', [...b]), '7 hours');
  });

  it('bytes, unicode (UTF-32 both orders), void', () => {
    assert.equal(decode('|S5', [0x61, 0x62, 0, 0, 0]), "b'ab'");
    assert.equal(decode('|S3', [0x61, 0, 0x62]), "b'a\\x00b'");
    assert.equal(pyReprBytes(new Uint8Array([0x27])), 'b"\'"');
    assert.equal(pyReprBytes(new Uint8Array([0x27, 0x22, 0x5c, 0x0a, 0xff])), "b'\\'\"\\\\\\n\\xff'");
    assert.equal(decode('<U3', [0x61, 0, 0, 0, 0xe9, 0, 0, 0, 0, 0, 0, 0]), "'aé'");
    assert.equal(decode('>U2', [0, 0x01, 0xf6, 0x00, 0, 0, 0, 0x27]), '"😀\'"');
    assert.equal(decode('<U2', [0, 0, 0, 0, 0x78, 0, 0, 0]), "'\\x00x'");
    assert.equal(decode('|V3', [0, 1, 0xff]), "b'\\x00\\x01\\xFF'");
  });

  it('long doubles are said to be not decoded', () => {
    assert.equal(decode('<f16', new Array(16).fill(0)), LONG_DOUBLE_TEXT);
    assert.equal(decode('<c32', new Array(32).fill(0)), LONG_DOUBLE_TEXT);
  });

  it('structured records: rows of fields, nested recursively, subarrays as lists, padding skipped', () => {
    const d = dtype("[('x', '<f4'), ('', '|V4'), ('y', '>i2', (2, 2)), ('z', [('a', '|b1'), ('b', '|S2')]), ('t', '<M8[s]')]");
    const b = new Uint8Array(d.itemsize);
    const v = new DataView(b.buffer);
    v.setFloat32(0, 1.5, true);
    [1, 2, 3, -4].forEach((n, i) => v.setInt16(8 + 2 * i, n, false));
    b[16] = 1; b[17] = 0x71;
    v.setBigInt64(19, 60n, true);
    const r = decodeElement(d, v, 0);
    // Inside the whole record numpy prints the int subarray array-style, right-aligned; the field row does not.
    assert.equal(r.text, "(1.5, [[ 1,  2], [ 3, -4]], (True, b'q'), '1970-01-01T00:01:00')");
    assert.deepEqual(r.fields, [
      { name: 'x', text: '1.5' }, { name: 'y', text: '[[1, 2], [3, -4]]' }, { name: 'z', text: "(True, b'q')" },
      { name: 't', text: '1970-01-01T00:01:00' },
    ]);
    assert.equal(decodeElement(dtype("[('v', '<f8')]"), new DataView(new ArrayBuffer(8)), 0).text, '(0.0,)');
    // Complex fields print array-style inside records: '1.+2.j', exponents from 1e6 for complex64.
    const c = new DataView(new ArrayBuffer(24));
    c.setFloat64(0, 1, true); c.setFloat64(8, 2, true); c.setFloat32(16, 71643496, true); c.setFloat32(20, -0.5, true);
    const cr = decodeElement(dtype("[('a', '<c16'), ('b', '<c8')]"), c, 0);
    assert.equal(cr.text, '(1.+2.j, 7.1643496e+07-0.5j)');
    assert.deepEqual(cr.fields?.map((f) => f.text), ['(1+2j)', '(7.1643496e+07-0.5j)']);
  });
});

describe('values: indices and Fortran order', () => {
  const shape = [2n, 3n, 4n];
  it('C-order flat index ↔ N-d index; F-order item offsets', () => {
    assert.deepEqual(unravelIndex(23n, shape), [1n, 2n, 3n]);
    assert.deepEqual(unravelIndex(5n, shape), [0n, 1n, 1n]);
    assert.equal(storageIndex([1n, 2n, 3n], shape, false), 23n);
    // Fortran: i + j·2 + k·6
    assert.equal(storageIndex([1n, 2n, 3n], shape, true), 1n + 4n + 18n);
    assert.deepEqual(storageIndices(0n, 5, shape, true), [0n, 6n, 12n, 18n, 2n]);
    assert.deepEqual(storageIndices(3n, 3, shape, false), [3n, 4n, 5n]);
    assert.deepEqual(unravelIndex(0n, []), []);
  });

  it('parseIndex: flat or N-d, negatives from the end, one sentence for bad input', () => {
    assert.equal(parseIndex('5', shape), 5n);
    assert.equal(parseIndex('1, 2, 3', shape), 23n);
    assert.equal(parseIndex('[1,2,3]', shape), 23n);
    assert.equal(parseIndex('(0 1 1)', shape), 5n);
    assert.equal(parseIndex('-1', shape), 23n);
    assert.equal(parseIndex('-1, -1, -1', shape), 23n);
    assert.equal(parseIndex('7', [10n]), 7n);
    assert.equal(parseIndex('', []), 0n);
    assert.equal(parseIndex('()', []), 0n);
    const bad = (text: string, s: bigint[], re: RegExp): void => {
      assert.throws(() => parseIndex(text, s), (e: Error) => e.name === 'NpyError' && re.test(e.message) && !e.message.includes('\n'));
    };
    bad('24', shape, /out of range: the array has 24 elements \(flat indices 0 to 23\)/);
    bad('1, 2', shape, /2 numbers but the array has 3 dimensions/);
    bad('1, 3, 0', shape, /Index 3 is out of range for axis 1, which has size 3/);
    bad('1.5', shape, /'1\.5' is not a whole number/);
    bad('', shape, /Enter an index/);
    bad('0', [0n, 3n], /no elements/);
  });
});

describe('values: pages', () => {
  function i4Data(n: number): Uint8Array {
    const b = new Uint8Array(4 * n);
    const v = new DataView(b.buffer);
    for (let i = 0; i < n; i++) v.setInt32(4 * i, i * 10, true);
    return b;
  }

  /** A source that records every read. */
  function recording(bytes: Uint8Array): { source: ByteSource; reads: Array<[number, number]> } {
    const reads: Array<[number, number]> = [];
    return {
      reads,
      source: { read: async (pos, len) => { reads.push([pos, len]); return bytes.subarray(pos, Math.min(pos + len, bytes.length)); } },
    };
  }

  it('C order: one read of exactly the page, clamped at the end', async () => {
    const file = npyBytes('<i4', [100n], false, i4Data(100));
    const report = inspectBytes(file, BigInt(file.length), null, 'a.npy');
    const { source, reads } = recording(file);
    const page = await readValuesFrom(source, report, { start: 95n, count: 20 });
    assert.deepEqual(page.items.map((i) => i.text), ['950', '960', '970', '980', '990']);
    assert.deepEqual(page.items.map((i) => i.position), ['[95]', '[96]', '[97]', '[98]', '[99]']);
    assert.deepEqual(reads, [[report.dataOffset + 95 * 4, 20]]);
    assert.equal(page.bytesRead, 20);
    assert.equal(page.reads, 1);
  });

  it('Fortran order: C-order values from scattered offsets, adjacent ranges merged, reads ≤ count', async () => {
    // Stored value at item s is s·10; element [i, j] of a (3, 4) F array lives at item i + 3j.
    const file = npyBytes('<i4', [3n, 4n], true, i4Data(12));
    const report = inspectBytes(file, BigInt(file.length), null, 'f.npy');
    const { source, reads } = recording(file);
    const page = await readValuesFrom(source, report, { start: 0n, count: 12 });
    assert.deepEqual(page.items.map((i) => i.text), ['0', '30', '60', '90', '10', '40', '70', '100', '20', '50', '80', '110']);
    assert.equal(reads.length, 1, 'the whole array is one range');
    assert.equal(page.bytesRead, 48);
    const { source: s2, reads: r2 } = recording(file);
    const p2 = await readValuesFrom(s2, report, { start: 1n, count: 2 });
    assert.deepEqual(p2.items.map((i) => i.text), ['30', '60']);
    assert.deepEqual(r2, [[report.dataOffset + 12, 4], [report.dataOffset + 24, 4]]);
  });

  it('a truncated file shows missing elements; count and start are checked', async () => {
    const full = npyBytes('<i4', [10n], false, i4Data(10));
    const cut = full.subarray(0, full.length - 7);
    const report = inspectBytes(cut, BigInt(cut.length), null, 'cut.npy');
    const page = await readValuesFromBytes(cut, report, { start: 0n, count: 10 });
    // 33 data bytes: elements 0–7 whole, element 8 cut in half, element 9 absent.
    assert.deepEqual(page.items.slice(8).map((i) => i.text), [MISSING_TEXT, MISSING_TEXT]);
    assert.equal(page.items[8].missing, true);
    assert.equal(page.items[7].text, '70');
    assert.equal(page.items[7].missing, undefined);
    assert.equal(page.bytesRead, 33);
    assert.equal((await readValuesFromBytes(cut, report, { start: 0n, count: 1e9 })).items.length, 10);
    await assert.rejects(readValuesFromBytes(cut, report, { start: 10n, count: 1 }), /out of range/);
    const big = npyBytes('|u1', [5000n], false, new Uint8Array(5000));
    const r = inspectBytes(big, BigInt(big.length), null, 'big.npy');
    assert.equal((await readValuesFromBytes(big, r, { start: 0n, count: 5000 })).items.length, MAX_PAGE_COUNT);
  });

  it('items over 64 KiB are not read at all; a page of big items is cut to 16 MiB', async () => {
    const huge = npyBytes('|V70000', [3n], false, new Uint8Array(3 * 70000));
    const { source, reads } = recording(huge);
    const p = await readValuesFrom(source, inspectBytes(huge, BigInt(huge.length), null, 'v.npy'), { start: 0n, count: 3 });
    assert.equal(p.items.length, 3);
    assert.match(p.items[0].text, /^not shown \(each item is 68\.4 KiB/);
    assert.deepEqual(reads, []);
    assert.equal(p.bytesRead, 0);
    const wide = npyBytes('|S60000', [400n], false, new Uint8Array(0));
    const r = inspectBytes(wide, BigInt(wide.length) + 400n * 60000n, null, 'w.npy');
    const { source: s2 } = recording(wide);
    const p2 = await readValuesFrom(s2, r, { start: 0n, count: 400 });
    assert.equal(p2.items.length, Math.floor(16 * 1024 * 1024 / 60000));
  });

  it('0-d arrays and empty arrays', async () => {
    const scalar = npyBytes('<f8', [], false, new Uint8Array(new Float64Array([2.5]).buffer));
    const p = await readValuesFromBytes(scalar, inspectBytes(scalar, BigInt(scalar.length), null, 's.npy'), { start: 0n, count: 20 });
    assert.deepEqual(p.items.map((i) => [i.position, i.text]), [['()', '2.5']]);
    const empty = npyBytes('<f8', [0n, 3n], false, new Uint8Array(0));
    const e = await readValuesFromBytes(empty, inspectBytes(empty, BigInt(empty.length), null, 'e.npy'), { start: 0n, count: 20 });
    assert.deepEqual(e.items, []);
    assert.equal(e.bytesRead, 0);
  });
});
