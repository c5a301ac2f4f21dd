// .npy headers: built byte for byte as numpy >= 1.24 writes them (numpy/lib/_format_impl.py _write_array_header,
// _wrap_header), and parsed with the checks numpy's _read_array_header makes, each failure given its reason.
import { dtypeFromDescr } from './dtype';
import { NpyError } from '../errors';
import { parsePyLiteral, pyRepr } from './pyliteral';
import { MAX_DIMS, shapeRepr } from './shape';
import { Dtype, FormatVersion, ParsedHeader, PyValue } from '../types';
import { formatCount } from '../units';

export const MAGIC: Uint8Array = new Uint8Array([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]);
/** Bytes needed to read the preamble of any version (magic 6 + version 2 + length 4). */
export const PREAMBLE_BYTES = 12;
/** Largest header we read; larger ones are refused with NpyError('header-too-large'). */
export const MAX_HEADER_BYTES = 16 * 1024 * 1024;
/** numpy's ARRAY_ALIGN: data starts at a multiple of 64 bytes. */
export const ARRAY_ALIGN = 64;
/** numpy's GROWTH_AXIS_MAX_DIGITS: room left for the growth axis to reach 21 digits. */
export const GROWTH_AXIS_MAX_DIGITS = 21;

const INT64_MAX = (1n << 63n) - 1n;
const LENGTH_FIELD: Record<FormatVersion, number> = { '1.0': 2, '2.0': 4, '3.0': 4 };

/** The dict text numpy writes, before alignment: "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }" + growth spaces. */
export function headerDictText(dtype: Dtype, shape: readonly bigint[], fortranOrder: boolean): string {
  const text = dictText(dtype, shape, fortranOrder);
  if (shape.length === 0) return text;
  const growthDim = shape[fortranOrder ? shape.length - 1 : 0];
  return text + ' '.repeat(Math.max(0, GROWTH_AXIS_MAX_DIGITS - growthDim.toString().length));
}

/** The dict as numpy's repr writes it, sorted keys and a comma after each item, before any padding. */
function dictText(dtype: Dtype, shape: readonly bigint[], fortranOrder: boolean): string {
  return `{'descr': ${dtype.descrRepr}, 'fortran_order': ${fortranOrder ? 'True' : 'False'}, 'shape': ${shapeRepr(shape)}, }`;
}

// TextDecoder's 'latin1' is really windows-1252; numpy decodes true latin1, where each byte is its own code point,
// as Node's 'latin1' does (in native code: the spread of bytes into fromCharCode was most of a header's parse).
function decodeLatin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

function encodeLatin1(text: string): Uint8Array | undefined {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0xff) return undefined;
    out[i] = c;
  }
  return out;
}

/** numpy's _wrap_header: prefix + text + 1..64 spaces + "\n", aligned to 64; undefined if the length does not fit. */
function wrap(text: Uint8Array, version: FormatVersion): Uint8Array | undefined {
  const hlen = text.length + 1;
  const padlen = ARRAY_ALIGN - ((MAGIC.length + 2 + LENGTH_FIELD[version] + hlen) % ARRAY_ALIGN);
  const total = hlen + padlen;
  if (total > (LENGTH_FIELD[version] === 2 ? 0xffff : 0xffffffff)) return undefined;
  return frame(text, version, total);
}

/** Magic, version, HEADER_LEN = headerLength, the text, spaces, "\n" (the text fits: checked by the callers). */
function frame(text: Uint8Array, version: FormatVersion, headerLength: number): Uint8Array {
  const lenBytes = LENGTH_FIELD[version];
  const out = new Uint8Array(MAGIC.length + 2 + lenBytes + headerLength);
  out.set(MAGIC, 0);
  out[6] = Number(version[0]);
  out[7] = 0;
  const view = new DataView(out.buffer);
  if (lenBytes === 2) view.setUint16(8, headerLength, true);
  else view.setUint32(8, headerLength, true);
  const start = MAGIC.length + 2 + lenBytes;
  out.set(text, start);
  out.fill(0x20, start + text.length, out.length - 1);
  out[out.length - 1] = 0x0a;
  return out;
}

