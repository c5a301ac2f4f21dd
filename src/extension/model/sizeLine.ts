// The shape step's validation: parse through the core's planner and summarise what creating would cost.
import { isNpyError } from '../../core/errors';
import { shapeRepr } from '../../core/format/shape';
import { AllocateMode, Dtype, Order } from '../../core/types';
import { formatBytes, formatCount } from '../../core/units';
import { Plan, planZeroedNpy } from '../../core/file/writer';
import { Translate } from './translate';

export type Severity = 'info' | 'warning' | 'error';
export interface ShapeCheck { ok: boolean; severity: Severity; message: string; plan?: Plan }

/** A typical file-system block: a sparse file costs its header rounded up to whole blocks. */
export const DEFAULT_BLOCK_BYTES = 4096;

export interface SizeLineInput {
  plan: Plan; allocate: AllocateMode; t: Translate;
  /** Bytes free for the target folder (statfs), when known. */
  freeBytes?: bigint; blockBytes?: number;
}

/**
 * The dtype as a person reads it: numpy's name for numbers and dates ("float64", "datetime64[ns]", "int16
 * big-endian"), the typed spelling for strings and raw bytes ("S10", "U5", "V16": numpy's "bytes80" counts bits),
 * and the core's words for structs ("struct of 2 fields, 12 bytes").
 */
export function dtypeWords(d: Dtype, t: Translate): string {
  if (d.kind === 'struct') return d.description;
  if (d.kind === 'S' || d.kind === 'V') return `${d.kind}${d.itemsize}`;
  if (d.kind === 'U') return `U${d.itemsize / 4}`;
  return d.byteorder === '>' && d.itemsize > 1 ? t('{0} big-endian', d.name) : d.name;
}

/** "(10, 2, 3) float64": the shape numpy will report (a subarray dtype's shape folded in) and the dtype. */
export function arrayWords(plan: Plan, t: Translate): string {
  return `${shapeRepr(plan.shape)} ${dtypeWords(plan.dtype, t)}`;
}

/**
 * "(1024, 2048, 4096) float64 · 8,589,934,592 elements · 64 GiB · sparse: about 4 KiB on disk" (or the
 * full-allocation variant).
 */
export function sizeLine(input: SizeLineInput): { text: string; severity: Severity } {
  const { plan, t } = input;
  const count = plan.elementCount === 1n ? t('1 element') : t('{0} elements', formatCount(plan.elementCount));
  const head = `${arrayWords(plan, t)} · ${count} · ${formatBytes(plan.dataBytes)}`;
  if (input.allocate === 'sparse') {
    const block = BigInt(input.blockBytes ?? DEFAULT_BLOCK_BYTES);
    const headerBytes = BigInt(plan.header.length);
    const onDisk = ((headerBytes + block - 1n) / block) * block;
    return { text: `${head} · ${t('sparse: about {0} on disk', formatBytes(onDisk))}`, severity: 'info' };
  }
  const needs = formatBytes(plan.fileBytes);
  if (input.freeBytes === undefined) return { text: `${head} · ${t('full allocation: needs {0} free', needs)}`, severity: 'info' };
  const free = formatBytes(input.freeBytes);
  if (input.freeBytes < plan.fileBytes) {
    return { text: `${head} · ${t('full allocation: needs {0} free (only {1} free)', needs, free)}`, severity: 'warning' };
  }
  return { text: `${head} · ${t('full allocation: needs {0} free ({1} free)', needs, free)}`, severity: 'info' };
}

export interface ShapeCheckInput extends Omit<SizeLineInput, 'plan'> { dtype: string; text: string; order: Order }

/** Validates shape text as the user types; ok=false blocks accepting the step. */
export function checkShape(input: ShapeCheckInput): ShapeCheck {
  const { t } = input;
  if (input.text.trim() === '') {
    return { ok: false, severity: 'info', message: t('Enter a shape such as 1024, 2048, 4096 (or () for a single value).') };
  }
  let plan: Plan;
  try {
    plan = planZeroedNpy({ dtype: input.dtype, shape: input.text, order: input.order });
  } catch (e) {
    return { ok: false, severity: 'error', message: isNpyError(e) ? e.message : String(e) };
  }
  const line = sizeLine({ ...input, plan });
  return { ok: true, severity: line.severity, message: line.text, plan };
}

export interface SummaryInput { plan: Plan; order: Order; allocate: AllocateMode; folder: string; t: Translate }

/** The last step's line: everything that will be created, before the file name is confirmed. */
export function createSummary(s: SummaryInput): string {
  const { plan, t } = s;
  const order = s.order === 'F' ? t('Fortran order') : t('C order');
  const how = s.allocate === 'sparse' ? t('sparse') : t('fully allocated');
  return t('Creates {0}, {1}, {2} ({3}) in {4}.', arrayWords(plan, t), order, formatBytes(plan.fileBytes), how, s.folder);
}
