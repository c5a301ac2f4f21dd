import assert from 'node:assert/strict';
import { NpyError } from '../../src/core/errors';
import { elementCount, parseShape, shapeRepr } from '../../src/core/format/shape';
import { formatBytes, formatCount } from '../../src/core/units';

describe('shape', () => {
  it('reads every spelling users type', () => {
    for (const t of ['1024,2048,4096', '(1024, 2048, 4096)', '1024x2048x4096', '1024 x 2048 x 4096', '1024 2048 4096', '[1024, 2048, 4096]', '1024×2048×4096']) {
      assert.deepEqual(parseShape(t), [1024n, 2048n, 4096n], t);
    }
    assert.deepEqual(parseShape('()'), []);
    assert.deepEqual(parseShape(''), []);
    assert.deepEqual(parseShape('  '), []);
    assert.deepEqual(parseShape('(5,)'), [5n]);
    assert.deepEqual(parseShape('5,'), [5n]);
    assert.deepEqual(parseShape('0, 3'), [0n, 3n]);
    assert.deepEqual(parseShape('1_000'), [1000n]);
    assert.deepEqual(parseShape('9223372036854775807'), [9223372036854775807n]);
  });
  it('refuses bad dims with one sentence each', () => {
    const cases: Array<[string, RegExp]> = [
      ['3,-4', /cannot be negative/], ['1.5', /not a whole number/], ['1e6', /not a whole number/],
      ['3,,4', /empty dimension/], ['abc', /is not a dimension/], ['(3,(4))', /brackets/],
      ['9223372036854775808', /2\^63/], [Array(65).fill('1').join(','), /at most 64/],
    ];
    for (const [t, re] of cases) {
      assert.throws(() => parseShape(t), (e: unknown) => e instanceof NpyError && e.code === 'bad-shape' && re.test(e.message) && !e.message.includes('\n'), t);
    }
  });
  it('counts elements and prints Python tuples', () => {
    assert.equal(elementCount([]), 1n);
    assert.equal(elementCount([1024n, 2048n, 4096n]), 8589934592n);
    assert.equal(elementCount([0n, 5n]), 0n);
    assert.equal(shapeRepr([]), '()');
    assert.equal(shapeRepr([5n]), '(5,)');
    assert.equal(shapeRepr([3n, 4n]), '(3, 4)');
  });
});

describe('units', () => {
  it('formats bytes in binary units, exact when whole', () => {
    assert.equal(formatBytes(0), '0 B');
    assert.equal(formatBytes(8), '8 B');
    assert.equal(formatBytes(1023), '1023 B');
    assert.equal(formatBytes(4096), '4 KiB');
    assert.equal(formatBytes(1536), '1.5 KiB');
    assert.equal(formatBytes(64n * 2n ** 30n), '64 GiB');
    assert.equal(formatBytes(64n * 2n ** 30n + 128n), '64 GiB');
    assert.equal(formatBytes(17n * 2n ** 40n + 2n ** 39n + 2n ** 37n), '17.6 TiB');
    assert.equal(formatBytes(2n ** 63n - 1n), '8 EiB');
  });
  it('groups thousands', () => {
    assert.equal(formatCount(0), '0');
    assert.equal(formatCount(999), '999');
    assert.equal(formatCount(8589934592n), '8,589,934,592');
    assert.equal(formatCount(-1234567), '-1,234,567');
  });
});
