// numpy is the oracle for the values grid: np.save writes arrays of many dtypes, shapes (2-D to 4-D) and both
// orders; for pages at the start, the middle and the end of a plane (leading indices chosen), every cell must
// print as numpy prints a[lead][r0:r0+16, c0:c0+8]'s element (str, U as repr(str), records as str(record)), and the
// grid must read exactly the shown elements' bytes: one read per grid row in C order, per column in 2-D Fortran order.
import * as assert from 'node:assert/strict';
import { inspectNpy } from '../../src/core/file/inspect';
import { readGrid } from '../../src/core/values/grid';
import { GRID_COLS, GRID_ROWS } from '../../src/extension/model/valuesGrid';
import { pythonJson, requireNumpy } from '../helpers/python';
import { makeTempDir, removeTempDir } from '../helpers/tmp';

const CASES: Record<string, string> = {
  '>f8 random bits (37, 29)': "a = rb(37 * 29, '>f8').reshape(37, 29)",
  '<f4 random bits (3, 40, 21) F': "a = np.asfortranarray(rb(3 * 40 * 21, '<f4').reshape(3, 40, 21))",
  '<f8 with nan/inf (50, 9) F': "a = np.asfortranarray(rng.standard_normal((50, 9)) * 10.0 ** rng.integers(-8, 20, (50, 9))); a[1, 2] = np.nan; a[3, 4] = np.inf; a[-1, -1] = -np.inf",
  '>i2 (2, 3, 17, 10)': "a = rb(2 * 3 * 17 * 10, '>i2').reshape(2, 3, 17, 10)",
  '<u8 (2, 2, 5, 33) F': "a = np.asfortranarray(rb(2 * 2 * 5 * 33, '<u8').reshape(2, 2, 5, 33))",
  '<c16 (4, 20, 12)': "a = (rng.standard_normal((4, 20, 12)) + 1j * rng.standard_normal((4, 20, 12))).astype('<c16')",
  'bool (18, 11)': "a = rng.integers(0, 2, (18, 11)).astype('?')",
  '<M8[s] (17, 9) F': "a = np.asfortranarray(rng.integers(-2**40, 2**40, (17, 9)).view('<M8[s]'))",
  '<U3 (20, 9)': "a = np.array([''.join(rng.choice(list('ab\\'é😀'), 3)) for _ in range(180)], '<U3').reshape(20, 9)",
  'struct (19, 10) F': "a = np.asfortranarray(np.zeros((19, 10), [('x', '<f4'), ('n', '>i2', (2,)), ('s', 'S2')])); a['x'] = rng.standard_normal((19, 10)); a['n'] = rng.integers(-300, 300, (19, 10, 2)); a['s'] = b'q\\x00'",
  '<f2 (1, 1)': "a = np.array([[0.1]], '<f2')",
}

const ORACLE = String.raw`
import json, sys
import numpy as np
rng = np.random.default_rng(20261201)
folder, rows, cols, cases = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), json.loads(sys.stdin.read())
def rb(n, dt):
    dt = np.dtype(dt)
    return np.frombuffer(rng.integers(0, 256, n * dt.itemsize, dtype='u1').tobytes(), dtype=dt).copy()
def text(x, dt):
    if dt.names is not None: return str(x)
    return repr(str(x)) if dt.kind == 'U' else str(x)
out = {}
for name, code in cases.items():
    env = {'np': np, 'rng': rng, 'rb': rb}
    exec(code, env)
    a = env['a']
    path = folder + '/' + str(len(out)) + '.npy'
    np.save(path, a)
    R, C = a.shape[-2], a.shape[-1]
    lead_shape = a.shape[:-2]
    pages = []
    for lead in sorted({tuple(0 for _ in lead_shape), tuple(d - 1 for d in lead_shape), tuple(d // 2 for d in lead_shape)}):
        for r0 in sorted({0, (R // 2) // rows * rows, (R - 1) // rows * rows}):
            for c0 in sorted({0, (C - 1) // cols * cols}):
                block = a[lead][r0:r0 + rows, c0:c0 + cols]
                pages.append({'lead': list(lead), 'row': r0, 'col': c0,
                              'cells': [[text(block[i, j], a.dtype) for j in range(block.shape[1])] for i in range(block.shape[0])]})
    out[name] = {'path': path, 'fortran': bool(a.flags.f_contiguous and not a.flags.c_contiguous), 'ndim': a.ndim, 'itemsize': a.dtype.itemsize, 'pages': pages}
print(json.dumps(out))
`;

interface Expected { path: string; fortran: boolean; ndim: number; itemsize: number; pages: Array<{ lead: number[]; row: number; col: number; cells: string[][] }> }

describe('values grid against numpy (a[lead][r0:r0+16, c0:c0+8], element by element)', function () {
  let dir: string;
  let cases: Record<string, Expected>;
  before(function () {
    requireNumpy(this);
    dir = makeTempDir();
    cases = pythonJson<Record<string, Expected>>(ORACLE, [dir, String(GRID_ROWS), String(GRID_COLS)], JSON.stringify(CASES));
  });
  after(() => { if (dir) removeTempDir(dir); });

  it('prints every cell of every page as numpy does and reads only the shown elements', async function () {
    let compared = 0;
    const failures: string[] = [];
    for (const [name, c] of Object.entries(cases)) {
      const report = await inspectNpy(c.path);
      assert.equal(report.fortranOrder, c.fortran, `${name}: order`);
      for (const p of c.pages) {
        const at = `${name} [${p.lead.join(', ')}][${p.row}:, ${p.col}:]`;
        const g = await readGrid(c.path, report, { lead: p.lead.map(BigInt), row: BigInt(p.row), col: BigInt(p.col), rows: GRID_ROWS, cols: GRID_COLS });
        assert.equal(g.cells.length, p.cells.length, `${at}: rows`);
        g.cells.forEach((line, i) => {
          assert.equal(line.length, p.cells[i].length, `${at}: columns`);
          line.forEach((cell, j) => {
            compared++;
            if (cell.text !== p.cells[i][j]) failures.push(`${at} (${i}, ${j}): got ${cell.text} want ${p.cells[i][j]}`);
            assert.equal(cell.position, `[${[...p.lead, p.row + i, p.col + j].join(', ')}]`);
          });
        });
        const shown = p.cells.length * p.cells[0].length;
        assert.equal(g.bytesRead, shown * c.itemsize, `${at}: exactly the shown bytes`);
        assert.equal(g.shownBytes, shown * c.itemsize);
        assert.ok(g.reads <= shown, `${at}: ${g.reads} reads ≤ ${shown} elements`);
        if (!c.fortran) assert.ok(g.reads <= p.cells.length, `${at}: ${g.reads} reads, at most one per grid row`);
        if (c.fortran && c.ndim === 2) assert.ok(g.reads <= p.cells[0].length, `${at}: ${g.reads} reads, at most one per grid column`);
      }
    }
    assert.deepEqual(failures.slice(0, 10), [], `${failures.length} of ${compared} cells differ`);
    assert.ok(compared > 1500, `compared ${compared} cells`);
  });
});
