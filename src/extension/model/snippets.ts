// Clipboard snippets that open the file memory-mapped for writing, in Python (numpy) and Rust (ndarray-npy).
import { pyReprStr } from '../../core/format/pyliteral';
import { shapeRepr } from '../../core/format/shape';
import { NpyReport } from '../../core/types';

export function pythonSnippet(r: Pick<NpyReport, 'path' | 'objectData' | 'dtypeName' | 'shape' | 'fortranOrder'>): string {
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
  return [
    'import numpy as np',
    '',
    `a = np.load(${path}, mmap_mode='r+')  # ${r.dtypeName}, shape ${shapeRepr(r.shape)}, ${r.fortranOrder ? 'Fortran' : 'C'} order`,
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

export function rustSnippet(r: Pick<NpyReport, 'path' | 'descr' | 'shape' | 'fortranOrder' | 'objectData'>): string {
  const elem = r.objectData ? undefined : rustElementType(r.descr);
  const dim = dimType(r.shape.length);
  const complex = elem?.startsWith('Complex') ?? false;
  const cargo = `// Cargo.toml: memmap2 = "0.9", ndarray = "0.16", ndarray-npy = ${complex ? '{ version = "0.9", features = ["num-complex-0_4"] }, num-complex = "0.4"' : '"0.9"'}`;
  const view = elem
    ? `    let mut view = ArrayViewMut::<${elem}, ${dim}>::view_mut_npy(&mut mmap)?;`
    : [`    // ${r.descr} has no element type that ndarray-npy can view in place (bool, integers, f32/f64 and`,
      '    // complex in little-endian order can); read a copy with ndarray_npy::ReadNpyExt instead.',
      `    // let mut view = ArrayViewMut::<T, ${dim}>::view_mut_npy(&mut mmap)?;`].join('\n');
  const lines = [
    cargo,
    'use memmap2::MmapMut;',
    `use ndarray::{ArrayViewMut, ${dim}};`,
    'use ndarray_npy::ViewMutNpyExt;',
    ...(complex ? ['use num_complex::Complex;'] : []),
    'use std::fs::OpenOptions;',
    '',
    'fn main() -> Result<(), Box<dyn std::error::Error>> {',
    `    let file = OpenOptions::new().read(true).write(true).open(${rustStr(r.path)})?;`,
    '    // Safety: nothing else may truncate or resize the file while it is mapped.',
    '    let mut mmap = unsafe { MmapMut::map_mut(&file)? };',
    view,
    `    // shape ${shapeRepr(r.shape)}, ${r.fortranOrder ? 'Fortran' : 'C'} order`,
    ...(elem ? ['    println!("{:?}", view.shape());'] : []),
    '    Ok(())',
    '}',
    '',
  ];
  return lines.join('\n');
}
