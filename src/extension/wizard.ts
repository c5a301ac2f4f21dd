// The "Create Zeroed .npy" wizard: dtype → shape → order → file name, skipping whatever the caller gave.
import * as os from 'node:os';
import * as path from 'node:path';
import { existsSync, statSync } from 'node:fs';
import * as vscode from 'vscode';
import { NpyError } from '../core/errors';
import { AllocateMode, Order } from '../core/types';
import { planZeroedNpy } from '../core/file/writer';
import { DtypeItem, acceptedDtype, dtypeItems, dtypeStepView, resolveDtype } from './model/dtypeItems';
import { nameHint, nameProblem, nameWarning, suggestName, uniqueName } from './model/fileName';
import { replaceConfirmation } from './model/replaceConfirmation';
import { Severity, checkShape, createSummary } from './model/sizeLine';
import { Outcome, Step, StepContext, canShowPickMessage, input, pick, runSteps } from './multiStepInput';
import { checkLocalFolder } from './targetFolder';

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
  /** Free space and block size of another folder, after Change Folder (the size line uses them). */
  spaceOf?: (folder: vscode.Uri) => Promise<{ freeBytes?: bigint; blockBytes?: number }>;
}

export interface WizardResult { dtype: string; shape: string; order: Order; path: string; overwrite: boolean }

const t = vscode.l10n.t;

type DtypePickItem = vscode.QuickPickItem & { model: DtypeItem };

/** `whole`: the refusal's sentence has its own line under the box; else (VS Code before 1.101) the row carries it. */
function toPickItem(d: DtypeItem, whole: boolean): DtypePickItem {
  if (d.kind === 'separator') return { label: d.label, kind: vscode.QuickPickItemKind.Separator, model: d };
  if (d.kind === 'invalid') {
    return whole ? { label: `$(error) ${d.label}`, description: d.description, alwaysShow: true, model: d }
      : { label: `$(error) ${d.reason ?? d.label}`, alwaysShow: true, model: d };
  }
  return { label: d.label, description: d.description, detail: d.detail, alwaysShow: d.alwaysShow, model: d };
}

function toValidation(message: string, severity: Severity): vscode.InputBoxValidationMessage {
  const s = severity === 'error' ? vscode.InputBoxValidationSeverity.Error
    : severity === 'warning' ? vscode.InputBoxValidationSeverity.Warning : vscode.InputBoxValidationSeverity.Info;
  return { message, severity: s };
}

function keyOf(text: string): string | undefined { try { return resolveDtype(text).key; } catch { return undefined; } }

function sizeOf(file: string): bigint | undefined {
  try { return statSync(file, { bigint: true }).size; } catch { return undefined; }
}

/** Asks before replacing, as a modal whose first (default) answer keeps the file; true only for Replace. */
export async function confirmReplace(file: string): Promise<boolean> {
  const c = replaceConfirmation(path.basename(file), sizeOf(file), t);
  const answer = await vscode.window.showWarningMessage(c.message, { modal: true, detail: c.detail }, c.keep, c.replace);
  return answer === c.replace;
}

/** The folder the file goes to; Change Folder in the name step replaces it. */
interface Target { folder: vscode.Uri | undefined; freeBytes?: bigint; blockBytes?: number }

export async function runWizard(w: WizardInput): Promise<WizardResult | undefined> {
  const state: WizardValues = { ...w.given };
  const order = (): Order => state.order ?? w.initial.order ?? w.defaultOrder;
  const target: Target = { folder: w.folder, freeBytes: w.freeBytes, blockBytes: w.blockBytes };
  const steps: Step[] = [];

  if (w.given.dtype === undefined) steps.push(async (ctx) => dtypeStep(ctx, w, state));
  if (w.given.shape === undefined) steps.push(async (ctx) => shapeStep(ctx, w, state, order(), target));
  if (w.given.order === undefined) steps.push(async (ctx) => orderStep(ctx, w, state));
  if (w.given.name === undefined && w.folder) steps.push(async (ctx) => nameStep(ctx, w, state, order(), target));

  const title = (): string => target.folder
    ? t('Create Zeroed .npy in {0}', path.basename(target.folder.fsPath) || target.folder.fsPath) : t('Create Zeroed .npy');
  if (!(await runSteps(title, steps))) return undefined;
  const dtype = state.dtype as string;
  const shape = state.shape as string;

  if (!target.folder) {
    // No folder open: the save dialog picks folder and name, and asks itself before replacing a file.
    const plan = planZeroedNpy({ dtype, shape, order: order() });
    const uri = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.file(path.join(os.homedir(), state.name ?? suggestName(plan.dtype, plan.shape))),
      filters: { [t('NumPy arrays')]: ['npy'] }, saveLabel: t('Create'), title: title(),
    });
    if (!uri) return undefined;
    if (uri.scheme !== 'file') {
      throw new Error(t('Creating .npy files needs a folder on a local or remote disk; {0} is on a "{1}:" file system.', uri.toString(true), uri.scheme));
    }
    return { dtype, shape, order: order(), path: uri.fsPath, overwrite: true };
  }

  const name = state.name as string;
  const file = path.join((target.folder as vscode.Uri).fsPath, name);
  let overwrite = state.overwrite;
  if (overwrite === false && existsSync(file)) {
    throw new NpyError('exists', t('{0} already exists and was not replaced, because overwrite is false.', name));
  }
  if (overwrite === undefined) {
    overwrite = false;
    if (existsSync(file)) {
      if (!(await confirmReplace(file))) return undefined;
      overwrite = true;
    }
  }
  return { dtype, shape, order: order(), path: file, overwrite };
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
  const whole = canShowPickMessage();
  const pickItems = items.map((i) => toPickItem(i, whole));
  const active = pickItems.find((i) => i.model.kind === 'dtype' && currentKey !== undefined && i.model.key === currentKey)
    ?? pickItems.find((i) => i.model.picked);
  const r: Outcome<DtypePickItem> = await pick<DtypePickItem>(ctx, {
    placeholder: t('dtype: pick one or type any numpy dtype, e.g. >i2, S10, [(\'x\', \'<f4\'), (\'y\', \'<i4\')]'),
    items: pickItems, activeItem: active, matchOnDescription: true,
    onValue: (typed) => {
      const view = dtypeStepView({ ...base, typed, initial });
      const next = view.items.map((i) => toPickItem(i, whole));
      return { items: next, active: next.find((i) => i.model === view.active), message: view.message };
    },
    // What was typed wins over the row the quick pick's fuzzy filter happens to focus.
    accept: (item, typed) => {
      const chosen = acceptedDtype(typed, item?.model);
      if (!chosen) return undefined;
      return chosen === item?.model ? item : toPickItem(chosen, whole);
    },
  });
  if (r.kind !== 'accept') return r.kind === 'button' ? 'cancel' : r.kind;
  state.dtype = r.value.model.value;
  return 'next';
}

