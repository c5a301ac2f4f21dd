// The dtype step's list: recently used first, then common types, plus whatever the user typed when numpy
// would accept it (or one item saying why not). No vscode import: the host maps these to QuickPickItems.
import { parseDtype } from '../../core/format/dtype';
import { parseSpelling } from '../../core/format/dtypeSpelling';
import { isNpyError } from '../../core/errors';
import { formatBytes } from '../../core/units';
import { Translate } from './translate';

/** numpy names offered without typing; descr and itemsize come from the core's parser. */
export const COMMON_DTYPE_NAMES: readonly string[] = [
  'float64', 'float32', 'float16',
  'int8', 'int16', 'int32', 'int64',
  'uint8', 'uint16', 'uint32', 'uint64',
  'bool', 'complex64', 'complex128',
  'datetime64[ns]', 'timedelta64[ns]',
];

export const MRU_LIMIT = 5;

export interface DtypeItem {
  kind: 'dtype' | 'separator' | 'invalid';
  label: string;
  description?: string;
  detail?: string;
  /** Text handed to the writer (what numpy would accept); only for kind 'dtype'. */
  value?: string;
  /** Canonical form, used to de-duplicate and for the recently-used list. */
  key?: string;
  /** Keep visible whatever the filter text is (typed and invalid items). */
  alwaysShow?: boolean;
  /** Preselect this item. */
  picked?: boolean;
  /** kind 'invalid': the core's whole sentence, shown as the step's message (a list row would cut it). */
  reason?: string;
}

export interface Resolved { value: string; key: string; name: string; descr: string; itemsize: number; description: string; isStruct: boolean }

/** Parses user text; the canonical key is numpy's dtype.str unless a subarray shape makes the text itself the key. */
export function resolveDtype(text: string): Resolved {
  const value = text.trim();
  const { dtype, subarrayShape } = parseDtype(value);
  const isStruct = dtype.kind === 'struct';
  // A struct's dtype.str is only "|V12"; its list literal is what names it.
  const descr = isStruct ? dtype.descrRepr : dtype.str;
  const key = subarrayShape.length === 0 ? descr : value;
  return { value, key, name: dtype.name, descr, itemsize: dtype.itemsize, description: dtype.description, isStruct };
}

/** Returns the one-sentence reason text is not a dtype, or undefined when it is one. */
export function dtypeProblem(text: string): string | undefined {
  try { resolveDtype(text); return undefined; } catch (e) { return isNpyError(e) ? e.message : String(e); }
}

/** The recently-used list after using `key`: most recent first, no duplicates, at most MRU_LIMIT. */
export function updateMru(mru: readonly string[], key: string, limit = MRU_LIMIT): string[] {
  return [key, ...mru.filter((k) => k !== key)].slice(0, limit);
}

function sizeText(itemsize: number): string { return formatBytes(itemsize); }

function itemFor(r: Resolved, label?: string): DtypeItem {
  // Plain types read "float64  <f8 · 8 B"; structs show their field list as the label is the literal.
  return {
    kind: 'dtype', label: label ?? (r.isStruct ? r.value : r.name),
    description: `${r.isStruct ? r.name : r.descr} · ${sizeText(r.itemsize)}`,
    detail: r.isStruct ? r.description : undefined,
    // Plain types are handed on canonically ("<f8"); a subarray dtype keeps the user's text.
    value: r.key === r.descr ? r.descr : r.value, key: r.key,
  };
}

function tryResolve(text: string): Resolved | undefined {
  try { return resolveDtype(text); } catch { return undefined; }
}

export interface DtypeItemsInput {
  /** Canonical keys, most recent first. */
  mru: readonly string[];
  /** zeroedNpy.defaultDtype; preselected when nothing was used yet. */
  defaultDtype: string;
  /** What the user has typed into the filter box. */
  typed: string;
  /** Pre-filled value ("Create Zeroed .npy Like This…"): shown first and preselected. */
  initial?: { value: string; source: string };
  t: Translate;
}

