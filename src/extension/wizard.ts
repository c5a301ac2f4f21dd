// The "Create Zeroed .npy" wizard: dtype → shape → order → file name, skipping whatever the caller gave.
import * as os from 'node:os';
import * as path from 'node:path';
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { NpyError } from '../core/errors';
import { AllocateMode, Order } from '../core/types';
import { planZeroedNpy } from '../core/file/writer';
import { DtypeItem, dtypeItems, resolveDtype } from './model/dtypeItems';
import { nameHint, nameProblem, suggestName, uniqueName } from './model/fileName';
import { Severity, checkShape } from './model/sizeLine';
import { Outcome, Step, StepContext, input, pick, runSteps } from './multiStepInput';

export interface WizardValues { dtype?: string; shape?: string; order?: Order; name?: string; overwrite?: boolean }

export interface WizardInput {
  /** Target folder; undefined means "no folder open": a save dialog replaces the name step. */
  folder: vscode.Uri | undefined;
  /** Values that skip their steps. */
  given: WizardValues;
  /** Values that pre-fill their steps (Create Like This). */
  initial: { dtype?: string; shape?: string; order?: Order; source?: string };
  defaultDtype: string;
  defaultOrder: Order;
  allocate: AllocateMode;
  mru: readonly string[];
  freeBytes?: bigint;
  blockBytes?: number;
}

export interface WizardResult { dtype: string; shape: string; order: Order; path: string; overwrite: boolean }

const t = vscode.l10n.t;

type DtypePickItem = vscode.QuickPickItem & { model: DtypeItem };

function toPickItem(d: DtypeItem): DtypePickItem {
  if (d.kind === 'separator') return { label: d.label, kind: vscode.QuickPickItemKind.Separator, model: d };
  return { label: d.kind === 'invalid' ? `$(error) ${d.label}` : d.label, description: d.description, detail: d.detail,
    alwaysShow: d.alwaysShow, model: d };
}

function toValidation(message: string, severity: Severity): vscode.InputBoxValidationMessage {
  const s = severity === 'error' ? vscode.InputBoxValidationSeverity.Error
    : severity === 'warning' ? vscode.InputBoxValidationSeverity.Warning : vscode.InputBoxValidationSeverity.Info;
  return { message, severity: s };
}

function keyOf(text: string): string | undefined { try { return resolveDtype(text).key; } catch { return undefined; } }

/** Asks "Replace?" as a modal; true only when the user chose Replace. */
export async function confirmReplace(name: string): Promise<boolean> {
  const replace = t('Replace');
  const answer = await vscode.window.showWarningMessage(t('{0} already exists. Replace it?', name),
    { modal: true, detail: t('The old file is replaced only once the new one is complete.') }, replace);
  return answer === replace;
}

export async function runWizard(w: WizardInput): Promise<WizardResult | undefined> {
  const state: WizardValues = { ...w.given };
  const order = (): Order => state.order ?? w.initial.order ?? w.defaultOrder;
  const steps: Step[] = [];

  if (w.given.dtype === undefined) steps.push(async (ctx) => dtypeStep(ctx, w, state));
  if (w.given.shape === undefined) steps.push(async (ctx) => shapeStep(ctx, w, state, order()));
  if (w.given.order === undefined) steps.push(async (ctx) => orderStep(ctx, w, state));
  if (w.given.name === undefined && w.folder) steps.push(async (ctx) => nameStep(ctx, w, state, order()));

  const title = w.folder ? t('Create Zeroed .npy in {0}', path.basename(w.folder.fsPath) || w.folder.fsPath) : t('Create Zeroed .npy');
  if (!(await runSteps(title, steps))) return undefined;
  const dtype = state.dtype as string;
  const shape = state.shape as string;

  if (!w.folder) {
    // No folder open: the save dialog picks folder and name, and asks itself before replacing a file.
    const plan = planZeroedNpy({ dtype, shape, order: order() });
    const uri = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.file(path.join(os.homedir(), state.name ?? suggestName(plan.dtype, plan.shape))),
      filters: { [t('NumPy arrays')]: ['npy'] }, saveLabel: t('Create'), title,
    });
    if (!uri) return undefined;
    if (uri.scheme !== 'file') {
      throw new Error(t('Creating .npy files needs a folder on a local or remote disk; {0} is on a "{1}:" file system.', uri.toString(true), uri.scheme));
    }
    return { dtype, shape, order: order(), path: uri.fsPath, overwrite: true };
  }

  const name = state.name as string;
  const target = path.join(w.folder.fsPath, name);
  let overwrite = state.overwrite;
  if (overwrite === false && existsSync(target)) {
    throw new NpyError('exists', t('{0} already exists and was not replaced, because overwrite is false.', name));
  }
  if (overwrite === undefined) {
    overwrite = false;
    if (existsSync(target)) {
      if (!(await confirmReplace(name))) return undefined;
      overwrite = true;
    }
  }
  return { dtype, shape, order: order(), path: target, overwrite };
}