async function shapeStep(ctx: StepContext, w: WizardInput, state: WizardValues, order: Order, target: Target): Promise<'next' | 'cancel' | 'back'> {
  const dtype = state.dtype as string;
  const r = await input(ctx, {
    value: state.shape ?? w.initial.shape ?? '',
    prompt: t('Shape of the {0} array: sizes separated by commas or x, e.g. 1024, 2048, 4096 or 1024x2048x4096; () for a single value', dtype),
    placeholder: '1024, 2048, 4096',
    validate: (text) => {
      const c = checkShape({ dtype, text, order, allocate: w.allocate, freeBytes: target.freeBytes, blockBytes: target.blockBytes, t });
      return { ok: c.ok, message: toValidation(c.message, c.severity) };
    },
  });
  if (r.kind === 'back') state.shape = r.draft;
  if (r.kind !== 'accept') return r.kind === 'button' ? 'cancel' : r.kind;
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
  if (r.kind !== 'accept') return r.kind === 'button' ? 'cancel' : r.kind;
  state.order = r.value.order;
  return 'next';
}

const CHANGE_FOLDER = 'changeFolder';

async function nameStep(ctx: StepContext, w: WizardInput, state: WizardValues, order: Order, target: Target): Promise<'next' | 'cancel' | 'back' | 'repeat'> {
  const folder = (target.folder as vscode.Uri).fsPath;
  const exists = (n: string) => existsSync(path.join(folder, n));
  const plan = planZeroedNpy({ dtype: state.dtype as string, shape: state.shape as string, order });
  const value = state.name ?? uniqueName(suggestName(plan.dtype, plan.shape), exists);
  const stem = value.toLowerCase().endsWith('.npy') ? value.length - 4 : value.length;
  const warn = (message: string) => toValidation(message, 'warning');
  const r = await input(ctx, {
    value, valueSelection: [0, stem],
    // What will be created, shown until the name needs a word of its own.
    prompt: createSummary({ plan, order, allocate: w.allocate, folder, t }),
    buttons: [{ id: CHANGE_FOLDER, button: { iconPath: new vscode.ThemeIcon('folder-opened'), tooltip: t('Change Folder…') } }],
    validate: (name) => {
      const problem = nameProblem(name, t);
      if (problem) return { ok: false, message: toValidation(problem, 'error') };
      const there = exists(name);
      if (there && w.given.overwrite === false) {
        return { ok: false, message: toValidation(t('{0} already exists, and overwrite is false.', name), 'error') };
      }
      const warning = nameWarning(name, t);
      if (warning) {
        return { ok: true, message: warn(t('{0} Press Enter twice to keep it.', warning)),
          confirm: warn(t('{0} Press Enter again to create it with this name.', warning)) };
      }
      const hint = nameHint(name, there, t);
      return { ok: true, message: hint ? warn(hint) : undefined };
    },
  });
  if (r.kind === 'button') {
    state.name = r.draft;
    await changeFolder(w, target);
    return 'repeat';
  }
  if (r.kind !== 'accept') return r.kind;
  state.name = r.value;
  if (w.given.overwrite === undefined) {
    state.overwrite = undefined;
    if (exists(r.value)) {
      if (!(await confirmReplace(path.join(folder, r.value)))) return 'repeat';
      state.overwrite = true;
    }
  }
  return 'next';
}

/** Change Folder…: an open dialog for folders; a folder that cannot hold the file is explained, the old one kept. */
async function changeFolder(w: WizardInput, target: Target): Promise<void> {
  const picked = await vscode.window.showOpenDialog({
    canSelectFiles: false, canSelectFolders: true, canSelectMany: false, defaultUri: target.folder,
    openLabel: t('Create Here'), title: t('Folder for the new .npy file'),
  });
  const uri = picked?.[0];
  if (!uri) return;
  const problem = await checkLocalFolder(uri);
  if (problem) { void vscode.window.showErrorMessage(problem); return; }
  target.folder = uri;
  const space = w.spaceOf ? await w.spaceOf(uri) : {};
  target.freeBytes = space.freeBytes;
  target.blockBytes = space.blockBytes;
}
