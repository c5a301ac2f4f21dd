// STUB — being implemented (format owner). Signatures are the contract.
/** "1024,2048,4096", "(1024, 2048, 4096)", "1024x2048x4096", "()" or "" (scalar), "5" or "(5,)". Throws NpyError('bad-shape'). */
export function parseShape(_text: string): bigint[] { throw new Error('not implemented'); }
/** prod(shape); 1 for (). */
export function elementCount(_shape: readonly bigint[]): bigint { throw new Error('not implemented'); }
/** Python tuple repr: "()", "(5,)", "(3, 4)". */
export function shapeRepr(_shape: readonly bigint[]): string { throw new Error('not implemented'); }