export function dtypeItems(input: DtypeItemsInput): DtypeItem[] {
  const { t } = input;
  const seen = new Set<string>();
  const head: DtypeItem[] = [];
  const recent: DtypeItem[] = [];
  const common: DtypeItem[] = [];

  if (input.initial) {
    const r = tryResolve(input.initial.value);
    if (r) {
      head.push({ ...itemFor(r), description: `${itemFor(r).description} · ${t('from {0}', input.initial.source)}`, picked: true });
      seen.add(r.key);
    }
  }
  for (const key of input.mru) {
    const r = tryResolve(key);
    if (r && !seen.has(r.key)) { recent.push(itemFor(r)); seen.add(r.key); }
  }
  if (!input.initial && recent.length === 0) {
    const r = tryResolve(input.defaultDtype);
    if (r) { head.push({ ...itemFor(r), description: `${itemFor(r).description} · ${t('default')}`, picked: true }); seen.add(r.key); }
  }
  for (const name of COMMON_DTYPE_NAMES) {
    const r = tryResolve(name);
    if (r && !seen.has(r.key)) { common.push(itemFor(r)); seen.add(r.key); }
  }
  if (!input.initial && recent.length > 0) recent[0] = { ...recent[0], picked: true };

  const items: DtypeItem[] = [...head];
  if (recent.length) items.push({ kind: 'separator', label: t('recently used') }, ...recent);
  if (common.length) items.push({ kind: 'separator', label: t('common types') }, ...common);

  const typed = input.typed.trim();
  if (typed !== '') {
    const listed = items.some((i) => i.kind === 'dtype' && (i.label === typed || i.value === typed));
    if (!listed) {
      try {
        const r = resolveDtype(typed);
        items.unshift({ ...typedItem(r), alwaysShow: true });
      } catch (e) {
        // "flo" is a fine start of "float64", so the list stays acceptable; anything else is explained and
        // can never be taken as a different dtype ("S" is not datetime64[ns], "U" is not uint8).
        if (isFinal(typed, e) || !items.some((i) => startsLike(i, typed))) {
          const reason = isNpyError(e) ? e.message : String(e);
          items.unshift({ kind: 'invalid', label: typed, description: t('cannot be created as typed'), reason, alwaysShow: true });
        }
      }
    }
  }
  return items;
}

function typedItem(r: Resolved): DtypeItem {
  return { ...itemFor(r, r.value), description: `${r.isStruct ? r.name : `${r.descr} (${r.name})`} · ${sizeText(r.itemsize)}`,
    detail: r.isStruct ? r.description : undefined, value: r.value };
}

/** A listed dtype whose name continues what was typed ("flo" → float64): a completion, not a fuzzy match. */
function startsLike(item: DtypeItem, typed: string): boolean {
  return item.kind === 'dtype' && item.label.startsWith(typed);
}

/**
 * Text numpy reads as a dtype that cannot be zero-filled ("S", "U0", "str", "V" have 0 bytes; "O" is a pickle), and
 * typed struct literals: what the user meant is clear, so no completion may stand in for it.
 */
function isFinal(typed: string, e: unknown): boolean {
  if (isNpyError(e) && e.code === 'object-dtype') return true;
  if (/^[[(]/.test(typed)) return true;
  try { parseSpelling(typed); return true; } catch { return false; }
}

/** The step's view for what is typed: the items, the one to focus, and the whole sentence when it is refused. */
export function dtypeStepView(input: DtypeItemsInput): { items: DtypeItem[]; active?: DtypeItem; message?: string } {
  const items = dtypeItems(input);
  const typed = input.typed.trim();
  const first = items[0];
  if (typed !== '' && first?.alwaysShow) return { items, active: first, message: first.kind === 'invalid' ? first.reason : undefined };
  // Focus the completion ourselves: the quick pick's own filter may rank a fuzzy match first.
  const completion = typed !== '' ? items.find((i) => startsLike(i, typed)) : undefined;
  return { items, active: completion };
}

/**
 * What Enter (or a click) creates, given the text in the box and the item the quick pick reports: text that spells
 * a dtype wins unless the item is that dtype or a completion of the text; text that is refused accepts only a
 * completion, and never for final refusals. Decided from the text, so an item focused before the list caught up
 * with the last keystroke cannot slip through. undefined: stay on the step.
 */
export function acceptedDtype(typedText: string, item: DtypeItem | undefined): DtypeItem | undefined {
  const typed = typedText.trim();
  const chosen = item?.kind === 'dtype' ? item : undefined;
  if (typed === '') return chosen;
  let r: Resolved;
  try {
    r = resolveDtype(typed);
  } catch (e) {
    return chosen && !isFinal(typed, e) && startsLike(chosen, typed) ? chosen : undefined;
  }
  if (chosen && (chosen.key === r.key || startsLike(chosen, typed))) return chosen;
  return typedItem(r);
}
