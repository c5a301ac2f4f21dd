// Report → view model: numbers formatted for people, the status badge texts, the sparse ratio, and the error
// page's one sentence, and pages of values. Real reports come from files numpy wrote.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { VALUE_KEYS, SUMMARY_KEYS } from '../../../src/common/viewModel';
import { NpyError } from '../../../src/core/errors';
import { dtypeFromDescr } from '../../../src/core/format/dtype';
import { parsePyLiteral } from '../../../src/core/format/pyliteral';
import { buildHeader } from '../../../src/core/format/header';
import { inspectBytes, inspectNpy } from '../../../src/core/file/inspect';
import { readValuesFromBytes } from '../../../src/core/values/pages';
import { NpyReport } from '../../../src/core/types';
import { errorSentence, errorToViewModel, gotoPlaceholder, pageStartOf, reportToViewModel, sparseRatio, statusBadge, valuesToViewModel, valuesUnavailable } from '../../../src/extension/model/reportView';
import { formatMessage } from '../../../src/extension/model/translate';
import { pythonJson, requireNumpy, runPython } from '../../helpers/python';
import { makeTempDir, removeTempDir } from '../../helpers/tmp';

const t = formatMessage;
const KiB = 1024n, GiB = 1n << 30n;
const commas = (n: number | bigint) => BigInt(n).toLocaleString('en-US');
const parseDescr = (text: string) => parsePyLiteral(text);

