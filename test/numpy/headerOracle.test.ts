// numpy as the oracle for the format core: header bytes equal open_memmap's for a generated matrix of
// (dtype, shape, order), numpy loads the files we write, our dtype spellings and Python reprs equal numpy's and
// Python's, and headers numpy accepts we accept (and the reverse), with the same meaning.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDtype } from '../../src/core/format/dtype';
import { NpyError } from '../../src/core/errors';
import { buildHeader, parseHeader } from '../../src/core/format/header';
import { pyReprStr } from '../../src/core/format/pyliteral';
import { elementCount, parseShape } from '../../src/core/format/shape';
import { writeZeroedNpy } from '../../src/core/file/writer';
import { repoRoot } from '../helpers/paths';
import { pythonJson, requireNumpy } from '../helpers/python';
import { makeTempDir, removeTempDir } from '../helpers/tmp';
import { hostileHeaders, npyBytes } from '../unit/hostileHeaders';

const ORACLE = readFileSync(join(repoRoot, 'test', 'numpy', 'oracle.py'), 'utf8');

const DTYPES = [
  '<f8', '>f8', '<f4', '>f4', '<f2', '>f2', '|b1', '|i1', '|u1', '<i2', '>i2', '<i4', '>i4', '<i8', '>i8',
  '<u2', '>u2', '<u4', '>u4', '<u8', '>u8', '<c8', '>c8', '<c16', '>c16', '<f16', '<c32',
  '<M8[ns]', '>M8[ns]', '<M8[ms]', '<M8', '<m8[s]', '>m8[us]', '<M8[10ms]', 'M8[D]', 'm8[h]',
  '|S1', 'S10', '<U1', 'U5', '>U5', '|V8', 'V16',
  'float64', 'double', 'bool', 'int', 'uint8', 'complex64', 'float16', 'datetime64[D]', 'timedelta64[h]',
  "[('x', '<f4'), ('y', '<i4', (2,))]",
  "[('a', [('b', '<f4'), ('', '|V4')]), ('c', '>i8')]",
  "[(('Title', 'name'), '<f4'), ('z', '|b1')]",
  "[('', '|V3'), ('x', '<f8'), ('', '|V5')]",
  "[('m', '<f8', (3, 3)), ('t', '<M8[us]'), ('s', 'S3')]",
  "[('é', '<f4'), ('ñ', '>i2')]",
  "[('名前', '<f4'), ('値', '<f8', (2,))]",
  "[('😀', '<f4')]",
  "[(\"it's\", '<f4'), ('say \"hi\"', '<i2')]",
  "[('<img src=x onerror=alert(1)>', '<f4')]",
  "[('tab\\there', '<f4'), ('\\x85nel', '<i2')]",
  'f8, (2,)i4',
  '(2,3)<f4',
  "[('deep', [('er', [('est', '>c16', (2,))])])]",
];
const SHAPES = ['()', '0', '(5,)', '(3, 4)', '(0, 5)', '(1024, 2048, 4096)', '(2, 3, 4, 5)', '(9223372036854775807,)', '(1, 4611686018427387904)'];
const BIG_STRUCT = '[' + Array.from({ length: 3000 }, (_, i) => `('field_${i}', '<f4')`).join(', ') + ']';

interface HeaderAnswer { header: string; memmapHeader?: string; str: string; itemsize: number; descr: string; shape: string[] }
interface LoadAnswer { str: string; descr: string; shape: string[]; fortran: boolean; zero: boolean; offset: number }
interface SpellingAnswer { ok: boolean; error?: string; str?: string; descr?: string; itemsize?: number; object?: boolean; sub?: number[] }
interface ReadAnswer { ok: boolean; error?: string; shape?: string[]; fortran?: boolean; descr?: string; offset?: number }

interface Case { dtype: string; shape: string; fortran: boolean }

