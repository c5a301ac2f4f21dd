// STUB — being implemented (format owner). Signatures are the contract.
import { Dtype, PyValue } from './types';

/** A dtype with any top-level subarray shape folded out (numpy appends it to the array's shape). */
export interface ParsedDtype { dtype: Dtype; subarrayShape: bigint[] }
/**
 * What a user types: "<f8", "f8", "float64", "double", ">i2", "?", "bool", "c16", "datetime64[ms]", "S10", "U5",
 * "V16", or a structured list literal "[('x', '<f4'), ('y', '<i4', (2,))]". Throws NpyError 'bad-dtype' or
 * 'object-dtype' (with the reason: the data would be a pickle).
 */
export function parseDtype(_input: string): ParsedDtype { throw new Error('not implemented'); }
/** The 'descr' value of a header. Object dtypes are allowed here (hasObject=true); invalid → NpyError('bad-header'). */
export function dtypeFromDescr(_descr: PyValue): ParsedDtype { throw new Error('not implemented'); }
