// One element's bytes → the text numpy's str() prints for it, for every dtype a .npy file can hold except
// objects (never read) and 80/128-bit long doubles (their layout depends on the writer's platform).
import { pyReprStr } from '../format/pyliteral';
import { Dtype, DtypeField } from '../types';
import { formatComplex, formatComplexInRecord, formatFloat, halfToNumber } from './float';
import { formatDatetime, formatTimedelta } from './time';

export const LONG_DOUBLE_TEXT = 'not decoded (80-bit long double)';

/** A decoded element: its text, and for structured records one row per (non-padding) field. */
export interface DecodedValue {
  text: string;
  fields?: Array<{ name: string; text: string }>;
}

function unitSpec(d: Dtype): string {
  const m = /\[([^\]]*)\]$/.exec(d.str);
  return m ? m[1] : '';
}

/** Python's repr() of bytes: b'ab', b"it's", b'\x00\xff'. */
export function pyReprBytes(b: Uint8Array): string {
  let hasSingle = false;
  let hasDouble = false;
  for (const c of b) { if (c === 0x27) hasSingle = true; else if (c === 0x22) hasDouble = true; }
  const quote = hasSingle && !hasDouble ? '"' : "'";
  let out = `b${quote}`;
  for (const c of b) {
    const ch = String.fromCharCode(c);
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (c === 0x09) out += '\\t';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c < 0x20 || c >= 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + quote;
}

/** numpy strips trailing NULs from S and U items. */
function trimNuls(b: Uint8Array, unit: number): Uint8Array {
  let end = b.length;
  while (end >= unit && b.subarray(end - unit, end).every((x) => x === 0)) end -= unit;
  return b.subarray(0, end);
}

function utf32(b: Uint8Array, little: boolean): string {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let s = '';
  for (let i = 0; i + 4 <= b.length; i += 4) {
    const cp = v.getUint32(i, little);
    // Invalid code points cannot come from numpy; show them as the replacement character rather than throw.
    s += cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
  }
  return s;
}

/** str() of one scalar of a plain (non-struct) dtype at `offset`. */
export function decodeScalar(d: Dtype, view: DataView, offset: number): string {
  const little = d.byteorder !== '>';
  switch (d.kind) {
    case 'b': return view.getUint8(offset) !== 0 ? 'True' : 'False';
    case 'i':
      switch (d.itemsize) {
        case 1: return String(view.getInt8(offset));
        case 2: return String(view.getInt16(offset, little));
        case 4: return String(view.getInt32(offset, little));
        default: return view.getBigInt64(offset, little).toString();
      }
    case 'u':
      switch (d.itemsize) {
        case 1: return String(view.getUint8(offset));
        case 2: return String(view.getUint16(offset, little));
        case 4: return String(view.getUint32(offset, little));
        default: return view.getBigUint64(offset, little).toString();
      }
    case 'f':
      switch (d.itemsize) {
        case 2: return formatFloat(halfToNumber(view.getUint16(offset, little)), 16);
        case 4: return formatFloat(view.getFloat32(offset, little), 32);
        case 8: return formatFloat(view.getFloat64(offset, little), 64);
        default: return LONG_DOUBLE_TEXT;
      }
    case 'c':
      switch (d.itemsize) {
        case 8: return formatComplex(view.getFloat32(offset, little), view.getFloat32(offset + 4, little), 32);
        case 16: return formatComplex(view.getFloat64(offset, little), view.getFloat64(offset + 8, little), 64);
        default: return LONG_DOUBLE_TEXT;
      }
    case 'M': return formatDatetime(view.getBigInt64(offset, little), unitSpec(d));
    case 'm': return formatTimedelta(view.getBigInt64(offset, little), unitSpec(d));
    case 'S': return pyReprBytes(trimNuls(bytesAt(view, offset, d.itemsize), 1));
    case 'U': return pyReprStr(utf32(trimNuls(bytesAt(view, offset, d.itemsize), 4), little));
    case 'V': return voidText(bytesAt(view, offset, d.itemsize));
    case 'O': return 'not read (Python object)';
    case 'struct': return decodeRecord(d, view, offset).text;
  }
}

function bytesAt(view: DataView, offset: number, length: number): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset + offset, length);
}

