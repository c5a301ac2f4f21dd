// STUB — being implemented (format owner). Signatures are the contract.
import { Dtype, FormatVersion, ParsedHeader } from './types';

export const MAGIC: Uint8Array = new Uint8Array([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]);
/** Bytes needed to read the preamble of any version (magic 6 + version 2 + length 4). */
export const PREAMBLE_BYTES = 12;
/** Largest header we read; larger ones are refused with NpyError('header-too-large'). */
export const MAX_HEADER_BYTES = 16 * 1024 * 1024;

/** Header bytes (magic … final "\n") exactly as numpy >= 1.24 writes them. */
export function buildHeader(_dtype: Dtype, _shape: readonly bigint[], _fortranOrder: boolean): Uint8Array { throw new Error('not implemented'); }
export interface Preamble { version: FormatVersion; headerLength: number; dataOffset: number }
/** Reads magic, version and length from the first bytes (may be fewer than PREAMBLE_BYTES if the file is tiny). Throws 'not-npy', 'bad-version', 'header-too-large'. */
export function readPreamble(_bytes: Uint8Array): Preamble { throw new Error('not implemented'); }
/** Parses a whole header; bytes must hold at least preamble.dataOffset bytes. Throws NpyError with the reason. */
export function parseHeader(_bytes: Uint8Array): ParsedHeader { throw new Error('not implemented'); }
