// zeroedNpy.resize: one input box pre-filled with the current shape, a live line saying what accepting would do
// (planned read-only by the core on every keystroke), a modal before anything is cut, then the core's resize.
// Scripts: executeCommand('zeroedNpy.resize', { uri, shape, fit, force }) resolves to the resized file's report
// as JSON, or undefined when cancelled or refused (a refusal shows its one sentence). force: true cuts without
// asking, false refuses a cut, absent asks as the box does.
import * as vscode from 'vscode';
import { reportToJson } from '../core/file/inspect';
import { planResizeAt, ResizePlan, ResizeRequest, resizeNpy } from '../core/file/resize';
import { shapeRepr, shapeText } from '../core/format/shape';
import { formatBytes } from '../core/units';
import { displayName, inspectUri } from './fileAccess';
import { shapeArg } from './model/createArgs';
import { Json, toJsonForm } from './model/jsonForm';
import { errorSentence } from './model/reportView';
import { cutConfirmation, resizeLine } from './model/resizeText';
import { activeResource, pickNpy, uriFromArg } from './targetFolder';

const t = vscode.l10n.t;

/** Called after a resize so open previews show the new shape at once (not only when a watcher notices). */
export type AfterResize = (uri: vscode.Uri) => void;

/** force: true cuts without asking, false refuses any cut, absent asks (a modal) as the UI does. */
interface ScriptArgs { uri: vscode.Uri; shape?: string; fit: boolean; force?: boolean }

class UserError extends Error {}

export async function resizeCommand(arg: unknown, afterResize: AfterResize): Promise<Json | undefined> {
  try {
    if (arg !== undefined && arg !== null && !(arg instanceof vscode.Uri)) {
      const s = parseScriptArgs(arg);
      if (s.shape === undefined && !s.fit) return await interactive(s.uri, afterResize);
      return await apply(s.uri, s.shape !== undefined ? { shape: s.shape } : { fit: true }, s.force, afterResize);
    }
    const uri = arg instanceof vscode.Uri ? arg : await pickNpy(t('Resize'));
    if (!uri) return undefined;
    return await interactive(uri, afterResize);
  } catch (e) {
    void vscode.window.showErrorMessage(errorSentence(e));
    return undefined;
  }
}

function parseScriptArgs(arg: unknown): ScriptArgs {
  if (typeof arg !== 'object' || arg === null || Array.isArray(arg)) throw new UserError(t('zeroedNpy.resize takes a file Uri or an options object.'));
  const raw = arg as Record<string, unknown>;
  const uri = raw.uri === undefined ? activeResource() : raw.uri === '' ? undefined : uriFromArg(raw.uri);
  if (!uri) throw new UserError(t('The uri argument must be the .npy file to resize (a Uri or an absolute path).'));
  let shape: string | undefined;
  if (raw.shape !== undefined) {
    const s = shapeArg(raw.shape, t);
    if (!s.ok) throw new UserError(s.message);
    shape = s.shape;
  }
  for (const k of ['fit', 'force'] as const) {
    if (raw[k] !== undefined && typeof raw[k] !== 'boolean') throw new UserError(t('The {0} argument must be true or false.', k));
  }
  if (shape !== undefined && raw.fit === true) throw new UserError(t('Give a shape or fit, not both.'));
  return { uri, shape, fit: raw.fit === true, force: typeof raw.force === 'boolean' ? raw.force : undefined };
}

function localPath(uri: vscode.Uri): string {
  if (uri.scheme !== 'file') {
    throw new UserError(t('Resizing needs the file on a local or remote disk; {0} is on a "{1}:" file system.', uri.toString(true), uri.scheme));
  }
  return uri.fsPath;
}