/** numpy prints unstructured void as b'\x00\x01\xFF': every byte escaped, upper-case hex. */
export function voidText(b: Uint8Array): string {
  let out = "b'";
  for (const c of b) out += '\\x' + c.toString(16).toUpperCase().padStart(2, '0');
  return out + "'";
}

function isPadding(f: DtypeField): boolean {
  return f.name === '' && f.dtype.kind === 'V';
}

/** Inside a record numpy quotes datetimes ("'1970-01-01T00:00:00'") and prints complex array-style ('1.+2.j'). */
function leafInRecord(d: Dtype, view: DataView, offset: number): string {
  if (d.kind === 'c' && (d.itemsize === 8 || d.itemsize === 16)) {
    const little = d.byteorder !== '>';
    return d.itemsize === 8
      ? formatComplexInRecord(view.getFloat32(offset, little), view.getFloat32(offset + 4, little), 32)
      : formatComplexInRecord(view.getFloat64(offset, little), view.getFloat64(offset + 8, little), 64);
  }
  const s = decodeScalar(d, view, offset);
  return d.kind === 'M' ? `'${s}'` : s;
}

/**
 * A subarray field as nested lists: [1, 2] or [[1, 2], [3, 4]]. Inside a whole record numpy formats it as an
 * array: integers right-aligned to the widest, True as ' True' (floats keep str()).
 */
function subarrayText(f: DtypeField, view: DataView, offset: number, inRecord: boolean): string {
  const step = f.dtype.itemsize;
  const count = f.shape.reduce((a, b) => a * b, 1);
  const texts: string[] = [];
  for (let k = 0; k < count; k++) {
    const at = offset + step * k;
    texts.push(f.dtype.kind === 'struct' ? decodeRecord(f.dtype, view, at).text : inRecord ? leafInRecord(f.dtype, view, at) : decodeScalar(f.dtype, view, at));
  }
  if (inRecord && (f.dtype.kind === 'i' || f.dtype.kind === 'u')) {
    const width = Math.max(...texts.map((x) => x.length));
    texts.forEach((x, k) => { texts[k] = x.padStart(width); });
  } else if (inRecord && f.dtype.kind === 'b') {
    texts.forEach((x, k) => { if (x === 'True') texts[k] = ' True'; });
  }
  let index = 0;
  const one = (): string => texts[index++];
  const level = (axis: number): string => {
    if (axis === f.shape.length) return one();
    const parts: string[] = [];
    for (let i = 0; i < f.shape[axis]; i++) parts.push(level(axis + 1));
    return `[${parts.join(', ')}]`;
  };
  return level(0);
}

function fieldText(f: DtypeField, view: DataView, offset: number, inRecord: boolean): string {
  const at = offset + f.offset;
  if (f.shape.length > 0) return subarrayText(f, view, at, inRecord);
  if (f.dtype.kind === 'struct') return decodeRecord(f.dtype, view, at).text;
  return inRecord ? leafInRecord(f.dtype, view, at) : decodeScalar(f.dtype, view, at);
}

/** A structured record: '(1.5, [1, 2], (False, b''))' plus one row per top-level field. */
export function decodeRecord(d: Dtype, view: DataView, offset: number): DecodedValue {
  const fields = (d.fields ?? []).filter((f) => !isPadding(f));
  const parts = fields.map((f) => fieldText(f, view, offset, true));
  const text = parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(', ')})`;
  return { text, fields: fields.map((f) => ({ name: f.name, text: fieldText(f, view, offset, false) })) };
}

/** One element of dtype `d` starting at `offset` in `view`. */
export function decodeElement(d: Dtype, view: DataView, offset: number): DecodedValue {
  return d.kind === 'struct' ? decodeRecord(d, view, offset) : { text: decodeScalar(d, view, offset) };
}
