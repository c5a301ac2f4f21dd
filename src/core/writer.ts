// STUB — being implemented (io owner). Signatures are the contract.
import { AllocateMode, Dtype, Order } from './types';

export interface PlanInput { dtype: string | Dtype; shape: string | readonly bigint[]; order?: Order }
export interface Plan {
  dtype: Dtype; shape: bigint[]; fortranOrder: boolean; header: Uint8Array;
  elementCount: bigint; dataBytes: bigint; fileBytes: bigint;
}
/** Validates and computes everything, no I/O. Throws NpyError (bad-dtype, object-dtype, bad-shape, too-large-numpy, too-large-node). */
export function planZeroedNpy(_input: PlanInput): Plan { throw new Error('not implemented'); }

export interface WriteOptions extends PlanInput {
  path: string; overwrite?: boolean; allocate?: AllocateMode;
  signal?: AbortSignal; onProgress?: (doneBytes: number, totalBytes: number) => void;
}
export interface WriteResult extends Plan {
  path: string; replaced: boolean; allocate: AllocateMode;
  /** fstat blocks × 512 after creating; null where the platform does not say. */
  allocatedBytes: bigint | null;
  /** allocatedBytes < fileBytes (holes exist). */
  sparse: boolean;
}
export function writeZeroedNpy(_opts: WriteOptions): Promise<WriteResult> { throw new Error('not implemented'); }
