// Shapes as people type them and as Python writes them. Dims are BigInt: a shape's product can exceed 2^53.
import { NpyError } from '../errors';

/** numpy 2's NPY_MAXDIMS. */
export const MAX_DIMS = 64;
const INT64_MAX = (1n << 63n) - 1n;

function bad(message: string): never {
  throw new NpyError('bad-shape', message);
}

/** "1024,2048,4096", "(1024, 2048, 4096)", "1024x2048x4096", "()" or "" (scalar), "5" or "(5,)". Throws NpyError('bad-shape'). */
export function parseShape(text: string): bigint[] {
  let t = text.trim();
  if ((t.startsWith('(') && t.endsWith(')')) || (t.startsWith('[') && t.endsWith(']'))) t = t.slice(1, -1).trim();
  if (t === '') return [];
  if (/[()[\]]/.test(t)) bad(`The shape '${text.trim()}' has brackets in the wrong place; write it like 1024, 2048 or (1024, 2048).`);
  // A trailing comma is Python's 1-tuple spelling: "(5,)".
  t = t.replace(/\s*,\s*$/, '');
  const parts = t.split(/\s*[,x×X*]\s*|\s+/);
  if (parts.length > MAX_DIMS) bad(`The shape has ${parts.length} dimensions; numpy allows at most ${MAX_DIMS}.`);
  return parts.map((p) => parseDim(p));
}

function parseDim(p: string): bigint {
  if (p === '') bad('The shape has an empty dimension; separate dimensions with a single comma or x.');
  if (/^-\s*\d/.test(p)) bad(`Dimensions cannot be negative (${p}).`);
  if (/^\d+(?:_\d+)*$/.test(p)) {
    const n = BigInt(p.replace(/_/g, ''));
    if (n > INT64_MAX) bad(`The dimension ${p} is larger than numpy's limit of 2^63 − 1.`);
    return n;
  }
  if (/^[\d.eE+-]+$/.test(p)) bad(`The dimension '${p}' is not a whole number.`);
  bad(`'${p}' is not a dimension; write whole numbers such as 1024, 2048, 4096.`);
}

/** prod(shape); 1 for (). */
export function elementCount(shape: readonly bigint[]): bigint {
  return shape.reduce((a, b) => a * b, 1n);
}

/** Python tuple repr: "()", "(5,)", "(3, 4)". */
export function shapeRepr(shape: readonly bigint[]): string {
  if (shape.length === 1) return `(${shape[0]},)`;
  return `(${shape.join(', ')})`;
}

/** How a person types it (parseShape reads it back): "1024, 2048, 4096", "5", and "()" for a scalar. */
export function shapeText(shape: readonly bigint[]): string {
  return shape.length === 0 ? '()' : shape.map(String).join(', ');
}
