// numpy's string spellings of a dtype ("<f8", "float64", "M8[ns]", "S10", "(2,)i4, f8") read into a DtypeNode.
// What numpy rejects we reject; the numpy cross-check test compares every accepted spelling with np.dtype().
import { badDtype, DtypeNode, plain, PlainKind, struct, subarray } from './dtypeNode';

// Names numpy 2 understands, as type codes (LP64: long is 64-bit, as on Linux and macOS).
const NAMES: Record<string, string> = {
  bool: '?', bool_: '?',
  int8: 'i1', int16: 'i2', int32: 'i4', int64: 'i8', uint8: 'u1', uint16: 'u2', uint32: 'u4', uint64: 'u8',
  byte: 'i1', ubyte: 'u1', short: 'i2', ushort: 'u2', intc: 'i4', uintc: 'u4', long: 'i8', ulong: 'u8',
  longlong: 'i8', ulonglong: 'u8', intp: 'i8', uintp: 'u8', int: 'i8', uint: 'u8',
  float16: 'f2', float32: 'f4', float64: 'f8', float128: 'f16', half: 'f2', single: 'f4', double: 'f8',
  longdouble: 'f16', float: 'f8',
  complex64: 'c8', complex128: 'c16', complex256: 'c32', csingle: 'c8', cdouble: 'c16', clongdouble: 'c32',
  complex: 'c16',
  bytes: 'S', bytes_: 'S', str: 'U', str_: 'U', void: 'V', datetime64: 'M', timedelta64: 'm',
  object: 'O', object_: 'O',
};

// One-letter codes without a size: [kind, itemsize].
const CHARS: Record<string, [PlainKind, number]> = {
  '?': ['b', 1], b: ['i', 1], B: ['u', 1], h: ['i', 2], H: ['u', 2], i: ['i', 4], I: ['u', 4],
  l: ['i', 8], L: ['u', 8], q: ['i', 8], Q: ['u', 8], p: ['i', 8], P: ['u', 8], n: ['i', 8], N: ['u', 8],
  e: ['f', 2], f: ['f', 4], d: ['f', 8], g: ['f', 16], F: ['c', 8], D: ['c', 16], G: ['c', 32],
  c: ['S', 1], S: ['S', 0], a: ['S', 0], U: ['U', 0], V: ['V', 0], O: ['O', 8], M: ['M', 8], m: ['m', 8],
};

// Sized codes: kind letter → allowed sizes (undefined: any length).
const SIZED: Record<string, { kind: PlainKind; sizes?: number[] }> = {
  b: { kind: 'b', sizes: [1] }, i: { kind: 'i', sizes: [1, 2, 4, 8] }, u: { kind: 'u', sizes: [1, 2, 4, 8] },
  f: { kind: 'f', sizes: [2, 4, 8, 16] }, c: { kind: 'c', sizes: [8, 16, 32] },
  S: { kind: 'S' }, a: { kind: 'S' }, U: { kind: 'U' }, V: { kind: 'V' }, O: { kind: 'O', sizes: [8] },
  M: { kind: 'M', sizes: [8] }, m: { kind: 'm', sizes: [8] },
};

const UNITS = new Set(['Y', 'M', 'W', 'D', 'h', 'm', 's', 'ms', 'us', 'ns', 'ps', 'fs', 'as']);

function notUnderstood(s: string): never {
  badDtype(`numpy does not understand the dtype '${s}'; use a name such as float64 or a code such as <f8.`);
}

function parseUnit(s: string, unit: string): string {
  const m = /^(\d*)([A-Za-zμ]+)$/.exec(unit);
  const name = m ? (m[2] === 'μs' ? 'us' : m[2]) : '';
  if (!m || !UNITS.has(name)) badDtype(`'${unit}' in '${s}' is not a datetime unit; use one of Y, M, W, D, h, m, s, ms, us, ns, ps, fs, as.`);
  const mult = m[1] === '' ? '' : BigInt(m[1]).toString();
  return (mult === '1' ? '' : mult) + name;
}

/** One type code with optional byte order, size and datetime unit: "<f8", "S10", "M8[ns]", "d". */
function parseCode(s: string): DtypeNode {
  const m = /^([<>=|]?)([A-Za-z?])(\d*)(?:\[([^\]]*)\])?$/.exec(s);
  if (!m) notUnderstood(s);
  const [, order, ch, digits, unit] = m;
  let kind: PlainKind;
  let size: number;
  if (digits === '') {
    const c = CHARS[ch];
    if (!c) notUnderstood(s);
    [kind, size] = c;
  } else {
    const z = SIZED[ch];
    if (!z || digits.length > 12) notUnderstood(s);
    kind = z.kind;
    size = Number(digits);
    if (z.sizes && !z.sizes.includes(size)) notUnderstood(s);
    if (kind === 'U') size *= 4;
  }
  if (unit !== undefined && kind !== 'M' && kind !== 'm') notUnderstood(s);
  return plain(kind, size, order, unit === undefined ? undefined : parseUnit(s, unit));
}

function parseName(s: string): DtypeNode | undefined {
  const m = /^(datetime64|timedelta64)\[([^\]]*)\]$/.exec(s);
  if (m) return parseCode(`${m[1] === 'datetime64' ? 'M' : 'm'}8[${m[2]}]`);
  const code = NAMES[s];
  return code === undefined ? undefined : parseCode(code);
}

/** A leading subarray shape: "(2,3)f8", "(2,)i4", "2f8", "2,3f8". */
function splitShapePrefix(s: string): { shape: number[]; rest: string } | undefined {
  // numpy wants a real tuple: "()" or with a comma, so "(2)f8" is refused.
  let m = /^\(\s*((?:\d+\s*,\s*)+\d*|)\s*\)\s*(.+)$/.exec(s);
  if (!m) m = /^((?:\d+\s*,\s*)*\d+)\s*([^\d,\s].*)$/.exec(s);
  if (!m) return undefined;
  const dims = m[1].split(',').map((d) => d.trim()).filter((d) => d !== '');
  return { shape: dims.map(Number), rest: m[2] };
}

function splitTopLevelCommas(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) { parts.push(s.slice(start, i)); start = i + 1; }
  }
  parts.push(s.slice(start));
  return parts;
}

/** A whole numpy dtype string, comma lists ("f8, i4" → fields f0, f1) and subarray prefixes included. */
export function parseSpelling(s: string): DtypeNode {
  if (s.length > 1000) badDtype('The dtype text is too long to be a type spelling.');
  const parts = splitTopLevelCommas(s);
  // "2,3f8" is one subarray spelling, not a list; a lone trailing comma ("f8,") makes a one-field struct.
  const whole = splitShapePrefix(s.trim());
  if (parts.length > 1 && !(whole && !whole.rest.includes(','))) {
    if (parts[parts.length - 1].trim() === '') parts.pop();
    return struct(parts.map((p, i) => {
      const t = p.trim();
      if (t === '') notUnderstood(s);
      return { name: `f${i}`, node: parseSingle(t) };
    }));
  }
  return parseSingle(s);
}

function parseSingle(s: string): DtypeNode {
  const pre = splitShapePrefix(s);
  if (pre) return subarray(parseSingle(pre.rest), pre.shape);
  return parseName(s) ?? parseCode(s);
}
