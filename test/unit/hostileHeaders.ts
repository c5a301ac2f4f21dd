// Malformed and hostile .npy headers, each with the reason the parser must give. Shared by the unit tests and
// by the inspect tests that write them to disk.

/** magic + version + little-endian length + text (latin1 for 1/2 unless raw bytes are given). */
export function npyBytes(text: string | Uint8Array, version: 1 | 2 | 3 = 1, lengthOverride?: number): Uint8Array {
  const body = typeof text === 'string' ? (version === 3 ? Buffer.from(text, 'utf8') : Buffer.from(text, 'latin1')) : Buffer.from(text);
  const lenBytes = version === 1 ? 2 : 4;
  const pre = Buffer.alloc(8 + lenBytes);
  Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]).copy(pre);
  if (lenBytes === 2) pre.writeUInt16LE(lengthOverride ?? body.length, 8);
  else pre.writeUInt32LE(lengthOverride ?? body.length, 8);
  return new Uint8Array(Buffer.concat([pre, body]));
}

export interface HostileCase { name: string; bytes: Uint8Array; reason: RegExp }

const h = (descr: string, fortran = 'False', shape = '(3,)'): string => `{'descr': ${descr}, 'fortran_order': ${fortran}, 'shape': ${shape}, }`;

export function hostileHeaders(): HostileCase[] {
  const magic = Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]);
  const cases: HostileCase[] = [
    { name: 'empty file', bytes: new Uint8Array(), reason: /not an \.npy file: it is empty/ },
    { name: 'text file', bytes: Buffer.from('hello, world\n'), reason: /does not start with the NumPy magic/ },
    { name: 'a zip (.npz) file', bytes: Buffer.from('PK\x03\x04rest', 'latin1'), reason: /does not start with the NumPy magic/ },
    { name: 'magic only', bytes: magic, reason: /before the format version/ },
    { name: 'unknown version 4.0', bytes: Buffer.concat([magic, Buffer.from([4, 0, 2, 0]), Buffer.from('{}')]), reason: /version 4\.0, which numpy does not know/ },
    { name: 'version 1.1', bytes: Buffer.concat([magic, Buffer.from([1, 1, 2, 0]), Buffer.from('{}')]), reason: /version 1\.1/ },
    { name: 'length field cut short', bytes: Buffer.concat([magic, Buffer.from([2, 0, 5, 0])]), reason: /inside the header length field/ },
    { name: 'length that lies (longer than the file)', bytes: npyBytes(h("'<f8'"), 1, 60000), reason: /ends inside its header/ },
    { name: 'length of 4 GiB in a 2.0 header', bytes: npyBytes('{}', 2, 0xffffffff), reason: /headers over .* bytes are not read/ },
    { name: 'not a dict', bytes: npyBytes('[1, 2, 3]'), reason: /not a dictionary/ },
    { name: 'missing shape', bytes: npyBytes("{'descr': '<f8', 'fortran_order': False}"), reason: /lacks the key 'shape'/ },
    { name: 'extra key', bytes: npyBytes("{'descr': '<f8', 'fortran_order': False, 'shape': (), 'extra': 1}"), reason: /unexpected key 'extra'/ },
    { name: 'non-string key', bytes: npyBytes("{1: 2, 'descr': '<f8', 'fortran_order': False, 'shape': ()}"), reason: /key that is not a string/ },
    { name: 'shape is a list', bytes: npyBytes(h("'<f8'", 'False', '[3, 4]')), reason: /shape must be a tuple/ },
    { name: 'negative dim', bytes: npyBytes(h("'<f8'", 'False', '(3, -4)')), reason: /negative dimension/ },
    { name: 'float dim', bytes: npyBytes(h("'<f8'", 'False', '(3.0,)')), reason: /not an integer: 3\.0/ },
    { name: 'bool dim', bytes: npyBytes(h("'<f8'", 'False', '(True,)')), reason: /not an integer: True/ },
    { name: 'string shape', bytes: npyBytes(h("'<f8'", 'False', "'3'")), reason: /shape must be a tuple/ },
    { name: 'dim over 2^63-1', bytes: npyBytes(h("'<f8'", 'False', `(${'9'.repeat(100)},)`)), reason: /over 2\^63/ },
    { name: '65 dimensions', bytes: npyBytes(h("'<f8'", 'False', `(${Array(65).fill('1').join(', ')})`)), reason: /at most 64/ },
    { name: 'fortran_order is 1', bytes: npyBytes(h("'<f8'", '1')), reason: /fortran_order must be True or False, not 1/ },
    { name: "fortran_order is 'True'", bytes: npyBytes(h("'<f8'", "'True'")), reason: /fortran_order must be True or False/ },
    { name: 'descr is a number', bytes: npyBytes(h('5')), reason: /descr is not a valid dtype/ },
    { name: 'descr is an unknown type', bytes: npyBytes(h("'<f3'")), reason: /descr is not a valid dtype: numpy does not understand/ },
    { name: 'descr with duplicate field names', bytes: npyBytes(h("[('a', '<f4'), ('a', '<f4')]")), reason: /used twice/ },
    { name: 'descr with a code call', bytes: npyBytes(h("__import__('os').system('touch /tmp/pwned')")), reason: /name '__import__' .* is not a literal/ },
    { name: 'eval in a value', bytes: npyBytes(h("eval('1')")), reason: /name 'eval'/ },
    { name: 'lambda', bytes: npyBytes(h('lambda: 0')), reason: /name 'lambda'/ },
    { name: 'pickle opcode bytes instead of a dict', bytes: npyBytes(Buffer.from('\x80\x04\x95cos\nsystem\n', 'latin1')), reason: /not a Python literal/ },
    { name: '50 000 nested brackets', bytes: npyBytes(h('['.repeat(50_000) + ']'.repeat(50_000)), 2), reason: /nested more than 200 levels/ },
    { name: 'NUL byte in the header', bytes: npyBytes(h("'<f8\0'")), reason: /NUL byte/ },
    { name: 'invalid UTF-8 in a 3.0 header', bytes: npyBytes(Buffer.concat([Buffer.from("{'descr': [('"), Buffer.from([0xff, 0xfe]), Buffer.from("', '<f4')], 'fortran_order': False, 'shape': (), }")]), 3), reason: /not valid UTF-8/ },
    { name: 'byte-order mark before the dict', bytes: npyBytes('\ufeff' + h("'<f8'"), 3), reason: /U\+FEFF/ },
    { name: 'unterminated string', bytes: npyBytes("{'descr': '<f8, 'fortran_order': False, 'shape': (), }"), reason: /Expected ','|never closed|line break/ },
    { name: 'unbalanced braces', bytes: npyBytes("{'descr': '<f8', 'fortran_order': False, 'shape': ()"), reason: /ends before the '\{'/ },
    { name: 'set instead of dict', bytes: npyBytes("{'descr', 'shape'}"), reason: /Expected ':'/ },
    { name: 'struct larger than numpy allows', bytes: npyBytes(h("[('a', 'V2147483647'), ('b', 'V2')]")), reason: /numpy's limit/ },
    { name: 'complex literal', bytes: npyBytes(h("'<f8'", 'False', '(1j,)')), reason: /Complex/ },
  ];
  return cases.map((c) => ({ ...c, bytes: new Uint8Array(c.bytes) }));
}
