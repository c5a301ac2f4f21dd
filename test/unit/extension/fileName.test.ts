// File-name suggestion (zeros_<dtype>_<dims>.npy) and refusal of names that are not plain file names.
import * as assert from 'node:assert/strict';
import { parseDtype } from '../../../src/core/format/dtype';
import { nameHint, nameProblem, nameWarning, suggestName, uniqueName } from '../../../src/extension/model/fileName';
import { formatMessage } from '../../../src/extension/model/translate';

const t = formatMessage;
const dt = (s: string) => parseDtype(s).dtype;

describe('wizard file name', () => {
  it('suggests zeros_f8_1024x2048x4096.npy', () => {
    assert.equal(suggestName(dt('float64'), [1024n, 2048n, 4096n]), 'zeros_f8_1024x2048x4096.npy');
  });

  it('names other dtypes and shapes readably', () => {
    assert.equal(suggestName(dt('>i2'), [5n]), 'zeros_i2be_5.npy');
    assert.equal(suggestName(dt('bool'), [3n, 0n]), 'zeros_b1_3x0.npy');
    assert.equal(suggestName(dt('datetime64[ns]'), [2n]), 'zeros_M8ns_2.npy');
    assert.equal(suggestName(dt('U5'), []), 'zeros_U5_scalar.npy');
    assert.equal(suggestName(dt("[('x', '<f4'), ('y', '<i4')]"), [6n]), 'zeros_struct_6.npy');
  });

  it('every suggestion is itself a valid name', () => {
    for (const d of ['<f8', '>c16', 'S10', "[('a', '<f4')]", 'm8[s]']) {
      assert.equal(nameProblem(suggestName(dt(d), [2n, 3n]), t), undefined, d);
    }
  });

  it('adds -2, -3, … before the extension when the name is taken', () => {
    const taken = new Set(['zeros_f8_4.npy', 'zeros_f8_4-2.npy']);
    assert.equal(uniqueName('zeros_f8_4.npy', (n) => taken.has(n)), 'zeros_f8_4-3.npy');
    assert.equal(uniqueName('free.npy', (n) => taken.has(n)), 'free.npy');
  });

  for (const bad of ['', '   ', 'a/b.npy', 'a\\b.npy', '../escape.npy', '/abs.npy', '.', '..', 'tab\there.npy', 'nul\u0000.npy', `${'x'.repeat(252)}.npy`]) {
    it(`refuses ${JSON.stringify(bad.length > 40 ? `${bad.slice(0, 10)}…(${bad.length})` : bad)} with one sentence`, () => {
      const p = nameProblem(bad, t);
      assert.ok(p, 'refused');
      assert.match(p, /^[^\n]+\.$/);
    });
  }

  for (const good of ['zeros.npy', 'ünïcødé 数组.npy', 'no-extension', '.hidden.npy', "it's.npy"]) {
    it(`accepts ${JSON.stringify(good)}`, () => assert.equal(nameProblem(good, t), undefined));
  }

  it('a name with a path in it points at what the wizard offers (Change Folder), a script at its folder argument', () => {
    assert.match(nameProblem('sub/a.npy', t) ?? '', /Change Folder button/);
    assert.match(nameProblem('sub/a.npy', t, 'script') ?? '', /folder argument/);
    assert.doesNotMatch(nameProblem('sub/a.npy', t) ?? '', /pick the folder first/);
  });

  for (const [name, what] of [[' spaced .npy', /begins with a space/], [' both.npy ', /begins and ends with a space/], ['a.npy ', /ends with a space/],
    ['.npy', /no name before the extension: it would be a hidden file/], ['.NPY', /hidden file/], ['.hidden.npy', /begins with a dot/]] as const) {
    it(`warns about ${JSON.stringify(name)} (asked once, never trimmed or refused)`, () => {
      assert.equal(nameProblem(name, t), undefined, 'not refused');
      const w = nameWarning(name, t);
      assert.match(w ?? '', what);
      assert.ok(w?.includes(`"${name}"`), `the sentence quotes the name as typed: ${w}`);
    });
  }

  it('has nothing to warn about for ordinary names', () => {
    for (const n of ['zeros_f8_4.npy', 'a b.npy', 'ünïcødé 数组.npy', 'x.npy.npy']) assert.equal(nameWarning(n, t), undefined, n);
  });

  it('hints when replacing or when the .npy extension is missing', () => {
    assert.match(nameHint('a.npy', true, t) ?? '', /already exists/);
    assert.match(nameHint('a.bin', false, t) ?? '', /\.npy/);
    assert.equal(nameHint('a.NPY', false, t), undefined);
  });
});