describe('report → view model', function () {
  this.timeout(20000);
  let dir: string;
  before(function () { requireNumpy(this); dir = makeTempDir(); });
  after(() => { if (dir) removeTempDir(dir); });

  it('formats a 64 GiB memmap numpy created', async () => {
    const file = join(dir, 'big.npy');
    const np = pythonJson<{ nbytes: number; offset: number; size: number; blocks: number }>(`
import json, os, sys, numpy as np
a = np.lib.format.open_memmap(sys.argv[1], mode='w+', dtype='<f8', shape=(1024, 2048, 4096))
off = a.offset; n = a.nbytes; del a
st = os.stat(sys.argv[1])
print(json.dumps({'nbytes': n, 'offset': off, 'size': st.st_size, 'blocks': st.st_blocks}))`, [file]);
    const m = reportToViewModel(await inspectNpy(file), t);
    const v = m.values;
    assert.equal(v.fileName, 'big.npy');
    assert.equal(v.status, 'valid');
    assert.equal(m.badge.kind, 'ok');
    assert.equal(v.dtypeName, 'float64');
    assert.equal(v.descr, '<f8');
    assert.equal(v.shape, '(1024, 2048, 4096)');
    assert.equal(v.ndim, '3-D');
    assert.equal(v.order, 'C (row-major)');
    assert.equal(v.elementCount, commas(1024 * 2048 * 4096));
    // One meaning, one wording (the CLI's too): everything before the data, of which HEADER_LEN is text.
    assert.equal(v.headerBytes, `${np.offset} bytes (${np.offset - 10} of them header text)`);
    assert.equal(v.dataBytes, `64 GiB (${commas(np.nbytes)} bytes)`);
    assert.equal(v.fileBytes, `64 GiB (${commas(np.size)} bytes)`);
    assert.equal(v.expectedFileBytes, v.fileBytes);
    assert.match(v.allocatedBytes, new RegExp(`^\\d+ KiB \\(${commas(np.blocks * 512)} bytes\\)$`));
    assert.equal(v.sparseRatio, 'sparse: < 0.01 % allocated');
    assert.equal(v.version, '1.0');
    assert.equal(v.dataOffset, `data starts at byte ${np.offset}`);
    assert.equal(v.alignment, '64 bytes');
    assert.equal(v.growthRoom, 'axis 0 can grow in place to any length numpy allows');
    // The first screen: the summary leads with what users ask; format internals are a closed section.
    const [overview, format] = m.sections;
    assert.deepEqual(overview.keys, ['dtypeName', 'shape', 'elementCount', 'dataBytes', 'fileBytes', 'allocatedBytes']);
    assert.deepEqual(overview.inline, { dtypeName: ['descr', 'dtypeDescription'], shape: ['ndim', 'order'], allocatedBytes: ['sparseRatio'] });
    assert.equal(overview.collapsed, undefined);
    assert.deepEqual(format.keys, ['version', 'headerBytes', 'alignment', 'expectedFileBytes', 'growthRoom']);
    assert.equal(format.collapsed, true);
    assert.equal(v.dtypeDescription, 'little-endian, 8 bytes', 'the plain words do not repeat the name');
    assert.equal(m.fields, null);
    assert.equal(m.canCreateLike, true);
  });

  it('gives every value key a non-empty value, and lays each non-summary key out exactly once', async () => {
    const file = join(dir, 'f.npy');
    runPython('import sys, numpy as np\nnp.save(sys.argv[1], np.zeros((3, 5), dtype=">i2", order="F"))', [file]);
    const m = reportToViewModel(await inspectNpy(file), t);
    for (const k of VALUE_KEYS) {
      assert.ok(m.values[k].length > 0, `value ${k}`);
      assert.ok(m.labels[k].length > 0, `label ${k}`);
    }
    const laid = m.sections.flatMap((s) => s.keys.flatMap((k) => [k, ...(s.inline?.[k] ?? [])]));
    // np.save writes a small, fully allocated file: "not sparse" would say nothing, so the ratio is not shown.
    assert.deepEqual([...SUMMARY_KEYS, ...laid, 'sparseRatio'].sort(), [...VALUE_KEYS].sort());
    assert.equal(m.values.order, 'Fortran (column-major)');
    assert.match(m.values.growthRoom, /axis 1/);
  });

  it('maps structured fields, markup and padding included, as data', async () => {
    const file = join(dir, 's.npy');
    runPython(`import sys, numpy as np
dt = np.dtype({'names': ['<img src=x onerror=alert(1)>', 'b'], 'formats': ['<f4', ('<i2', (2, 3))], 'offsets': [0, 8], 'itemsize': 24})
np.save(sys.argv[1], np.zeros(2, dtype=dt))`, [file]);
    const m = reportToViewModel(await inspectNpy(file), t);
    assert.ok(m.fields);
    assert.equal(m.fields[0].name, '<img src=x onerror=alert(1)>');
    assert.equal(m.fields[0].descr, "'<f4'");
    assert.equal(m.fields[0].offset, '0');
    assert.ok(m.fields.some((f) => f.name === '(padding)'), 'numpy writes padding as a field named ""');
    const b = m.fields.find((f) => f.name === 'b');
    assert.equal(b?.shape, '(2, 3)');
    assert.equal(b?.size, '12 B');
    assert.ok(m.headerText.includes('<img src=x onerror=alert(1)>'));
  });

  it('says how far a header without numpy\'s growth reserve can grow in place; resize only on a real disk', async () => {
    const file = join(dir, 'tight.npy');
    // No growth reserve, as numpy < 1.24 wrote headers, and padded so that only 3 alignment spaces are left.
    runPython(String.raw`import sys
text = "{" + " " * 57 + "'descr': '<f8', 'fortran_order': False, 'shape': (9,), }"
text += ' ' * (64 - (10 + len(text) + 1) % 64) + '\n'
open(sys.argv[1], 'wb').write(b'\x93NUMPY\x01\x00' + len(text).to_bytes(2, 'little') + text.encode('latin1') + bytes(72))`, [file]);
    const r = await inspectNpy(file);
    const m = reportToViewModel(r, t, { resizable: true });
    assert.equal(r.growthRoom, 3);
    assert.equal(m.values.growthRoom, 'axis 0 can grow in place up to 9,999 elements (3 spare header bytes)');
    assert.equal(m.canResize, true);
    assert.equal(reportToViewModel(r, t).canResize, false, 'a virtual file system: no resize');
  });

  it('says object data is never loaded, and offers no "create like" for it', async () => {
    const file = join(dir, 'o.npy');
    runPython('import sys, numpy as np\nnp.save(sys.argv[1], np.array([1, "x", None], dtype=object), allow_pickle=True)', [file]);
    const m = reportToViewModel(await inspectNpy(file), t);
    assert.equal(m.values.status, 'object data never loaded');
    assert.equal(m.canCreateLike, false);
    assert.equal(reportToViewModel(await inspectNpy(file), t, { resizable: true }).canResize, false, 'a pickle cannot be resized');
    assert.ok(!m.sections.some((s) => s.keys.includes('growthRoom')), 'no growth room for a pickle');
    assert.match(m.values.dataBytes, /a pickle \(never read\)$/);
  });

  it('names dtypes as numpy\'s repr does (S24, U40, V16), not by bit counts; structs by what they are', async () => {
    const cases = [['S24', "'S24'"], ['<U40', "'<U40'"], ['V16', "'V16'"], ['>i2', "'>i2'"], ['<M8[ns]', "'<M8[ns]'"],
      ['struct', "[('x', '<f4'), ('y', '<i4', (2,)), ('z', 'S8')]"]] as const;
    const numpy = pythonJson<Record<string, { repr: string; name: string }>>(`
import json, numpy as np
out = {}
for key, descr in [('S24', 'S24'), ('<U40', '<U40'), ('V16', 'V16'), ('>i2', '>i2'), ('<M8[ns]', '<M8[ns]')]:
    d = np.dtype(descr)
    out[key] = {'repr': repr(d), 'name': d.name}
d = np.dtype([('x', '<f4'), ('y', '<i4', (2,)), ('z', 'S8')])
out['struct'] = {'repr': repr(d), 'name': d.name, 'fields': len(d.names), 'itemsize': d.itemsize}
print(json.dumps(out))`);
    const shown: Record<string, { name: string; words: string }> = {};
    for (const [key, descr] of cases) {
      const { dtype } = dtypeFromDescr(parseDescr(descr));
      const header = buildHeader(dtype, [2n], false);
      const r = inspectBytes(header, BigInt(header.length) + 2n * BigInt(dtype.itemsize), null, 'a.npy');
      const m = reportToViewModel(r, t);
      shown[key] = { name: m.values.dtypeName, words: m.values.dtypeDescription };
    }
    // numpy's repr names the flexible types by their string: dtype('S24'), dtype('<U40'), dtype('V16').
    for (const k of ['S24', '<U40', 'V16']) {
      assert.equal(numpy[k].repr, `dtype('${k}')`);
      assert.equal(shown[k].name, k.replace('<', ''));
    }
    assert.notEqual(shown.S24.name, numpy.S24.name, `numpy's .name is the confusing ${numpy.S24.name}`);
    assert.equal(shown['<U40'].words, 'unicode, 40 characters, little-endian, 160 bytes');
    assert.equal(shown['>i2'].name, numpy['>i2'].name);
    assert.equal(shown['<M8[ns]'].name, numpy['<M8[ns]'].name);
    assert.equal(shown.struct.name, 'struct of 3 fields, 20 bytes');
    assert.equal(shown.struct.words, '', 'the name already says it');
  });
});