/** The input box; resolves to the JSON report, or undefined when the user leaves it. */
async function interactive(uri: vscode.Uri, afterResize: AfterResize): Promise<Json | undefined> {
  const path = localPath(uri);
  const report = await inspectUri(uri);
  const name = displayName(uri);
  const current = shapeText(report.shape);
  const fitItem = report.status !== 'ok' && !report.objectData && report.growthAxis !== null;
  const box = vscode.window.createInputBox();
  box.title = t('Resize {0}', name);
  box.value = current;
  box.valueSelection = [0, current.length];
  box.prompt = t('New shape (now {0}): same element count to reshape, or change axis {1} to grow or shrink in place', current, report.growthAxis ?? 0);
  const fitButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('fold'), tooltip: t('Fit to the Data on Disk') };
  if (fitItem) box.buttons = [fitButton];

  let latest = 0;
  const plans = new Map<string, ResizePlan | Error>();
  const validate = async (value: string): Promise<void> => {
    const mine = ++latest;
    let r: ResizePlan | Error;
    try { r = await planResizeAt(path, { shape: value }); } catch (e) { r = e instanceof Error ? e : new Error(String(e)); }
    plans.set(value, r);
    if (mine !== latest) return;
    if (r instanceof Error) {
      box.validationMessage = { message: errorSentence(r), severity: vscode.InputBoxValidationSeverity.Error };
    } else {
      const line = resizeLine(r, t);
      box.validationMessage = { message: line.text, severity: line.cuts ? vscode.InputBoxValidationSeverity.Warning : vscode.InputBoxValidationSeverity.Info };
    }
  };

  const choice = await new Promise<{ kind: 'shape'; value: string } | { kind: 'fit' } | undefined>((resolve) => {
    const done = (v: { kind: 'shape'; value: string } | { kind: 'fit' } | undefined): void => { resolve(v); box.dispose(); };
    box.onDidChangeValue((v) => { void validate(v); });
    box.onDidTriggerButton((b) => { if (b === fitButton) done({ kind: 'fit' }); });
    box.onDidAccept(async () => {
      const value = box.value;
      if (!plans.has(value)) await validate(value);
      if (plans.get(value) instanceof Error) return; // the box already says why
      done({ kind: 'shape', value });
    });
    box.onDidHide(() => done(undefined));
    void validate(current);
    box.show();
  });
  if (!choice) return undefined;
  return apply(uri, choice.kind === 'fit' ? { fit: true } : { shape: choice.value }, undefined, afterResize);
}

/** Plans, asks before a cut (unless force says), resizes, and tells open previews. */
async function apply(uri: vscode.Uri, req: ResizeRequest, force: boolean | undefined, afterResize: AfterResize): Promise<Json | undefined> {
  const path = localPath(uri);
  const name = displayName(uri);
  let confirmed = force === true;
  // Only a question needs the plan first: with force given, the core cuts (true) or refuses the cut (false) itself.
  const plan = force === undefined ? await planResizeAt(path, req) : undefined;
  if (plan && plan.cutBytes > 0n) {
    const c = cutConfirmation(plan, name, t);
    const answer = await vscode.window.showWarningMessage(c.message, { modal: true, detail: c.detail }, c.keep, c.cut);
    if (answer !== c.cut) return undefined;
    // The file may have changed while the question was open: cut only what was agreed to.
    const again = await planResizeAt(path, req);
    if (again.cutBytes !== plan.cutBytes || again.newShape.join() !== plan.newShape.join()) {
      throw new UserError(t('{0} changed while you were deciding; nothing was changed. Resize it again to see what it would do now.', name));
    }
    confirmed = true;
  }
  // Without a confirmation (or force: false) the core refuses any cut in one sentence and writes nothing.
  const result = await resizeNpy({ path, ...req, force: confirmed });
  afterResize(uri);
  if (result.plan.kind !== 'unchanged' || result.plan.cutBytes > 0n) {
    const r = result.report;
    const disk = r.allocatedBytes === null ? '' : t(', {0} on disk', formatBytes(r.allocatedBytes));
    vscode.window.setStatusBarMessage(t('Resized {0}: now {1}, {2} logical{3}.', name, shapeRepr(r.shape), formatBytes(r.fileBytes), disk), 8000);
  }
  return toJsonForm(reportToJson(result.report));
}