/** Header bytes (magic … final "\n") exactly as numpy >= 1.24 writes them. */
export function buildHeader(dtype: Dtype, shape: readonly bigint[], fortranOrder: boolean): Uint8Array {
  const text = headerDictText(dtype, shape, fortranOrder);
  // numpy tries 1.0, then 2.0 (both latin1), then 3.0 (UTF-8) when latin1 cannot encode a field name.
  const latin1 = encodeLatin1(text);
  const built = latin1 ? (wrap(latin1, '1.0') ?? wrap(latin1, '2.0')) : wrap(new TextEncoder().encode(text), '3.0');
  if (!built) throw new NpyError('bad-dtype', 'The header would be over 4 GiB long; numpy cannot write it.');
  return built;
}

/**
 * A header for `shape` that keeps an existing header's version and exact length, so the data offset never moves:
 * numpy's dict text (without growth padding), spaces to the old length, "\n". Returns how many characters are
 * missing instead when the text does not fit.
 */
export function buildHeaderOfLength(dtype: Dtype, shape: readonly bigint[], fortranOrder: boolean, version: FormatVersion, headerLength: number): Uint8Array | { missing: number } {
  const text = dictText(dtype, shape, fortranOrder);
  const encoded = version === '3.0' ? new TextEncoder().encode(text) : encodeLatin1(text);
  if (!encoded) return { missing: 0 }; // cannot happen for a dtype read from a v1/v2 header
  if (encoded.length + 1 > headerLength) return { missing: encoded.length + 1 - headerLength };
  return frame(encoded, version, headerLength);
}

export interface Preamble { version: FormatVersion; headerLength: number; dataOffset: number }

/** Reads magic, version and length from the first bytes (may be fewer than PREAMBLE_BYTES if the file is tiny). Throws 'not-npy', 'bad-version', 'header-too-large'. */
export function readPreamble(bytes: Uint8Array): Preamble {
  const magicOk = bytes.length >= MAGIC.length && MAGIC.every((b, i) => bytes[i] === b);
  if (!magicOk) {
    throw new NpyError('not-npy', bytes.length === 0
      ? 'This is not an .npy file: it is empty.'
      : 'This is not an .npy file: it does not start with the NumPy magic string \\x93NUMPY.');
  }
  if (bytes.length < 8) throw new NpyError('bad-header', 'The file ends right after the magic string, before the format version.');
  const major = bytes[6];
  const minor = bytes[7];
  if (!((major === 1 || major === 2 || major === 3) && minor === 0)) {
    throw new NpyError('bad-version', `The file says it is format version ${major}.${minor}, which numpy does not know (it reads 1.0, 2.0 and 3.0).`);
  }
  const version = `${major}.0` as FormatVersion;
  const lenBytes = LENGTH_FIELD[version];
  if (bytes.length < 8 + lenBytes) throw new NpyError('bad-header', 'The file ends inside the header length field.');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = lenBytes === 2 ? view.getUint16(8, true) : view.getUint32(8, true);
  if (headerLength > MAX_HEADER_BYTES) {
    throw new NpyError('header-too-large', `The header claims to be ${formatCount(headerLength)} bytes long; headers over ${formatCount(MAX_HEADER_BYTES)} bytes are not read.`);
  }
  return { version, headerLength, dataOffset: 8 + lenBytes + headerLength };
}

function badHeader(message: string): never {
  throw new NpyError('bad-header', message);
}

function excerpt(v: PyValue): string {
  return excerptText(pyRepr(v));
}

function excerptText(r: string): string {
  return r.length > 60 ? r.slice(0, 57) + '...' : r;
}

const KEYS = ['descr', 'fortran_order', 'shape'];

