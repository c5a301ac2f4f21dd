// Dtypes from what users type and from header descrs, to numpy's canonical descr, itemsize and plain words.
import { badDtype, containsObject, DtypeNode, FieldSpec, objectPath, PlainNode, struct, subarray } from './dtypeNode';
import { parseSpelling } from './dtypeSpelling';
import { NpyError } from '../errors';
import { parsePyLiteral, pyRepr } from './pyliteral';
import { Dtype, DtypeField, PyValue } from '../types';

/** A dtype with any top-level subarray shape folded out (numpy appends it to the array's shape). */
export interface ParsedDtype { dtype: Dtype; subarrayShape: bigint[] }

/**
 * What a user types: "<f8", "f8", "float64", "double", ">i2", "?", "bool", "c16", "datetime64[ms]", "S10", "U5",
 * "V16", or a structured list literal "[('x', '<f4'), ('y', '<i4', (2,))]". Throws NpyError 'bad-dtype' or
 * 'object-dtype' (with the reason: the data would be a pickle).
 */
export function parseDtype(input: string): ParsedDtype {
  const text = input.trim();
  if (text === '') badDtype('Enter a dtype, such as float64, <f8 or a structured list [(\'x\', \'<f4\')].');
  const node = /^[[(]\s*[[('"]/.test(text) ? nodeFromLiteral(text) : parseSpelling(text);
  const where = objectPath(node);
  if (where !== undefined) {
    throw new NpyError('object-dtype', where === ''
      ? 'Object dtypes cannot be zero-filled: their data is a pickle of Python objects, not numbers, so numpy cannot memory-map it.'
      : `The field '${where}' holds Python objects (O): the data would be a pickle, not numbers, so it cannot be zero-filled or memory-mapped.`);
  }
  const folded = fold(node);
  if (folded.dtype.itemsize === 0) badDtype(`The dtype ${folded.dtype.str} has 0 bytes per item; give a length, such as S10, U5 or V16.`);
  return folded;
}

/** The 'descr' value of a header. Object dtypes are allowed here (hasObject=true); invalid → NpyError('bad-header'). */
export function dtypeFromDescr(descr: PyValue): ParsedDtype {
  // Headers repeat a few plain descrs ('<f8', '|u1', …): parse each once. Frozen, so no caller can change a shared one.
  if (descr.type === 'str' && descr.value.length <= 32) {
    const hit = plainCache.get(descr.value);
    if (hit) return hit;
    const parsed = deepFreeze(parseDescr(descr));
    if (plainCache.size >= 256) plainCache.clear();
    plainCache.set(descr.value, parsed);
    return parsed;
  }
  return parseDescr(descr);
}

const plainCache = new Map<string, ParsedDtype>();

function deepFreeze<T>(v: T): T {
  if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

function parseDescr(descr: PyValue): ParsedDtype {
  try {
    return fold(nodeFromPy(descr));
  } catch (e) {
    if (e instanceof NpyError) throw new NpyError('bad-header', `The header's descr is not a valid dtype: ${lowerFirst(e.message)}`);
    throw e;
  }
}

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}

function nodeFromLiteral(text: string): DtypeNode {
  let value: PyValue;
  try {
    value = parsePyLiteral(text, { maxLength: 1_000_000 });
  } catch (e) {
    if (e instanceof NpyError) badDtype(`The structured dtype is not a valid Python literal: ${lowerFirst(e.message)}`);
    throw e;
  }
  return nodeFromPy(value);
}

function describeValue(v: PyValue): string {
  const r = pyRepr(v);
  return r.length > 60 ? r.slice(0, 57) + '...' : r;
}

function shapeFromPy(v: PyValue, ctx: string): number[] {
  const items = v.type === 'tuple' ? v.items : [v];
  return items.map((d) => {
    if (d.type !== 'int') badDtype(`The subarray shape of ${ctx} must be whole numbers, not ${describeValue(v)}.`);
    if (d.value < 0n) badDtype(`The subarray shape of ${ctx} has a negative dimension (${d.value}).`);
    if (d.value > 2n ** 31n) badDtype(`The subarray shape of ${ctx} is too large (${d.value}).`);
    return Number(d.value);
  });
}

/** numpy's descr_to_dtype: str → np.dtype(str); tuple → subarray; list → struct. */
function nodeFromPy(v: PyValue): DtypeNode {
  if (v.type === 'str') return parseSpelling(v.value);
  if (v.type === 'tuple') {
    if (v.items.length !== 2) badDtype(`A subarray descr needs (type, shape), not ${describeValue(v)}.`);
    return subarray(nodeFromPy(v.items[0]), shapeFromPy(v.items[1], describeValue(v)));
  }
  if (v.type !== 'list') badDtype(`${describeValue(v)} is not a dtype descriptor.`);
  return struct(v.items.map(fieldFromPy));
}

function fieldFromPy(f: PyValue): FieldSpec {
  if ((f.type !== 'tuple' && f.type !== 'list') || f.items.length < 2 || f.items.length > 3) {
    badDtype(`Each field must be (name, type) or (name, type, shape), not ${describeValue(f)}.`);
  }
  const [nameV, typeV, shapeV] = f.items;
  let name: string;
  let title: string | undefined;
  if (nameV.type === 'str') name = nameV.value;
  else if (nameV.type === 'tuple' && nameV.items.length === 2 && nameV.items.every((x) => x.type === 'str')) {
    title = (nameV.items[0] as { value: string }).value;
    name = (nameV.items[1] as { value: string }).value;
  } else badDtype(`Field names must be strings or (title, name) pairs, not ${describeValue(nameV)}.`);
  let node = nodeFromPy(typeV);
  if (shapeV !== undefined) node = subarray(node, shapeFromPy(shapeV, `field '${name}'`));
  return { name, title, node };
}

/** numpy's dtype.descr / dtype.str: the value written after 'descr': in the header. */
export function canonicalDescr(node: DtypeNode): PyValue {
  const str = (s: string): PyValue => ({ type: 'str', value: s });
  const tuple = (...items: PyValue[]): PyValue => ({ type: 'tuple', items });
  const shapeTuple = (shape: number[]): PyValue => tuple(...shape.map((d): PyValue => ({ type: 'int', value: BigInt(d) })));
  switch (node.t) {
    case 'plain': return str(node.str);
    case 'sub': return tuple(canonicalDescr(node.base), shapeTuple(node.shape));
    case 'struct': {
      const items: PyValue[] = [];
      let offset = 0;
      const pad = (n: number): void => { items.push(tuple(str(''), str(`|V${n}`))); };
      for (const f of node.fields) {
        if (f.offset > offset) pad(f.offset - offset);
        const name = f.title === undefined ? str(f.name) : tuple(str(f.title), str(f.name));
        items.push(f.node.t === 'sub' ? tuple(name, canonicalDescr(f.node.base), shapeTuple(f.node.shape)) : tuple(name, canonicalDescr(f.node)));
        offset = f.offset + f.node.itemsize;
      }
      if (node.itemsize > offset) pad(node.itemsize - offset);
      return { type: 'list', items };
    }
  }
}

function fold(node: DtypeNode): ParsedDtype {
  const shape: bigint[] = [];
  while (node.t === 'sub') {
    shape.push(...node.shape.map(BigInt));
    node = node.base;
  }
  return { dtype: toDtype(node), subarrayShape: shape };
}

const ORDER_WORDS: Record<string, string> = { '<': 'little-endian', '>': 'big-endian' };
const UNIT_WORDS: Record<string, string> = {
  Y: 'years', M: 'months', W: 'weeks', D: 'days', h: 'hours', m: 'minutes', s: 'seconds', ms: 'milliseconds',
  us: 'microseconds', ns: 'nanoseconds', ps: 'picoseconds', fs: 'femtoseconds', as: 'attoseconds',
};

function bytesWord(n: number): string {
  return `${n} byte${n === 1 ? '' : 's'}`;
}

function plainName(p: PlainNode): string {
  const bits = p.itemsize * 8;
  switch (p.kind) {
    case 'b': return 'bool';
    case 'i': return `int${bits}`;
    case 'u': return `uint${bits}`;
    case 'f': return `float${bits}`;
    case 'c': return `complex${bits}`;
    case 'M': return p.unit ? `datetime64[${p.unit}]` : 'datetime64';
    case 'm': return p.unit ? `timedelta64[${p.unit}]` : 'timedelta64';
    case 'S': return bits ? `bytes${bits}` : 'bytes';
    case 'U': return bits ? `str${bits}` : 'str';
    case 'V': return bits ? `void${bits}` : 'void';
    case 'O': return 'object';
  }
}

function plainDescription(p: PlainNode): string {
  const order = ORDER_WORDS[p.byteorder];
  const parts: string[] = [];
  switch (p.kind) {
    case 'M': case 'm': {
      const what = p.kind === 'M' ? 'datetime64' : 'timedelta64';
      const u = /^(\d*)(.*)$/.exec(p.unit ?? '')!;
      parts.push(!p.unit ? `${what} (generic unit)` : u[1] ? `${what} in steps of ${u[1]} ${UNIT_WORDS[u[2]]}` : `${what} in ${UNIT_WORDS[u[2]]}`);
      break;
    }
    case 'S': parts.push(`byte string of length ${p.itemsize}`); break;
    case 'U': parts.push(`unicode string of length ${p.itemsize / 4}`); break;
    case 'V': parts.push('raw bytes (void)'); break;
    case 'O': parts.push('Python object (pickled data)'); break;
    default: parts.push(plainName(p));
  }
  if (order) parts.push(order);
  parts.push(bytesWord(p.itemsize));
  return parts.join(', ');
}

function toField(f: { name: string; title?: string; node: DtypeNode; offset: number }): DtypeField {
  const shape: number[] = [];
  let base = f.node;
  while (base.t === 'sub') { shape.push(...base.shape); base = base.base; }
  const descrNode = f.node.t === 'sub' ? f.node.base : f.node;
  return {
    name: f.name, ...(f.title !== undefined ? { title: f.title } : {}), descr: pyRepr(canonicalDescr(descrNode)),
    offset: f.offset, size: f.node.itemsize, shape, dtype: toDtype(base),
  };
}

/** Public Dtype of a node that is not a subarray (callers fold those first). */
function toDtype(node: Exclude<DtypeNode, { t: 'sub' }>): Dtype {
  const descrRepr = pyRepr(canonicalDescr(node));
  // eslint-disable-next-line no-control-regex -- \x00-\xff is latin1, the v1/v2 header encoding
  const common = { hasObject: containsObject(node), needsUtf8: /[^\x00-\xff]/.test(descrRepr), descrRepr };
  if (node.t === 'plain') {
    return { kind: node.kind, byteorder: node.byteorder, itemsize: node.itemsize, str: node.str, name: plainName(node), description: plainDescription(node), ...common };
  }
  // The table shows padding too, so the layout is honest about every byte.
  const fields: DtypeField[] = [];
  let offset = 0;
  const padField = (at: number, n: number): void => {
    fields.push(toField({ name: '', node: { t: 'plain', kind: 'V', byteorder: '|', itemsize: n, str: `|V${n}` }, offset: at }));
  };
  for (const f of node.fields) {
    if (f.offset > offset) padField(offset, f.offset - offset);
    fields.push(toField(f));
    offset = f.offset + f.node.itemsize;
  }
  if (node.itemsize > offset) padField(offset, node.itemsize - offset);
  const named = node.fields.length;
  return {
    kind: 'struct', byteorder: '|', itemsize: node.itemsize, str: `|V${node.itemsize}`, name: `void${node.itemsize * 8}`,
    description: `struct of ${named} field${named === 1 ? '' : 's'}, ${bytesWord(node.itemsize)}`, fields, ...common,
  };
}
