// STUB — being implemented (io owner). Signatures are the contract.
import { NpyReport } from './types';

/** Reads magic + header only (never the data) and fstat. Throws NpyError for unreadable/non-npy/invalid headers. */
export function inspectNpy(_path: string): Promise<NpyReport> { throw new Error('not implemented'); }
/** Same from bytes already read (non-file: schemes): prefix holds at least the header. */
export function inspectBytes(_prefix: Uint8Array, _fileBytes: bigint, _allocatedBytes: bigint | null, _path: string): NpyReport { throw new Error('not implemented'); }
/** JSON form: bigint → number when ≤ 2^53−1, else decimal string. */
export type NpyReportJson = { [K in keyof NpyReport]: NpyReport[K] extends bigint ? number | string : NpyReport[K] extends bigint | null ? number | string | null : NpyReport[K] extends bigint[] ? Array<number | string> : NpyReport[K] };
export function reportToJson(_r: NpyReport): NpyReportJson { throw new Error('not implemented'); }