describe('status badge', () => {
  const r = (status: NpyReport['status'], statusBytes: bigint, objectData = false) => ({ status, statusBytes, objectData });
  it('valid', () => assert.deepEqual(statusBadge(r('ok', 0n), t), { kind: 'ok', text: 'valid' }));
  it('truncated by N bytes', () => assert.deepEqual(statusBadge(r('truncated', 1024n), t), { kind: 'error', text: 'truncated by 1,024 bytes' }));
  it('truncated by 1 byte', () => assert.equal(statusBadge(r('truncated', 1n), t).text, 'truncated by 1 byte'));
  it('N trailing bytes', () => assert.deepEqual(statusBadge(r('trailing-bytes', 4096n), t), { kind: 'warning', text: '4,096 trailing bytes' }));
  it('1 trailing byte', () => assert.equal(statusBadge(r('trailing-bytes', 1n), t).text, '1 trailing byte'));
  it('object data never loaded wins over sizes', () => assert.equal(statusBadge(r('trailing-bytes', 9n, true), t).text, 'object data never loaded'));
});

describe('sparse ratio', () => {
  it('unknown when the platform does not say', () => assert.match(sparseRatio(100n, null, t), /^unknown/));
  it('a 64 GiB file with 4 KiB allocated', () => assert.equal(sparseRatio(64n * GiB, 4n * KiB, t), 'sparse: < 0.01 % allocated'));
  it('half allocated', () => assert.equal(sparseRatio(8n * KiB, 4n * KiB, t), 'sparse: 50 % allocated'));
  it('a few percent', () => assert.equal(sparseRatio(1000n * KiB, 12n * KiB, t), 'sparse: 1.2 % allocated'));
  it('nothing allocated', () => assert.equal(sparseRatio(GiB, 0n, t), 'fully sparse: no blocks allocated'));
  it('fully allocated (small files round up to a block)', () => {
    assert.equal(sparseRatio(208n, 4n * KiB, t), 'not sparse: fully allocated');
    assert.equal(sparseRatio(GiB, GiB, t), 'not sparse: fully allocated');
  });
});