function matrix(): Case[] {
  const cases: Case[] = [];
  for (const dtype of DTYPES) for (const shape of SHAPES) for (const fortran of [false, true]) cases.push({ dtype, shape, fortran });
  // Headers over 65 524 bytes: format 2.0; with a non-latin1 name too: 3.0.
  cases.push({ dtype: BIG_STRUCT, shape: '(4,)', fortran: false });
  cases.push({ dtype: BIG_STRUCT.replace("'field_0'", "'名'"), shape: '(4, 2)', fortran: true });
  return cases;
}

describe('numpy oracle: headers, loads, spellings, reprs, reads', function () {
  this.timeout(300_000);
  let dir: string;
  before(function () {
    requireNumpy(this);
    dir = makeTempDir();
  });
  after(() => { if (dir) removeTempDir(dir); });

  it('writes header bytes identical to open_memmap for every case of the matrix, and numpy loads our files', async function () {
    const cases = matrix();
    assert.ok(cases.length >= 200, `only ${cases.length} cases`);
    const ours = cases.map((c) => {
      const { dtype, subarrayShape } = parseDtype(c.dtype);
      const shape = [...parseShape(c.shape), ...subarrayShape];
      return { dtype, shape, header: Buffer.from(buildHeader(dtype, shape, c.fortran)) };
    });
    // Files for the cases numpy can load quickly (≤ 64 MiB logical), written by our writer; open_memmap
    // itself for some of them so the BytesIO path is proven to be the same bytes.
    const loads: Array<{ index: number; file: string }> = [];
    const headerReq = [];
    for (let i = 0; i < cases.length; i++) {
      const bytes = elementCount(ours[i].shape) * BigInt(ours[i].dtype.itemsize);
      const req: Record<string, unknown> = { dtype: cases[i].dtype, shape: parseShape(cases[i].shape).map(String), fortran: cases[i].fortran };
      if (bytes <= 64n << 20n) {
        const file = join(dir, `case${i}.npy`);
        await writeZeroedNpy({ path: file, dtype: ours[i].dtype, shape: ours[i].shape, order: cases[i].fortran ? 'F' : 'C' });
        loads.push({ index: i, file });
        if (i % 5 === 0) req.memmap = join(dir, `numpy${i}.npy`);
      }
      headerReq.push(req);
    }
    const ans = pythonJson<{ version: string; headers: HeaderAnswer[]; loads: LoadAnswer[] }>(ORACLE, [], JSON.stringify({ headers: headerReq, loads: loads.map((l) => ({ file: l.file })) }));
    let memmapChecked = 0;
    const versions = new Set<number>();
    for (let i = 0; i < cases.length; i++) {
      const a = ans.headers[i];
      const label = `${cases[i].dtype.slice(0, 60)} ${cases[i].shape} ${cases[i].fortran ? 'F' : 'C'}`;
      assert.equal(ours[i].dtype.str, a.str, label);
      assert.equal(ours[i].dtype.itemsize, a.itemsize, label);
      assert.equal(ours[i].dtype.descrRepr, a.descr, label);
      assert.deepEqual(ours[i].shape.map(String), a.shape, label);
      assert.equal(ours[i].header.toString('hex'), a.header, label);
      if (a.memmapHeader !== undefined) { assert.equal(a.memmapHeader, a.header, label); memmapChecked++; }
      versions.add(ours[i].header[6]);
    }
    assert.deepEqual([...versions].sort(), [1, 2, 3]);
    assert.ok(memmapChecked >= 40, `open_memmap compared on ${memmapChecked} cases`);
    assert.ok(loads.length >= 150, `numpy loaded only ${loads.length} files`);
    loads.forEach((l, k) => {
      const got = ans.loads[k];
      const i = l.index;
      const label = `${cases[i].dtype.slice(0, 60)} ${cases[i].shape} ${cases[i].fortran ? 'F' : 'C'}`;
      assert.equal(got.descr, ours[i].dtype.descrRepr, label);
      assert.deepEqual(got.shape, ours[i].shape.map(String), label);
      assert.equal(got.fortran, cases[i].fortran, label);
      assert.equal(got.zero, true, label);
      assert.equal(got.offset, ours[i].header.length, label);
    });
    console.log(`      ${cases.length} header cases vs numpy ${ans.version} (${memmapChecked} also through open_memmap), ${loads.length} files loaded by numpy`);
  });

  it('reads dtype spellings as np.dtype does, refusing only object and zero-byte types on purpose', () => {
    const spellings = [
      'b', 'B', 'b1', '?', 'bool', 'bool_', 'i', 'u', 'u1', 'u2', 'u4', 'u8', 'l', 'L', 'q', 'Q', 'g', 'f16', 'c32', 'G', 'p', 'P',
      'float', 'int', 'uint', 'complex', 'str', 'bytes', 'S', 'U', 'V', 'a5', 'M', 'm', 'M8', 'm8', '>float64', '<float64', '=f8',
      '!i4', '>i1', '<S5', '>U5', '|f8', 'double', 'half', 'single', 'longdouble', 'intp', 'uintp', 'intc', 'uintc', 'long',
      'ulong', 'longlong', 'ulonglong', 'short', 'ushort', 'byte', 'ubyte', 'cdouble', 'csingle', 'clongdouble', 'float128',
      'float96', 'datetime64', 'datetime64[ms]', 'M8[10ms]', 'M8[1ms]', 'M8[010ms]', 'm8[2h]', 'timedelta64[s]', 'str_', 'bytes_',
      'void', 'V0', 'S0', 'U0', 'object', 'O', 'O8', 'i3', 'f1', 'Float64', 'F', 'D', 'e', 'H', 'h', 'I', 'int0', 'object_',
      '<f8[2]', '(2,)f8', '2f8', 'f8,i4', 'f8, i4', 'f8,', '(2,)i4,f8', '(2,3)f8', '2,3f8', 'M8[us]', 'M8[μs]', 'M8[Y]', 'M8[W]',
      'M8[B]', 'M8[ps]', 'M8[as]', 'M8[fs]', 'M8[]', 'b8', 'i16', 'u16', 'c4', 'c', 'c1', 'S3000000000', 'V2147483647',
      'V2147483648', '<b1', '>?', '|i4', '<O', '>V4', '>M8[ns]', 'M8[ns]8', 'S5,U3', 'O,f8', 'M8[2W]', 'datetime64[2ms]',
      'float64,int32', '(2, 3)f8, i4', 'int8', 'int16', 'int32', 'int64', 'uint16', 'uint32', 'uint64', 'float32', 'complex128',
      'complex256', '<i8', '>u8', '<c16', '|V16', 'S1', 'U1', '>m8[ns]', 'f8,,i4', 'i4,', '(,)f8', '(2)f8',
    ];
    const ans = pythonJson<{ spellings: SpellingAnswer[] }>(ORACLE, [], JSON.stringify({ spellings }));
    let compared = 0;
    spellings.forEach((s, i) => {
      const np = ans.spellings[i];
      let ours: ReturnType<typeof parseDtype> | NpyError;
      try { ours = parseDtype(s); } catch (e) { if (!(e instanceof NpyError)) throw e; ours = e; }
      if (!np.ok) {
        assert.ok(ours instanceof NpyError && ours.code === 'bad-dtype', `${s}: numpy refuses it (${np.error}) but we accept it`);
        return;
      }
      if (np.object) { assert.ok(ours instanceof NpyError && ours.code === 'object-dtype', `${s}: object dtype must be refused`); return; }
      if (np.itemsize === 0) { assert.ok(ours instanceof NpyError && /0 bytes per item/.test(ours.message), `${s}: zero-byte dtype must be refused`); return; }
      assert.ok(!(ours instanceof NpyError), `${s}: numpy accepts it (${np.str}) but we say: ${(ours as NpyError).message}`);
      assert.equal(ours.dtype.str, np.str, s);
      assert.equal(ours.dtype.descrRepr, np.descr, s);
      assert.equal(ours.dtype.itemsize, np.itemsize, s);
      assert.deepEqual(ours.subarrayShape.map(Number), np.sub, s);
      compared++;
    });
    assert.ok(compared >= 100, `compared ${compared}`);
  });

  it("prints strings as Python's repr does", () => {
    const strings = ['abc', "it's", 'say "hi"', 'both \' and "', 'back\\slash', 'tab\there', 'nl\nx', '\r\x00\x07\x1b\x7f',
      '\x80\x85\x9f\xa0\xa1\xad\xff', 'é ñ ü ß', '名前', '😀', '\u200b\u200e\u202e\u2028\u2029\u3000\ufeff', '\ud800x', '\u{E0001}',
      '\u0378', '\ufffd', ' lead and trail ', ''];
    const ans = pythonJson<{ reprs: string[] }>(ORACLE, [], JSON.stringify({ reprs: strings }));
    strings.forEach((s, i) => assert.equal(pyReprStr(s), ans.reprs[i], JSON.stringify(s)));
  });

  it('accepts the headers numpy accepts, with the same meaning, and refuses the ones it refuses', () => {
    const texts: Array<[string, 1 | 2 | 3]> = [
      ["{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }", 1],
      ['{"shape": (2, 3), "fortran_order": True, "descr": "<i2"}', 1],
      ["{\r\n'descr': '>f4',\r\n 'fortran_order': False,\r\n 'shape': (5,)\r\n}\r\n", 1],
      ["{'descr':'<f8','fortran_order':False,'shape':()}", 1],
      ["{'descr': '<f8', 'fortran_order': False, 'shape': (3L, 4L), }", 1],
      ["{'descr': ('<f4', (2,)), 'fortran_order': False, 'shape': (3,), }", 1],
      ["{'descr': 'float64', 'fortran_order': False, 'shape': (3,), }", 2],
      ["{'descr': [('x', 'f4'), ('y', 'i4', 2)], 'fortran_order': True, 'shape': (0, 2), }", 1],
      ["{'descr': '<f8', 'fortran_order': False, 'shape': (3,), 'descr': '>i2'}", 1],
      ["{'descr': [('名', '<f4')], 'fortran_order': False, 'shape': (3,), }", 3],
      ["{'descr': u'<f8', 'fortran_order': False, 'shape': (3,), }", 1],
      ["{'descr': '<f8', 'fortran_order': False, 'shape': (0x10,), }", 1],
      ["{'descr': '<f8', 'fortran_order': False, 'shape': (1_000,), }", 1],
      ["{'descr': '<f8', 'fortran_order': False, 'shape': ((3),), }", 1],
      ["{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }" + ' '.repeat(300) + '\n', 1],
      ["{'descr': '|O', 'fortran_order': False, 'shape': (3,), }", 1],
      ["{'descr': [('a', '<f8'), ('b', '|O')], 'fortran_order': False, 'shape': (3,), }", 1],
    ];
    const inputs = [...texts.map(([t, v]) => npyBytes(t, v)), ...hostileHeaders().map((c) => c.bytes)];
    const ans = pythonJson<{ reads: ReadAnswer[] }>(ORACLE, [], JSON.stringify({ reads: inputs.map((b) => Buffer.from(b).toString('hex')) }));
    let accepted = 0;
    inputs.forEach((bytes, i) => {
      const np = ans.reads[i];
      let ours: ReturnType<typeof parseHeader> | NpyError;
      try { ours = parseHeader(bytes); } catch (e) { if (!(e instanceof NpyError)) throw e; ours = e; }
      const label = Buffer.from(bytes.subarray(0, 120)).toString('latin1');
      if (!np.ok) {
        assert.ok(ours instanceof NpyError, `numpy refuses (${np.error}) but we accept: ${label}`);
        return;
      }
      assert.ok(!(ours instanceof NpyError), `numpy accepts but we refuse (${(ours as NpyError).message}): ${label}`);
      assert.deepEqual(ours.shape.map(String), np.shape, label);
      assert.equal(ours.fortranOrder, np.fortran, label);
      assert.equal(ours.dtype.descrRepr, np.descr, label);
      assert.equal(ours.dataOffset, np.offset, label);
      accepted++;
    });
    assert.equal(accepted, texts.length);
  });
});
