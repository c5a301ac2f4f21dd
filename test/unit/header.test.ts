import assert from 'node:assert/strict';
import { parseDtype } from '../../src/core/format/dtype';
import { NpyError } from '../../src/core/errors';
import { buildHeader, headerDictText, parseHeader, readPreamble } from '../../src/core/format/header';
import { hostileHeaders, npyBytes } from './hostileHeaders';

const latin1 = (b: Uint8Array): string => Buffer.from(b).toString('latin1');

describe('header: build', () => {
  it('writes numpy\'s bytes for a 64 GiB float64 array', () => {
    const h = buildHeader(parseDtype('<f8').dtype, [1024n, 2048n, 4096n], false);
    assert.equal(h.length, 128);
    const text = "{'descr': '<f8', 'fortran_order': False, 'shape': (1024, 2048, 4096), }";
    // growth padding 21 - len('1024') = 17 spaces, then alignment spaces and '\n'
    assert.equal(latin1(h), `\x93NUMPY\x01\x00\x76\x00${text}${' '.repeat(128 - 10 - text.length - 1)}\n`);
    assert.ok(latin1(h).startsWith(`\x93NUMPY\x01\x00\x76\x00${text}${' '.repeat(17)}`));
  });
  it('pads an already aligned header with 64 more spaces, never 0', () => {
    // Growth padding keeps the text length fixed as dim 0 grows, so vary the other dims and the dtype to hit
    // every residue; the one that lands on a 64-byte boundary must get 64 spaces.
    let found = 0;
    for (const d of ['<f8', '|b1', '<M8[ns]', '<M8[10ms]', '<U10', '|S100']) {
      const dtype = parseDtype(d).dtype;
      for (let k = 0; k < 12; k++) {
        for (let digits = 1; digits < 8; digits++) {
          const shape = [7n, ...Array<bigint>(k).fill(10n ** BigInt(digits - 1))];
          const textLen = headerDictText(dtype, shape, false).length;
          const h = buildHeader(dtype, shape, false);
          const padlen = h.length - 10 - textLen - 1;
          assert.ok(padlen >= 1 && padlen <= 64 && h.length % 64 === 0, `${d} ${shape}`);
          if ((10 + textLen + 1) % 64 === 0) { assert.equal(padlen, 64); found++; }
        }
      }
    }
    assert.ok(found > 0, 'no aligned case found in the search');
  });
  it('adds no growth padding for 0-d, none past 21 digits, and uses the last dim for Fortran order', () => {
    const dtype = parseDtype('<f8').dtype;
    assert.ok(headerDictText(dtype, [], false).endsWith('()' + ', }'));
    assert.ok(headerDictText(dtype, [10n ** 22n], false).endsWith(', }'));
    assert.ok(headerDictText(dtype, [7n, 123n], true).endsWith(`, }${' '.repeat(18)}`));
    assert.ok(headerDictText(dtype, [7n, 123n], false).endsWith(`, }${' '.repeat(20)}`));
  });
  it('chooses 2.0 for headers over 65535 bytes and 3.0 for non-latin1 names', () => {
    const many = '[' + Array.from({ length: 5000 }, (_, i) => `('field_${i}', '<f4')`).join(', ') + ']';
    const big = buildHeader(parseDtype(many).dtype, [3n], false);
    assert.deepEqual([big[6], big[7]], [2, 0]);
    assert.equal(big.length % 64, 0);
    assert.deepEqual([...buildHeader(parseDtype("[('é', '<f4')]").dtype, [3n], false).subarray(6, 8)], [1, 0]);
    const v3 = buildHeader(parseDtype("[('名', '<f4')]").dtype, [3n], false);
    assert.deepEqual([...v3.subarray(6, 8)], [3, 0]);
    assert.equal(v3.length % 64, 0);
    assert.equal(parseHeader(v3).dtype.fields![0].name, '名');
  });
  it('round-trips through parse', () => {
    for (const [d, shape, f] of [['<f8', [1024n, 2048n], false], ["[('x', '<f4'), ('y', '<i4', (2,))]", [0n], true], ['|b1', [], false]] as const) {
      const dtype = parseDtype(d).dtype;
      const p = parseHeader(buildHeader(dtype, shape, f));
      assert.equal(p.dtype.descrRepr, dtype.descrRepr);
      assert.deepEqual(p.shape, shape);
      assert.equal(p.fortranOrder, f);
      assert.equal(p.dataOffset % 64, 0);
    }
  });
});

