import assert from 'node:assert/strict';
import { dtypeFromDescr, parseDtype } from '../../src/core/format/dtype';
import { NpyError } from '../../src/core/errors';
import { parsePyLiteral } from '../../src/core/format/pyliteral';

function refuses(input: string, code: string, pattern: RegExp): void {
  assert.throws(() => parseDtype(input), (e: unknown) => e instanceof NpyError && e.code === code && pattern.test(e.message) && !e.message.includes('\n'), input);
}

describe('dtype: user spellings', () => {
  const cases: Array<[string, string, number, string]> = [
    ['<f8', '<f8', 8, 'float64, little-endian, 8 bytes'],
    ['f8', '<f8', 8, 'float64, little-endian, 8 bytes'],
    ['float64', '<f8', 8, 'float64, little-endian, 8 bytes'],
    ['double', '<f8', 8, 'float64, little-endian, 8 bytes'],
    ['>i2', '>i2', 2, 'int16, big-endian, 2 bytes'],
    ['|u1', '|u1', 1, 'uint8, 1 byte'],
    ['uint8', '|u1', 1, 'uint8, 1 byte'],
    ['?', '|b1', 1, 'bool, 1 byte'],
    ['bool', '|b1', 1, 'bool, 1 byte'],
    ['b1', '|b1', 1, 'bool, 1 byte'],
    ['f2', '<f2', 2, 'float16, little-endian, 2 bytes'],
    ['float16', '<f2', 2, 'float16, little-endian, 2 bytes'],
    ['c8', '<c8', 8, 'complex64, little-endian, 8 bytes'],
    ['complex128', '<c16', 16, 'complex128, little-endian, 16 bytes'],
    ['M8[ns]', '<M8[ns]', 8, 'datetime64 in nanoseconds, little-endian, 8 bytes'],
    ['datetime64[ms]', '<M8[ms]', 8, 'datetime64 in milliseconds, little-endian, 8 bytes'],
    ['m8[s]', '<m8[s]', 8, 'timedelta64 in seconds, little-endian, 8 bytes'],
    ['M8[10ms]', '<M8[10ms]', 8, 'datetime64 in steps of 10 milliseconds, little-endian, 8 bytes'],
    ['S10', '|S10', 10, 'byte string of length 10, 10 bytes'],
    ['U5', '<U5', 20, 'unicode string of length 5, little-endian, 20 bytes'],
    ['V16', '|V16', 16, 'raw bytes (void), 16 bytes'],
    ['  int32 ', '<i4', 4, 'int32, little-endian, 4 bytes'],
  ];
  for (const [input, str, itemsize, description] of cases) {
    it(`${JSON.stringify(input)} → ${str}`, () => {
      const { dtype, subarrayShape } = parseDtype(input);
      assert.equal(dtype.str, str);
      assert.equal(dtype.descrRepr, `'${str}'`);
      assert.equal(dtype.itemsize, itemsize);
      assert.equal(dtype.description, description);
      assert.deepEqual(subarrayShape, []);
      assert.equal(dtype.hasObject, false);
    });
  }
  it('reads structured list literals and writes numpy\'s canonical descr', () => {
    const { dtype } = parseDtype("[('x', 'f4'), ('y', 'i4', 2), ('z', [('a', '>u2'), ('', '|V2')])]");
    assert.equal(dtype.descrRepr, "[('x', '<f4'), ('y', '<i4', (2,)), ('z', [('a', '>u2'), ('', '|V2')])]");
    assert.equal(dtype.itemsize, 16);
    assert.equal(dtype.kind, 'struct');
    assert.equal(dtype.str, '|V16');
    assert.equal(dtype.description, 'struct of 3 fields, 16 bytes');
    assert.deepEqual(dtype.fields!.map((f) => [f.name, f.descr, f.offset, f.size, f.shape]), [
      ['x', "'<f4'", 0, 4, []], ['y', "'<i4'", 4, 8, [2]], ['z', "[('a', '>u2'), ('', '|V2')]", 12, 4, []],
    ]);
  });
  it('merges padding, keeps titles, drops () subarrays, as numpy does', () => {
    assert.equal(parseDtype("[('', '|V4'), ('', '|V4'), ('x', '<f4'), ('', '|V2')]").dtype.descrRepr, "[('', '|V8'), ('x', '<f4'), ('', '|V2')]");
    assert.equal(parseDtype("[(('Title', 'name'), '<f4')]").dtype.descrRepr, "[(('Title', 'name'), '<f4')]");
    assert.equal(parseDtype("[('x', 'f4', ())]").dtype.descrRepr, "[('x', '<f4')]");
    assert.equal(parseDtype("[('', '<f4', (2,))]").dtype.descrRepr, "[('', '|V8')]");
    assert.equal(parseDtype('f8, (2,)i4').dtype.descrRepr, "[('f0', '<f8'), ('f1', '<i4', (2,))]");
  });
  it('folds a top-level subarray into the shape instead of writing a tuple descr', () => {
    for (const input of ['(2,3)f8', "('<f8', (2, 3))", '2,3f8']) {
      const { dtype, subarrayShape } = parseDtype(input);
      assert.equal(dtype.descrRepr, "'<f8'", input);
      assert.deepEqual(subarrayShape, [2n, 3n], input);
    }
  });
  it('marks non-latin1 field names as needing format 3.0', () => {
    assert.equal(parseDtype("[('é', '<f4')]").dtype.needsUtf8, false);
    assert.equal(parseDtype("[('名', '<f4')]").dtype.needsUtf8, true);
  });
  it('refuses object dtypes, saying the data would be a pickle', () => {
    refuses('O', 'object-dtype', /pickle/);
    refuses('object', 'object-dtype', /pickle/);
    refuses("[('a', '<f4'), ('b', [('c', 'O')])]", 'object-dtype', /field 'b\.c'.*pickle/);
  });
  it('refuses what numpy does not understand, and zero-byte types', () => {
    refuses('float96', 'bad-dtype', /does not understand the dtype 'float96'/);
    refuses('i3', 'bad-dtype', /does not understand/);
    refuses('u', 'bad-dtype', /does not understand/);
    refuses('>float64', 'bad-dtype', /does not understand/);
    refuses('M8[B]', 'bad-dtype', /not a datetime unit/);
    refuses('S', 'bad-dtype', /0 bytes per item/);
    refuses('', 'bad-dtype', /Enter a dtype/);
    refuses("[('x', '<f4'), ('x', '<i4')]", 'bad-dtype', /used twice/);
    refuses("[(1, '<f4')]", 'bad-dtype', /Field names must be strings/);
    refuses("[('x', '<f4', (-1,))]", 'bad-dtype', /negative/);
    refuses("[('x',)]", 'bad-dtype', /\(name, type\)/);
    refuses("[('x', '<f4'", 'bad-dtype', /not a valid Python literal/);
    refuses('V2147483648', 'bad-dtype', /numpy's limit/);
  });
});

describe('dtype: header descrs', () => {
  it('accepts object dtypes from headers, flagged', () => {
    const { dtype } = dtypeFromDescr(parsePyLiteral("[('a', '<f8'), ('b', '|O')]"));
    assert.equal(dtype.hasObject, true);
    assert.equal(dtypeFromDescr(parsePyLiteral("'|O'")).dtype.description, 'Python object (pickled data), 8 bytes');
  });
  it('reports invalid descrs as bad headers', () => {
    for (const d of ['5', "'<f3'", "('<f8',)", "[('x', 5)]", 'None']) {
      assert.throws(() => dtypeFromDescr(parsePyLiteral(d)), (e: unknown) => e instanceof NpyError && e.code === 'bad-header' && /^The header's descr is not a valid dtype/.test(e.message), d);
    }
  });
});
