// Clipboard snippets that open the file memory-mapped, in Python (numpy) and Rust (ndarray-npy). Read-only by
// default: someone copying a snippet "to have a look" at real data must not open it for writing.
import { pyReprStr } from '../../core/format/pyliteral';
import { shapeRepr } from '../../core/format/shape';
import { NpyReport } from '../../core/types';

export interface SnippetOptions {
  /** mmap_mode='r+' (writes go to the file) instead of 'r'. */
  writable?: boolean;
}

export function pythonSnippet(r: Pick<NpyReport, 'path' | 'objectData' | 'dtypeName' | 'shape' | 'fortranOrder'>, o: SnippetOptions = {}): string {
  const path = pyReprStr(r.path);
  if (r.objectData) {
    return [
      'import numpy as np',
      '',
      '# Object array: the data is a pickle, which cannot be memory-mapped and runs code when loaded.',
      '# Only load it from a source you trust.',
      `a = np.load(${path}, allow_pickle=True)`,
      '',
    ].join('\n');
  }
  const what = `${r.dtypeName}, shape ${shapeRepr(r.shape)}, ${r.fortranOrder ? 'Fortran' : 'C'} order`;
  return [
    'import numpy as np',
    '',
    o.writable
      ? `a = np.load(${path}, mmap_mode='r+')  # ${what}; writable: assignments change the file`
      : `a = np.load(${path}, mmap_mode='r')  # ${what}; read-only (mmap_mode='r+' to write)`,
    '',
  ].join('\n');
}

/** The element types ndarray-npy can view in place (little-endian hosts: x86-64, aarch64). */
const RUST_TYPES: Record<string, string> = {
  '|b1': 'bool', '|i1': 'i8', '<i2': 'i16', '<i4': 'i32', '<i8': 'i64',
  '|u1': 'u8', '<u2': 'u16', '<u4': 'u32', '<u8': 'u64', '<f4': 'f32', '<f8': 'f64',
  '<c8': 'Complex<f32>', '<c16': 'Complex<f64>',
};

export function rustElementType(descr: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(RUST_TYPES, descr) ? RUST_TYPES[descr] : undefined;
}

/** A Rust string literal (not raw: a raw string cannot hold every path). */
export function rustStr(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += `\\u{${c.toString(16)}}`;
    else out += ch;
  }
  return `${out}"`;
}

function dimType(ndim: number): string { return ndim <= 6 ? `Ix${ndim}` : 'IxDyn'; }

/** A read-only view through memmap2 (Mmap + view_npy); the writable form (MmapMut + view_mut_npy) is one comment away. */
export function rustSnippet(r: Pick<NpyReport, 'path' | 'descr' | 'shape' | 'fortranOrder' | 'objectData'>): string {
  const dim = dimType(r.shape.length);
  const elem = r.objectData ? undefined : rustElementType(r.descr);
  // Big-endian numbers cannot be viewed in place on a little-endian host; ReadNpyExt reads them into a copy.
  const swapped = r.objectData || elem ? undefined : rustElementType(r.descr.replace(/^>/, '<'));
  const type = elem ?? swapped;
  const complex = type?.startsWith('Complex') ?? false;
  const cargo = `// Cargo.toml: ${elem ? 'memmap2 = "0.9", ' : ''}ndarray = "0.16", ndarray-npy = ${complex ? '{ version = "0.9", features = ["num-complex-0_4"] }, num-complex = "0.4"' : '"0.9"'}`;
  const about = `    // shape ${shapeRepr(r.shape)}, ${r.fortranOrder ? 'Fortran' : 'C'} order`;
  let uses: string[];
  let body: string[];
  if (elem) {
    uses = ['use memmap2::Mmap;', `use ndarray::{ArrayView, ${dim}};`, 'use ndarray_npy::ViewNpyExt;'];
    body = [
      '    let file = File::open(path)?;',
      '    // Safety: nothing else may truncate or resize the file while it is mapped.',
      '    let mmap = unsafe { Mmap::map(&file)? };',
      `    let view = ArrayView::<${elem}, ${dim}>::view_npy(&mmap)?;`,
      `${about}. Read-only: to write in place, open the file with write access,`,
      '    // map it with MmapMut::map_mut and use ArrayViewMut::view_mut_npy (ViewMutNpyExt).',
      '    println!("{:?}", view.shape());',
    ];
  } else if (swapped) {
    uses = [`use ndarray::{Array, ${dim}};`, 'use ndarray_npy::ReadNpyExt;'];
    body = [
      `    // ${r.descr} is big-endian: it cannot be viewed in place on a little-endian host, so read a copy.`,
      `    let a = Array::<${swapped}, ${dim}>::read_npy(File::open(path)?)?;`,
      about,
      '    println!("{:?}", a.shape());',
    ];
  } else {
    uses = [];
    body = r.objectData
      ? ['    // Object array: the data is a Python pickle. ndarray-npy cannot read object arrays (neither',
        '    // view_npy nor ReadNpyExt), and nothing in Rust should unpickle them: load it in Python, and',
        '    // only from a source you trust.']
      : [`    // ${r.descr}: ndarray-npy has no element type for it (it reads bool, integers, f32/f64 and complex);`,
        '    // implement ndarray_npy::ReadableElement for your own type, or read the bytes after the header.'];
    body.push(about, '    let _ = path;');
  }
  const lines = [
    cargo,
    ...uses,
    ...(complex ? ['use num_complex::Complex;'] : []),
    ...(type ? ['use std::fs::File;'] : []),
    '',
    'fn main() -> Result<(), Box<dyn std::error::Error>> {',
    `    let path = ${rustStr(r.path)};`,
    ...body,
    '    Ok(())',
    '}',
    '',
  ];
  return lines.join('\n');
}