describe('header: parse what numpy accepts', () => {
  const ok = (text: string, version: 1 | 2 | 3 = 1): ReturnType<typeof parseHeader> => parseHeader(npyBytes(text, version));
  it('any key order, double quotes, no trailing comma, newlines, CRLF, no padding', () => {
    assert.deepEqual(ok('{"shape": (2, 3), "fortran_order": True, "descr": "<i2"}').shape, [2n, 3n]);
    assert.equal(ok("{\r\n'descr': '>f4',\r\n 'fortran_order': False,\r\n 'shape': (5,)\r\n}\r\n").dtype.str, '>f4');
    assert.equal(ok("{'descr':'<f8','fortran_order':False,'shape':()}").dataOffset, 10 + "{'descr':'<f8','fortran_order':False,'shape':()}".length);
  });
  it('legacy 16-byte alignment and Python 2 long dims in 1.0 headers', () => {
    const text = "{'descr': '<f8', 'fortran_order': False, 'shape': (3L, 4L), }";
    const pad = 16 - ((10 + text.length + 1) % 16);
    const p = ok(text + ' '.repeat(pad % 16) + '\n');
    assert.deepEqual(p.shape, [3n, 4n]);
    assert.equal(p.dataOffset % 16, 0);
  });
  it('a subarray descr adds its dims after the shape, as np.load does', () => {
    const p = ok("{'descr': ('<f4', (2,)), 'fortran_order': False, 'shape': (3,), }");
    assert.deepEqual(p.shape, [3n, 2n]);
    assert.equal(p.dtype.str, '<f4');
  });
  it('reads the preamble of each version', () => {
    assert.deepEqual(readPreamble(npyBytes('{}', 2)), { version: '2.0', headerLength: 2, dataOffset: 14 });
    assert.deepEqual(readPreamble(npyBytes('{}', 1)), { version: '1.0', headerLength: 2, dataOffset: 12 });
  });
});

describe('header: refuse hostile and malformed headers with one clear sentence', () => {
  const cases = hostileHeaders();
  it(`has at least 30 cases (${cases.length})`, () => assert.ok(cases.length >= 30));
  for (const c of cases) {
    it(c.name, () => {
      assert.throws(() => parseHeader(c.bytes), (e: unknown) => {
        assert.ok(e instanceof NpyError, `not an NpyError: ${String(e)}`);
        assert.match(e.message, new RegExp(c.reason.source, "i"));
        assert.ok(!e.message.includes('\n') && e.message.length < 400, `not one short sentence: ${e.message}`);
        return true;
      });
    });
  }
});

describe('header: shapes numpy cannot represent', () => {
  it('refuses a shape past 2^63 − 1 elements or bytes as an invalid header, in one sentence', () => {
    const big = "{'descr': '<f8', 'fortran_order': False, 'shape': (9223372036854775807, 9223372036854775807), }";
    assert.throws(() => parseHeader(npyBytes(big)), (e: NpyError) => e.code === 'bad-header' &&
      e.message === 'The shape (9223372036854775807, 9223372036854775807) with 8-byte elements is more than numpy can represent (over 2^63 − 1 elements); numpy cannot load it.');
    const bytes = "{'descr': '<f8', 'fortran_order': False, 'shape': (2305843009213693952,), }";
    assert.throws(() => parseHeader(npyBytes(bytes)), /over 2\^63 − 1 bytes\); numpy cannot load it\.$/);
    // The largest that fits stays valid (an 8 EiB − 8 B array of bytes).
    assert.deepEqual(parseHeader(npyBytes("{'descr': '|u1', 'fortran_order': False, 'shape': (9223372036854775807,), }")).shape, [9223372036854775807n]);
  });
});