/** Parses a whole header; bytes must hold at least preamble.dataOffset bytes. Throws NpyError with the reason. */
export function parseHeader(bytes: Uint8Array): ParsedHeader {
  const pre = readPreamble(bytes);
  if (bytes.length < pre.dataOffset) {
    badHeader(`The file ends inside its header: ${formatCount(bytes.length)} of ${formatCount(pre.dataOffset)} header bytes are present.`);
  }
  const raw = bytes.subarray(pre.dataOffset - pre.headerLength, pre.dataOffset);
  let headerText: string;
  if (pre.version === '3.0') {
    try {
      headerText = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(raw);
    } catch {
      badHeader('The format 3.0 header is not valid UTF-8.');
    }
  } else {
    headerText = decodeLatin1(raw);
  }

  let value: PyValue;
  try {
    value = parsePyLiteral(headerText, { maxLength: MAX_HEADER_BYTES, allowLongSuffix: pre.version !== '3.0' });
  } catch (e) {
    if (e instanceof NpyError) badHeader(`The header is not a Python literal numpy can read: ${e.message[0].toLowerCase()}${e.message.slice(1)}`);
    throw e;
  }
  if (value.type !== 'dict') badHeader(`The header is not a dictionary but ${excerpt(value)}.`);

  // Python dicts keep the last of duplicate keys, as literal_eval does.
  const d = new Map<string, PyValue>();
  for (const [k, v] of value.entries) {
    if (k.type !== 'str') badHeader(`The header has a key that is not a string: ${excerpt(k)}.`);
    d.set(k.value, v);
  }
  for (const k of d.keys()) {
    if (!KEYS.includes(k)) badHeader(`The header has an unexpected key ${pyRepr({ type: 'str', value: k })}; numpy allows only 'descr', 'fortran_order' and 'shape'.`);
  }
  for (const k of KEYS) if (!d.has(k)) badHeader(`The header lacks the key '${k}'.`);

  const shapeV = d.get('shape')!;
  if (shapeV.type !== 'tuple') badHeader(`The shape must be a tuple of integers, not ${excerpt(shapeV)}.`);
  const shape = shapeV.items.map((x) => {
    if (x.type !== 'int') badHeader(`The shape ${excerpt(shapeV)} has a dimension that is not an integer: ${excerpt(x)}.`);
    if (x.value < 0n) badHeader(`The shape ${excerpt(shapeV)} has a negative dimension; numpy cannot load it.`);
    if (x.value > INT64_MAX) badHeader(`The shape ${excerpt(shapeV)} has a dimension over 2^63 − 1; numpy cannot load it.`);
    return x.value;
  });
  const fo = d.get('fortran_order')!;
  if (fo.type !== 'bool') badHeader(`fortran_order must be True or False, not ${excerpt(fo)}.`);
  const { dtype, subarrayShape } = dtypeFromDescr(d.get('descr')!);
  // A subarray descr adds its dims after the array's, as np.load does.
  const fullShape = [...shape, ...subarrayShape];
  if (fullShape.length > MAX_DIMS) badHeader(`The array has ${fullShape.length} dimensions; numpy allows at most ${MAX_DIMS}.`);
  // numpy sizes arrays with int64: a shape whose elements or bytes pass 2^63 − 1 is no array numpy can make.
  const count = fullShape.reduce((a, b) => a * b, 1n);
  if (count > INT64_MAX || count * BigInt(dtype.itemsize) > INT64_MAX) {
    badHeader(`The shape ${excerptText(shapeRepr(fullShape))} with ${dtype.itemsize}-byte elements is more than numpy can represent (over 2^63 − 1 ${count > INT64_MAX ? 'elements' : 'bytes'}); numpy cannot load it.`);
  }

  return {
    version: pre.version, headerLength: pre.headerLength, dataOffset: pre.dataOffset, headerText,
    dtype, fortranOrder: fo.value, shape: fullShape,
  };
}
