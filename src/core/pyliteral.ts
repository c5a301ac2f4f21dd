// STUB — being implemented (format owner). Signatures are the contract.
import { PyValue } from './types';

export interface LiteralLimits { maxLength?: number; maxDepth?: number }
/** Parses the Python-literal subset of .npy headers. Throws NpyError('bad-literal'). Never evaluates. */
export function parsePyLiteral(_text: string, _limits?: LiteralLimits): PyValue { throw new Error('not implemented'); }
/** Python's repr() of a str: quote choice and escapes as CPython does. */
export function pyReprStr(_s: string): string { throw new Error('not implemented'); }
/** Python's repr() of a value ("(5,)" for a 1-tuple, "True", "[('x', '<f4')]"). */
export function pyRepr(_v: PyValue): string { throw new Error('not implemented'); }