describe('error page model', () => {
  it('calls a non-npy file "not an .npy file" with the core\'s sentence', () => {
    const m = errorToViewModel('x.npy', new NpyError('not-npy', 'x.npy does not start with the .npy magic string.'), t);
    assert.equal(m.badge.text, 'not an .npy file');
    assert.equal(m.message, 'x.npy does not start with the .npy magic string.');
  });
  it('says a file that vanished was deleted or moved, not "check the path"', () => {
    const m = errorToViewModel('x.npy', new NpyError('io', 'Cannot read x.npy: the file does not exist; check the path.', 'ENOENT'), t);
    assert.equal(m.message, 'x.npy was deleted or moved; the preview shows it again if it comes back.');
    assert.doesNotMatch(m.message, /check the path/);
  });
  it('calls an I/O failure "cannot read"', () => {
    assert.equal(errorToViewModel('x.npy', new NpyError('io', 'Cannot read x.npy: permission denied.'), t).badge.text, 'cannot read');
  });
  it('never shows a stack trace', () => {
    const e = new Error('boom happened');
    assert.equal(errorSentence(e), 'boom happened');
    assert.ok(e.stack && e.stack.includes('\n'));
    assert.equal(errorSentence('plain'), 'plain');
  });
});

describe('values page → view model', () => {
  // An in-memory (2, 3) int32 array: element [i, j] holds 10·(3i + j) in C order, or the same values stored
  // in Fortran order, so both orders must list 0, 10, 20, … by C-order flat index.
  async function pageOf(fortran: boolean, start: bigint, count: number) {
    const header = buildHeader(dtypeFromDescr({ type: 'str', value: '<i4' }).dtype, [2n, 3n], fortran);
    const data = new DataView(new ArrayBuffer(24));
    for (let i = 0; i < 2; i++) for (let j = 0; j < 3; j++) data.setInt32(4 * (fortran ? i + 2 * j : 3 * i + j), 10 * (3 * i + j), true);
    const file = new Uint8Array(header.length + 24);
    file.set(header, 0);
    file.set(new Uint8Array(data.buffer), header.length);
    const report = inspectBytes(file, BigInt(file.length), null, 'a.npy');
    return { report, page: await readValuesFromBytes(file, report, { start, count }) };
  }

  it('rows carry numpy texts, N-d positions and flat indices; Previous/Next point at neighbouring pages', async () => {
    const { report, page } = await pageOf(false, 2n, 2);
    const v = valuesToViewModel(report, page, { pageSize: 2 }, t);
    assert.deepEqual(v.rows.map((r) => [r.position, r.index, r.text]), [['[0, 2]', '2', '20'], ['[1, 0]', '3', '30']]);
    // One counting base: numpy's, from 0, as in the Index column.
    assert.equal(v.summary, 'Elements 2–3 of 6 · 8 bytes read');
    assert.equal(v.paging, true);
    assert.equal(v.ui.gotoPlaceholder, 'flat index or i, j');
    assert.equal(v.prevStart, '0');
    assert.equal(v.nextStart, '4');
    assert.equal(v.start, '2');
    assert.equal(v.note, undefined);
    assert.equal(v.fieldNames, null);
  });

  it('first and last pages have no Previous/Next; Fortran order is listed in C order with a note', async () => {
    const { report, page } = await pageOf(true, 0n, 6);
    const v = valuesToViewModel(report, page, { pageSize: 6 }, t);
    assert.deepEqual(v.rows.map((r) => r.text), ['0', '10', '20', '30', '40', '50']);
    assert.equal(v.prevStart, null);
    assert.equal(v.nextStart, null);
    assert.match(v.note ?? '', /C order .*Fortran/);
    const refused = valuesToViewModel(report, page, { pageSize: 6, error: 'Index 9 is out of range.', gotoText: '9' }, t);
    assert.equal(refused.error, 'Index 9 is out of range.');
    assert.equal(refused.gotoText, '9');
  });

  it('a page that does not start on a page boundary goes back to 0, not below', async () => {
    const { report, page } = await pageOf(false, 1n, 4);
    assert.equal(valuesToViewModel(report, page, { pageSize: 4 }, t).prevStart, '0');
  });

  it('pages stay aligned to the page size: "go to -1" lands on the last aligned page, Previous steps one page', async () => {
    assert.equal(pageStartOf(5n, 2), 4n);
    assert.equal(pageStartOf(5n, 4), 4n);
    assert.equal(pageStartOf(8_589_934_591n, 20), 8_589_934_580n);
    const { report, page } = await pageOf(false, pageStartOf(5n, 4), 4);
    const v = valuesToViewModel(report, page, { pageSize: 4, target: 5n, gotoText: '-1' }, t);
    assert.equal(v.start, '4');
    assert.equal(v.summary, 'Elements 4–5 of 6 · 8 bytes read');
    assert.equal(v.prevStart, '0');
    assert.equal(v.target, '5');
    assert.equal(v.gotoText, '-1', 'the Go box keeps its text after a successful jump');
    const { page: unaligned } = await pageOf(false, 5n, 1);
    assert.equal(valuesToViewModel(report, unaligned, { pageSize: 2 }, t).prevStart, '4', 'back to the aligned page before');
  });

  it('a 0-d array shows its one value without paging; 1-D placeholders say "index"', async () => {
    const header = buildHeader(dtypeFromDescr({ type: 'str', value: '<f8' }).dtype, [], false);
    const file = new Uint8Array(header.length + 8);
    file.set(header, 0);
    new DataView(file.buffer).setFloat64(header.length, 2.5, true);
    const report = inspectBytes(file, BigInt(file.length), null, 'scalar.npy');
    const v = valuesToViewModel(report, await readValuesFromBytes(file, report, { start: 0n, count: 20 }), { pageSize: 20 }, t);
    assert.equal(v.paging, false);
    assert.deepEqual(v.rows.map((r) => r.text), ['2.5']);
    assert.equal(v.summary, 'The only element (a 0-d array) · 8 bytes read');
    assert.equal(gotoPlaceholder(1, t), 'index');
    assert.equal(gotoPlaceholder(3, t), 'flat index or i, j, k');
    assert.equal(gotoPlaceholder(9, t), 'flat index or i, j, k, …');
  });

  it('unavailable values say why in one sentence and show no table', () => {
    const v = valuesUnavailable('The elements are Python objects.', t);
    assert.equal(v.unavailable, 'The elements are Python objects.');
    assert.deepEqual(v.rows, []);
    assert.equal(v.prevStart, null);
    assert.equal(v.nextStart, null);
  });
});
