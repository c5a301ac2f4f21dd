// Clipboard snippets for one member of a .npz: numpy's np.load(path)[key] and ndarray-npy's NpzReader::by_name.
// An archive member cannot be memory-mapped (np.load ignores mmap_mode for .npz), so both read a copy.
import { pyReprStr } from '../../core/format/pyliteral';
import { shapeRepr } from '../../core/format/shape';
import { NpyReport } from '../../core/types';
import { rustElementType, rustStr } from './snippets';

type MemberReport = Pick<NpyReport, 'objectData' | 'dtypeName' | 'descr' | 'shape' | 'fortranOrder'>;

/** The key np.load's NpzFile lists for a member: its name without one ".npy" suffix (numpy's own rule). */
export function npzKey(memberName: string): string {
  return memberName.endsWith('.npy') ? memberName.slice(0, -4) : memberName;
}

function describe(r: MemberReport): string {
  return `${r.dtypeName}, shape ${shapeRepr(r.shape)}, ${r.fortranOrder ? 'Fortran' : 'C'} order`;
}

export function npzPythonSnippet(archivePath: string, memberName: string, r: MemberReport): string {
  const path = pyReprStr(archivePath);
  const key = pyReprStr(npzKey(memberName));
  if (r.objectData) {
    return [
      'import numpy as np',
      '',
      '# Object array: the member is a pickle, which runs code when loaded. Only load it from a source you trust.',
      `with np.load(${path}, allow_pickle=True) as z:`,
      `    a = z[${key}]`,
      '',
    ].join('\n');
  }
  return [
    'import numpy as np',
    '',
    '# A .npz member is read into memory (np.load cannot memory-map members of an archive).',
    `with np.load(${path}) as z:`,
    `    a = z[${key}]  # ${describe(r)}`,
    '',
  ].join('\n');
}

function dimType(ndim: number): string { return ndim <= 6 ? `Ix${ndim}` : 'IxDyn'; }

export function npzRustSnippet(archivePath: string, memberName: string, r: MemberReport): string {
  const elem = r.objectData ? undefined : rustElementType(r.descr);
  const dim = dimType(r.shape.length);
  const head = [
    '// Cargo.toml: ndarray = "0.16", ndarray-npy = "0.9" (its default features read stored and compressed .npz)',
    `use ndarray::{Array, ${dim}};`,
    'use ndarray_npy::NpzReader;',
    ...(elem?.startsWith('Complex') ? ['use num_complex::Complex;'] : []),
    'use std::fs::File;',
    '',
    'fn main() -> Result<(), Box<dyn std::error::Error>> {',
    `    let mut npz = NpzReader::new(File::open(${rustStr(archivePath)})?)?;`,
  ];
  const body = elem
    ? [`    let a: Array<${elem}, ${dim}> = npz.by_name(${rustStr(memberName)})?;`,
      `    // ${describe(r)}`,
      '    println!("{:?}", a.shape());']
    : r.objectData
      ? ['    // This member holds Python objects (a pickle): ndarray-npy cannot read object arrays at all.',
        `    let _ = npz.names()?; // ${rustStr(memberName)} is listed, but cannot be read from Rust`]
      : [`    // ${r.descr} is not an element type ndarray-npy reads (bool, integers, f32/f64 and complex in`,
        '    // little-endian order are); read this member with numpy instead.',
        `    // let a: Array<T, ${dim}> = npz.by_name(${rustStr(memberName)})?;`];
  return [...head, ...body, '    Ok(())', '}', ''].join('\n');
}
