// The core's public data shapes. Everything here is plain data: the extension posts the JSON forms to the
// webview, the CLI prints them. Sizes are bigint inside the core (shapes can exceed 2^53).

/** A value of the Python-literal subset that .npy headers use (see pyliteral.ts). */
export type PyValue =
  | { type: 'str'; value: string }
  | { type: 'int'; value: bigint }
  | { type: 'float'; text: string }   // parsed only so errors can say "1.5 is not an integer"
  | { type: 'bool'; value: boolean }
  | { type: 'none' }
  | { type: 'tuple'; items: PyValue[] }
  | { type: 'list'; items: PyValue[] }
  | { type: 'dict'; entries: Array<[PyValue, PyValue]> };

export type ByteOrder = '<' | '>' | '|';

/** One field of a structured dtype, in declaration order, padding fields (name '') included. */
export interface DtypeField {
  name: string;
  title?: string;
  /** The field's descr as numpy writes it inside the list: "'<f4'" or a nested list repr. */
  descr: string;
  offset: number;
  /** Bytes of the field including its subarray shape. */
  size: number;
  /** Subarray shape, [] for a plain field. */
  shape: number[];
  dtype: Dtype;
}

export interface Dtype {
  /** 'b' bool, 'i', 'u', 'f', 'c', 'M' datetime64, 'm' timedelta64, 'S', 'U', 'V', 'O' object, 'struct'. */
  kind: 'b' | 'i' | 'u' | 'f' | 'c' | 'M' | 'm' | 'S' | 'U' | 'V' | 'O' | 'struct';
  byteorder: ByteOrder;
  itemsize: number;
  /** numpy's dtype.str: "<f8", "|S5", "<M8[ns]"; "|V12" for a 12-byte struct. */
  str: string;
  /** Exactly what goes after 'descr': in the header: "'<f8'" or "[('x', '<f4'), ('y', '<i4', (2,))]". */
  descrRepr: string;
  /** numpy's name: "float64", "datetime64[ns]", "bytes40", "void64" for structs. */
  name: string;
  /** Plain words: "float64, little-endian, 8 bytes"; structs: "struct of 2 fields, 12 bytes". */
  description: string;
  /** Structured dtypes only. */
  fields?: DtypeField[];
  /** True when this dtype or any nested field is an object dtype. */
  hasObject: boolean;
  /** True when some field name or title is not latin1-encodable (forces format 3.0). */
  needsUtf8: boolean;
}

export type Order = 'C' | 'F';
export type AllocateMode = 'sparse' | 'full';
export type FormatVersion = '1.0' | '2.0' | '3.0';

/** The header of a .npy file, parsed. */
export interface ParsedHeader {
  version: FormatVersion;
  /** Value of the HEADER_LEN field. */
  headerLength: number;
  /** magic + version + length field + HEADER_LEN. */
  dataOffset: number;
  /** The header text as stored (decoded latin1 for 1.0/2.0, UTF-8 for 3.0). */
  headerText: string;
  dtype: Dtype;
  fortranOrder: boolean;
  shape: bigint[];
}

export type NpyStatus = 'ok' | 'truncated' | 'trailing-bytes';

/** What inspect found. bigint sizes; see reportToJson for the JSON form. */
export interface NpyReport {
  path: string;
  fileName: string;
  version: FormatVersion;
  descr: string;            // "<f8" or "[('x', '<f4'), ('y', '<i4')]" — as numpy writes it, unquoted for plain types
  dtypeName: string;
  dtypeDescription: string;
  fortranOrder: boolean;
  shape: bigint[];
  itemsize: number;
  elementCount: bigint;
  headerLength: number;
  dataOffset: number;
  dataBytes: bigint;
  expectedFileBytes: bigint; // dataOffset + dataBytes
  fileBytes: bigint;
  allocatedBytes: bigint | null;
  status: NpyStatus;
  /** One plain sentence about the status ("valid", "truncated: 1,024 bytes missing", …). */
  statusMessage: string;
  /** Bytes missing (truncated) or extra (trailing-bytes); 0 when ok. */
  statusBytes: bigint;
  /** Largest multiple of 64 (then 16) that dataOffset is a multiple of: 64, 16, or 'other'. */
  alignment: 64 | 16 | 'other';
  /** Which axis can grow in place (0, or ndim-1 for Fortran); null for 0-d. */
  growthAxis: number | null;
  /** Spaces available in the header for the growth axis's dim to gain digits without moving data. */
  growthRoom: number;
  headerText: string;
  fields: DtypeField[] | null;
  /** The data is a pickle of Python objects: shown, never loaded. */
  objectData: boolean;
  /** Bytes this inspection read from the file (magic + header only). */
  bytesRead: number;
}
