// The dtype step's list: numpy agrees with every listed descr and itemsize, recently used come first,
// typed text is offered when the core accepts it, and explained when nothing matches.
import * as assert from 'node:assert/strict';
import { parseDtype } from '../../../src/core/format/dtype';
import { isNpyError } from '../../../src/core/errors';
import { COMMON_DTYPE_NAMES, DtypeItem, acceptedDtype, dtypeItems, dtypeStepView, resolveDtype, updateMru } from '../../../src/extension/model/dtypeItems';
import { formatMessage } from '../../../src/extension/model/translate';
import { pythonJson, requireNumpy } from '../../helpers/python';

const t = formatMessage;
const base = { mru: [] as string[], defaultDtype: '<f8', typed: '', t };
const dtypes = (items: DtypeItem[]) => items.filter((i) => i.kind === 'dtype');
const reason = (text: string): string => {
  try { parseDtype(text); } catch (e) { if (isNpyError(e)) return e.message; }
  throw new Error(`${text} was expected to be refused`);
};

describe('wizard dtype items', () => {
  it('lists the common types with the descr and itemsize numpy gives them', function () {
    requireNumpy(this);
    const np = pythonJson<Record<string, { str: string; itemsize: number }>>(
      'import json, sys, numpy as np\nprint(json.dumps({n: {"str": np.dtype(n).str, "itemsize": np.dtype(n).itemsize} for n in sys.argv[1:]}))',
      [...COMMON_DTYPE_NAMES]);
    const items = dtypes(dtypeItems(base));
    for (const name of COMMON_DTYPE_NAMES) {
      const item = items.find((i) => i.label === name);
      assert.ok(item, `${name} is listed`);
      assert.equal(item.value, np[name].str, `${name}: value handed to the writer`);
      assert.equal(item.key, np[name].str);
      assert.ok(item.description?.startsWith(`${np[name].str} · ${np[name].itemsize} B`), `${name}: ${item.description}`);
    }
    assert.equal(new Set(items.map((i) => i.key)).size, items.length, 'no duplicates');
  });

  it('preselects the default dtype when nothing was used yet', () => {
    const items = dtypeItems({ ...base, defaultDtype: 'float32' });
    assert.equal(items[0].label, 'float32');
    assert.equal(items[0].picked, true);
    assert.equal(items.filter((i) => i.picked).length, 1);
  });

  it('puts recently used dtypes first, most recent first, without repeating them below', () => {
    const mru = updateMru(updateMru(updateMru([], '<f4'), '>i2'), "[('x', '<f4'), ('y', '<i4')]");
    const items = dtypeItems({ ...base, mru });
    assert.equal(items[0].kind, 'separator');
    assert.deepEqual(items.slice(1, 4).map((i) => i.key), mru);
    assert.equal(items[1].picked, true, 'the most recent is preselected');
    assert.equal(dtypes(items).filter((i) => i.key === '<f4').length, 1, 'float32 is not listed twice');
    assert.equal(items[4].kind, 'separator', 'then the common types');
  });

  it('keeps the recently-used list unique and bounded', () => {
    let mru: string[] = [];
    for (const k of ['<f8', '<f4', '<i2', '<f8', '|u1', '<c16', '|b1', '<i8']) mru = updateMru(mru, k);
    assert.deepEqual(mru, ['<i8', '|b1', '<c16', '|u1', '<f8']);
  });

  it('stores one key per dtype, whatever the spelling', () => {
    assert.equal(resolveDtype('float64').key, resolveDtype('f8').key);
    assert.equal(resolveDtype('d').key, resolveDtype('<f8').key);
    assert.notEqual(resolveDtype('>f8').key, resolveDtype('<f8').key);
  });

  for (const typed of ['>i2', 'S10', 'U5', 'datetime64[ms]', "[('x', '<f4'), ('y', '<i4', (2,))]"]) {
    it(`offers typed text the core accepts: ${typed}`, () => {
      const items = dtypeItems({ ...base, typed });
      const first = items[0];
      assert.equal(first.kind, 'dtype');
      assert.equal(first.value, typed);
      assert.equal(first.alwaysShow, true);
      const { dtype } = parseDtype(typed);
      assert.ok(first.description?.includes(`${dtype.itemsize} B`), first.description);
    });
  }

  for (const typed of ['float7', "[('x', '<f4'", 'O', 'i3']) {
    it(`explains why ${typed} is not a dtype, in the core's whole sentence as the step's message`, () => {
      const view = dtypeStepView({ ...base, typed });
      const first = view.items[0];
      assert.equal(first.kind, 'invalid');
      assert.equal(first.label, typed, 'the row names what was typed');
      assert.equal(first.reason, reason(typed));
      assert.equal(view.message, reason(typed));
      assert.equal(view.active, first, 'the refusal is focused, so Enter takes nothing else');
      assert.equal(first.alwaysShow, true);
    });
  }

  // The cases: what the fuzzy filter showed and Enter created instead.
  for (const [typed, fuzzy] of [['S', '<M8[ns]'], ['U', '|u1'], ['a', '<M8[ns]'], ['V', "[('x', '<f4'), ('y', '<i4')]"], ['str', '<U5'], ['S0', '|S10']]) {
    it(`"${typed}" (0 bytes per item) gets the sentence and can never be accepted as ${fuzzy}`, function () {
      requireNumpy(this);
      const np = pythonJson<{ itemsize: number }>('import json, sys, warnings, numpy as np\nwarnings.simplefilter("ignore")\nprint(json.dumps({"itemsize": np.dtype(sys.argv[1]).itemsize}))', [typed]);
      assert.equal(np.itemsize, 0, `numpy reads ${typed} as a 0-byte dtype`);
      const mru = ["[('x', '<f4'), ('y', '<i4')]", '<U5', '|S10'];
      const view = dtypeStepView({ ...base, mru, typed });
      assert.equal(view.items[0].kind, 'invalid');
      assert.match(view.message ?? '', /has 0 bytes per item; give a length, such as S10, U5 or V16\.$/);
      for (const item of dtypes(view.items)) assert.equal(acceptedDtype(typed, item), undefined, `${typed} accepted as ${item.key}`);
      assert.equal(acceptedDtype(typed, undefined), undefined);
      const other = dtypes(dtypeItems({ ...base, mru })).find((i) => i.key === fuzzy);
      assert.ok(other, `${fuzzy} is listed`);
      assert.equal(acceptedDtype(typed, other), undefined);
    });
  }

  for (const [typed, descr] of [['U5', '<U5'], ['f', '<f4'], ['int', '<i8'], ['S10', '|S10'], ['>i2', '>i2']]) {
    it(`an exact spelling is taken as typed: ${typed} is ${descr}, whatever row the filter focused`, function () {
      requireNumpy(this);
      const np = pythonJson<{ str: string }>('import json, sys, numpy as np\nprint(json.dumps({"str": np.dtype(sys.argv[1]).str}))', [typed]);
      assert.equal(np.str, descr);
      const view = dtypeStepView({ ...base, typed });
      assert.equal(view.active?.key, descr);
      assert.equal(view.message, undefined);
      // A row the quick pick's own filter may focus before the list catches up ("U5" → uint8 by fuzzy match).
      const uint8 = dtypes(dtypeItems(base)).find((i) => i.label === 'uint8');
      const accepted = acceptedDtype(typed, uint8);
      assert.equal(accepted && resolveDtype(accepted.value ?? '').key, descr);
    });
  }

  it('a completion of what was typed is still a choice: "flo" focuses float64 and Enter takes it, or the float32 row picked', () => {
    const view = dtypeStepView({ ...base, typed: 'flo' });
    assert.ok(!view.items.some((i) => i.kind === 'invalid'));
    assert.equal(view.active?.label, 'float64');
    assert.equal(view.message, undefined);
    const float32 = dtypes(view.items).find((i) => i.label === 'float32');
    assert.equal(acceptedDtype('flo', view.active)?.key, '<f8');
    assert.equal(acceptedDtype('flo', float32)?.key, '<f4');
    assert.equal(acceptedDtype('int', dtypes(view.items).find((i) => i.label === 'int16'))?.key, '<i2', 'int16 picked below the typed int');
    const datetime = dtypes(view.items).find((i) => i.label === 'datetime64[ns]');
    assert.equal(acceptedDtype('flo', datetime), undefined, 'not a completion of "flo"');
  });

  it('with nothing typed, Enter takes the focused row and nothing for the refusal row', () => {
    const items = dtypeItems(base);
    assert.equal(acceptedDtype('', items[0])?.key, '<f8');
    assert.equal(acceptedDtype('', { kind: 'invalid', label: 'x' }), undefined);
  });

  it('does not complain while the text still starts a listed name', () => {
    const items = dtypeItems({ ...base, typed: 'flo' });
    assert.ok(!items.some((i) => i.kind === 'invalid'));
    assert.equal(dtypeItems({ ...base, typed: 'loat' })[0].kind, 'invalid', 'a match inside a name is not a completion');
  });

  it('shows a pre-filled dtype (Create Like This) first and preselected', () => {
    const items = dtypeItems({ ...base, mru: ['<f4'], initial: { value: '>u4', source: 'model.npy' } });
    assert.equal(items[0].key, '>u4');
    assert.equal(items[0].picked, true);
    assert.ok(items[0].description?.includes('model.npy'));
    assert.equal(items.filter((i) => i.picked).length, 1);
  });
});