async function dtypeStep(ctx: StepContext, w: WizardInput, state: WizardValues): Promise<'next' | 'cancel' | 'back'> {
  const base = { mru: w.mru, defaultDtype: w.defaultDtype, t };
  const current = state.dtype ?? w.initial.dtype;
  const currentKey = current !== undefined ? keyOf(current) : undefined;
  // Coming back to this step (or Create Like): select the current dtype, adding it on top if it is not listed.
  let initial: { value: string; source: string } | undefined;
  let items = dtypeItems({ ...base, typed: '' });
  if (current !== undefined && currentKey !== undefined && (w.initial.dtype === current || !items.some((i) => i.key === currentKey))) {
    initial = { value: current, source: w.initial.dtype === current && w.initial.source ? w.initial.source : t('current choice') };
    items = dtypeItems({ ...base, typed: '', initial });
  }
  const pickItems = items.map(toPickItem);
  const active = pickItems.find((i) => i.model.kind === 'dtype' && currentKey !== undefined && i.model.key === currentKey)
    ?? pickItems.find((i) => i.model.picked);
  const r: Outcome<DtypePickItem> = await pick<DtypePickItem>(ctx, {
    placeholder: t('dtype: pick one or type any numpy dtype, e.g. >i2, S10, [(\'x\', \'<f4\'), (\'y\', \'<i4\')]'),
    items: pickItems, activeItem: active, matchOnDescription: true,
    onValue: (typed) => {
      const next = dtypeItems({ ...base, typed, initial }).map(toPickItem);
      const first = next[0];
      return { items: next, active: first && first.model.alwaysShow ? first : undefined };
    },
    canAccept: (item) => item.model.kind === 'dtype',
  });
  if (r.kind !== 'accept') return r.kind;
  state.dtype = r.value.model.value;
  return 'next';
}

async function shapeStep(ctx: StepContext, w: WizardInput, state: WizardValues, order: Order): Promise<'next' | 'cancel' | 'back'> {
  const dtype = state.dtype as string;
  const r = await input(ctx, {
    value: state.shape ?? w.initial.shape ?? '',
    prompt: t('Shape of the {0} array: sizes separated by commas or x, e.g. 1024, 2048, 4096 or 1024x2048x4096; () for a single value', dtype),
    placeholder: '1024, 2048, 4096',
    validate: (text) => {
      const c = checkShape({ dtype, text, order, allocate: w.allocate, freeBytes: w.freeBytes, blockBytes: w.blockBytes, t });
      return { ok: c.ok, message: toValidation(c.message, c.severity) };
    },
  });
  if (r.kind === 'back') state.shape = r.draft;
  if (r.kind !== 'accept') return r.kind;
  state.shape = r.value;
  return 'next';
}

type OrderItem = vscode.QuickPickItem & { order: Order };

async function orderStep(ctx: StepContext, w: WizardInput, state: WizardValues): Promise<'next' | 'cancel' | 'back'> {
  const items: OrderItem[] = [
    { label: t('C order'), description: t('row-major: the last axis is contiguous (numpy\'s default)'), order: 'C' },
    { label: t('Fortran order'), description: t('column-major: the first axis is contiguous'), order: 'F' },
  ];
  const current = state.order ?? w.initial.order ?? w.defaultOrder;
  const r = await pick(ctx, { placeholder: t('Memory order of the array'), items, activeItem: items.find((i) => i.order === current) });
  if (r.kind !== 'accept') return r.kind;
  state.order = r.value.order;
  return 'next';
}

async function nameStep(ctx: StepContext, w: WizardInput, state: WizardValues, order: Order): Promise<'next' | 'cancel' | 'back' | 'repeat'> {
  const folder = (w.folder as vscode.Uri).fsPath;
  const exists = (n: string) => existsSync(path.join(folder, n));
  const plan = planZeroedNpy({ dtype: state.dtype as string, shape: state.shape as string, order });
  const value = state.name ?? uniqueName(suggestName(plan.dtype, plan.shape), exists);
  const stem = value.toLowerCase().endsWith('.npy') ? value.length - 4 : value.length;
  const r = await input(ctx, {
    value, valueSelection: [0, stem],
    prompt: t('File name in {0}', folder),
    validate: (name) => {
      const problem = nameProblem(name, t);
      if (problem) return { ok: false, message: toValidation(problem, 'error') };
      const there = exists(name);
      if (there && w.given.overwrite === false) {
        return { ok: false, message: toValidation(t('{0} already exists, and overwrite is false.', name), 'error') };
      }
      const hint = nameHint(name, there, t);
      return { ok: true, message: hint ? toValidation(hint, 'warning') : undefined };
    },
  });
  if (r.kind !== 'accept') return r.kind;
  state.name = r.value;
  if (w.given.overwrite === undefined) {
    state.overwrite = undefined;
    if (exists(r.value)) {
      if (!(await confirmReplace(r.value))) return 'repeat';
      state.overwrite = true;
    }
  }
  return 'next';
}
