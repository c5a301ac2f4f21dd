// The options object `zeroedNpy.create` accepts from scripts and tests, checked before any UI appears.
import { AllocateMode, Order } from '../../core/types';
import { Translate } from './translate';

export interface CreateArgs {
  /** Absolute path, or a Uri-like object (checked by the host). */
  folder?: unknown;
  dtype?: string;
  /** Shape text ("2, 3", "(2, 3)", "2x3", "()") or dims. */
  shape?: string;
  order?: Order;
  name?: string;
  overwrite?: boolean;
  allocate?: AllocateMode;
}

export type ParsedArgs = { ok: true; args: CreateArgs } | { ok: false; message: string };

function isObject(v: unknown): v is Record<string, unknown> { return typeof v === 'object' && v !== null; }

/** Validates the types of given values; the core validates their content later. */
export function parseCreateArgs(raw: Record<string, unknown>, t: Translate): ParsedArgs {
  const args: CreateArgs = {};
  if (raw.folder !== undefined && raw.folder !== null) args.folder = raw.folder;
  if (raw.dtype !== undefined) {
    if (typeof raw.dtype !== 'string') return { ok: false, message: t('The dtype argument must be a string such as "<f8".') };
    args.dtype = raw.dtype;
  }
  if (raw.shape !== undefined) {
    const shape = shapeArg(raw.shape, t);
    if (!shape.ok) return shape;
    args.shape = shape.shape;
  }
  if (raw.order !== undefined) {
    const o = typeof raw.order === 'string' ? raw.order.trim().toUpperCase() : '';
    if (o === 'C') args.order = 'C';
    else if (o === 'F' || o === 'FORTRAN') args.order = 'F';
    else return { ok: false, message: t('The order argument must be "C" or "F".') };
  }
  if (raw.name !== undefined) {
    if (typeof raw.name !== 'string') return { ok: false, message: t('The name argument must be a string.') };
    args.name = raw.name;
  }
  if (raw.overwrite !== undefined) {
    if (typeof raw.overwrite !== 'boolean') return { ok: false, message: t('The overwrite argument must be true or false.') };
    args.overwrite = raw.overwrite;
  }
  if (raw.allocate !== undefined) {
    if (raw.allocate !== 'sparse' && raw.allocate !== 'full') return { ok: false, message: t('The allocate argument must be "sparse" or "full".') };
    args.allocate = raw.allocate;
  }
  return { ok: true, args };
}

/** A shape given by a script (zeroedNpy.create and zeroedNpy.resize): text as typed, or an array of whole numbers. */
export function shapeArg(value: unknown, t: Translate): { ok: true; shape: string } | { ok: false; message: string } {
  if (typeof value === 'string') return { ok: true, shape: value };
  if (Array.isArray(value) && value.every((d) => (typeof d === 'number' && Number.isSafeInteger(d)) || typeof d === 'bigint' || (typeof d === 'string' && /^\d+$/.test(d)))) {
    return { ok: true, shape: value.length === 0 ? '()' : value.map(String).join(', ') };
  }
  return { ok: false, message: t('The shape argument must be a string such as "1024, 2048" or an array of whole numbers.') };
}

/** A vscode.Uri (or its JSON form) has scheme and path strings. */
export function isUriLike(v: unknown): v is { scheme: string; path: string; fsPath?: string } {
  return isObject(v) && typeof v.scheme === 'string' && typeof v.path === 'string';
}
