// The internal tree of a dtype: plain scalar types, subarrays and structs, with numpy's layout rules.
// dtype.ts turns it into the public Dtype; dtypeSpelling.ts reads numpy's string spellings into it.
import { NpyError } from '../errors';
import { ByteOrder } from '../types';

export type PlainKind = 'b' | 'i' | 'u' | 'f' | 'c' | 'M' | 'm' | 'S' | 'U' | 'V' | 'O';

export interface PlainNode { t: 'plain'; kind: PlainKind; byteorder: ByteOrder; itemsize: number; str: string; unit?: string }
export interface SubNode { t: 'sub'; base: DtypeNode; shape: number[]; itemsize: number }
export interface StructField { name: string; title?: string; node: DtypeNode; offset: number }
export interface StructNode { t: 'struct'; fields: StructField[]; itemsize: number }
export type DtypeNode = PlainNode | SubNode | StructNode;

/** numpy refuses item sizes that do not fit a C int. */
export const MAX_ITEMSIZE = 2 ** 31 - 1;
// The machine's byte order from a typed array: node:os is not loaded by Node at start, and loading it costs ~0.2 ms.
export const NATIVE: ByteOrder = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? '<' : '>';

export function badDtype(message: string): never {
  throw new NpyError('bad-dtype', message);
}

function checkItemsize(n: number, what: string): number {
  if (!Number.isSafeInteger(n) || n > MAX_ITEMSIZE) badDtype(`${what} would take more than ${MAX_ITEMSIZE} bytes per item, numpy's limit.`);
  return n;
}

/** A scalar type; byte order is folded as numpy does ('|' for one-byte and byte-string types, native for '=' or '|'). */
export function plain(kind: PlainKind, itemsize: number, order: string, unit?: string): PlainNode {
  checkItemsize(itemsize, `The type ${kind}${itemsize}`);
  let byteorder: ByteOrder;
  if (kind === 'S' || kind === 'V' || kind === 'O' || kind === 'b' || (itemsize === 1 && kind !== 'U')) byteorder = '|';
  else if (order === '<' || order === '>') byteorder = order;
  else byteorder = NATIVE;
  let code: string;
  switch (kind) {
    case 'U': code = `U${itemsize / 4}`; break;
    case 'O': code = 'O'; break;
    case 'M': case 'm': code = `${kind}8${unit ? `[${unit}]` : ''}`; break;
    default: code = `${kind}${itemsize}`;
  }
  return { t: 'plain', kind, byteorder, itemsize, str: byteorder + code, ...(unit !== undefined ? { unit } : {}) };
}

/** numpy's dtype((base, shape)): shape () gives the base itself. */
export function subarray(base: DtypeNode, shape: number[]): DtypeNode {
  if (shape.length === 0) return base;
  const count = shape.reduce((a, b) => a * b, 1);
  return { t: 'sub', base, shape, itemsize: checkItemsize(base.itemsize * count, 'This subarray') };
}

export interface FieldSpec { name: string; title?: string; node: DtypeNode }

/**
 * Lays fields out one after another as numpy's descr_to_dtype does: a field named '' whose type is void
 * (plain V or any subarray) is padding — it only advances the offset.
 */
export function struct(specs: FieldSpec[]): StructNode {
  const fields: StructField[] = [];
  const used = new Set<string>();
  let offset = 0;
  for (const s of specs) {
    const isPad = s.title === undefined && s.name === '' && (s.node.t === 'sub' || (s.node.t === 'plain' && s.node.kind === 'V'));
    if (!isPad) {
      for (const n of s.title === undefined ? [s.name] : [s.name, s.title]) {
        if (used.has(n)) badDtype(`The field name ${JSON.stringify(n)} is used twice (names and titles must all differ).`);
        used.add(n);
      }
      fields.push({ name: s.name, title: s.title, node: s.node, offset });
    }
    offset = checkItemsize(offset + s.node.itemsize, 'This struct');
  }
  return { t: 'struct', fields, itemsize: offset };
}

export function containsObject(node: DtypeNode): boolean {
  switch (node.t) {
    case 'plain': return node.kind === 'O';
    case 'sub': return containsObject(node.base);
    case 'struct': return node.fields.some((f) => containsObject(f.node));
  }
}

/** The first object-typed field's dotted path, for messages ('' when the dtype itself is object). */
export function objectPath(node: DtypeNode): string | undefined {
  switch (node.t) {
    case 'plain': return node.kind === 'O' ? '' : undefined;
    case 'sub': return objectPath(node.base);
    case 'struct':
      for (const f of node.fields) {
        const p = objectPath(f.node);
        if (p !== undefined) return p === '' ? f.name : `${f.name}.${p}`;
      }
      return undefined;
  }
}
