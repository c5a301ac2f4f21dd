// Indices for the value preview. Pages follow numpy's C-order flat index over the logical shape (what
// a.flat and a.ravel() give) whatever the file's order; a Fortran-order file stores element [i, j, k] at
// i + j·d0 + k·d0·d1 items, so each flat index is mapped to its own byte offset.
import { NpyError } from '../errors';
import { formatCount } from '../units';

/** C-order flat index → N-d index. shape [] (0-d) gives []. */
export function unravelIndex(flat: bigint, shape: readonly bigint[]): bigint[] {
  const idx = new Array<bigint>(shape.length).fill(0n);
  let rest = flat;
  for (let k = shape.length - 1; k >= 0; k--) {
    idx[k] = rest % shape[k];
    rest /= shape[k];
  }
  return idx;
}

/** N-d index → C-order flat index. */
export function ravelIndex(idx: readonly bigint[], shape: readonly bigint[]): bigint {
  let flat = 0n;
  for (let k = 0; k < shape.length; k++) flat = flat * shape[k] + idx[k];
  return flat;
}

/** Item offset (in items, not bytes) of an N-d index in the file's own order. */
export function storageIndex(idx: readonly bigint[], shape: readonly bigint[], fortranOrder: boolean): bigint {
  if (!fortranOrder) return ravelIndex(idx, shape);
  let pos = 0n;
  let stride = 1n;
  for (let k = 0; k < shape.length; k++) {
    pos += idx[k] * stride;
    stride *= shape[k];
  }
  return pos;
}

/** Item offsets of `count` consecutive C-order flat indices from `start`: one odometer, no divisions per item. */
export function storageIndices(start: bigint, count: number, shape: readonly bigint[], fortranOrder: boolean): bigint[] {
  if (!fortranOrder) return Array.from({ length: count }, (_, i) => start + BigInt(i));
  const idx = unravelIndex(start, shape);
  const out: bigint[] = [];
  for (let i = 0; i < count; i++) {
    out.push(storageIndex(idx, shape, true));
    for (let k = shape.length - 1; k >= 0; k--) {
      if (++idx[k] < shape[k]) break;
      idx[k] = 0n;
    }
  }
  return out;
}

/** "[3, 4, 5]" for a 3-d index; "[3]" for 1-d; "()" for the only element of a 0-d array. */
export function indexText(idx: readonly bigint[]): string {
  return idx.length === 0 ? '()' : `[${idx.join(', ')}]`;
}

function badIndex(message: string): never {
  throw new NpyError('bad-shape', message);
}

/**
 * What a user types in "Go to index": a flat index ("12", "-1") or an N-d index ("3, 4, 5", "[3, 4, 5]",
 * "(3, 4, 5)"), negative numbers counting from the end as in numpy. Returns the C-order flat index or throws
 * NpyError with one sentence.
 */
export function parseIndex(text: string, shape: readonly bigint[]): bigint {
  const total = shape.reduce((a, b) => a * b, 1n);
  const trimmed = text.trim().replace(/^[[(]\s*(.*?)\s*[\])]$/s, '$1');
  if (total === 0n) badIndex('The array has no elements, so there is no index to go to.');
  if (trimmed === '') {
    if (shape.length === 0) return 0n;
    badIndex('Enter an index: one flat index such as 12, or one number per axis such as 3, 4, 5.');
  }
  const parts = trimmed.split(/\s*,\s*|\s+/).filter((p) => p !== '');
  for (const p of parts) {
    if (!/^[+-]?\d+$/.test(p)) badIndex(`'${p.length > 20 ? p.slice(0, 20) + '…' : p}' is not a whole number; enter a flat index such as 12 or one number per axis such as 3, 4, 5.`);
  }
  const nums = parts.map((p) => BigInt(p));
  if (nums.length === 1 && shape.length !== 1) {
    let n = nums[0];
    if (n < 0n) n += total;
    if (n < 0n || n >= total) badIndex(`Index ${nums[0]} is out of range: the array has ${formatCount(total)} element${total === 1n ? '' : 's'} (flat indices 0 to ${formatCount(total - 1n)}).`);
    return n;
  }
  if (nums.length !== shape.length) {
    badIndex(`The index has ${nums.length} numbers but the array has ${shape.length} dimension${shape.length === 1 ? '' : 's'}; enter one flat index or ${shape.length} numbers.`);
  }
  const idx = nums.map((n, k) => {
    const v = n < 0n ? n + shape[k] : n;
    if (v < 0n || v >= shape[k]) badIndex(`Index ${n} is out of range for axis ${k}, which has size ${formatCount(shape[k])}.`);
    return v;
  });
  return ravelIndex(idx, shape);
}
