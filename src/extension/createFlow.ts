// zeroedNpy.create and zeroedNpy.createLike: check the given values, pick the folder, run the wizard for
// what is missing, write, and resolve to the WriteResult in JSON form (undefined when cancelled or failed,
// with exactly one error message for a failure).
import * as path from 'node:path';
import { promises as fsp } from 'node:fs';
import * as vscode from 'vscode';
import { isNpyError } from '../core/errors';
import { parseShape, shapeText } from '../core/format/shape';
import { AllocateMode, Order } from '../core/types';
import { planZeroedNpy } from '../core/file/writer';
import { afterCreate, writeWithProgress } from './createFile';
import { DtypeMru } from './dtypeMru';
import { displayName, inspectUri } from './fileAccess';
import { CreateArgs, parseCreateArgs } from './model/createArgs';
import { resolveDtype } from './model/dtypeItems';
import { nameProblem } from './model/fileName';
import { Json, toJsonForm } from './model/jsonForm';
import { errorSentence } from './model/reportView';
import { readSettings } from './settings';
import { checkLocalFolder, folderFromArg, pickNpy, resolveTarget } from './targetFolder';
import { WizardInput, runWizard } from './wizard';

const t = vscode.l10n.t;

interface Prefill { dtype?: string; shape?: string; order?: Order; source?: string }

/** Thrown for problems already phrased for the user; caught once at the command boundary. */
class UserError extends Error {}

export async function createCommand(mru: DtypeMru, arg: unknown): Promise<Json | undefined> {
  return guard(async () => {
    if (arg instanceof vscode.Uri) return create(mru, {}, arg, {});
    if (arg === undefined || arg === null) return create(mru, {}, undefined, {});
    if (typeof arg !== 'object' || Array.isArray(arg)) throw new UserError(t('zeroedNpy.create takes a folder Uri or an options object.'));
    const parsed = parseCreateArgs(arg as Record<string, unknown>, t);
    if (!parsed.ok) throw new UserError(parsed.message);
    let folder: vscode.Uri | undefined;
    if (parsed.args.folder !== undefined) {
      const f = folderFromArg(parsed.args.folder);
      if (typeof f === 'string') throw new UserError(f);
      folder = f;
    }
    return create(mru, parsed.args, folder, {});
  });
}

export async function createLikeCommand(mru: DtypeMru, arg: unknown): Promise<Json | undefined> {
  return guard(async () => {
    const uri = arg instanceof vscode.Uri ? arg : await pickNpy(t('Use as Template'));
    if (!uri) return undefined;
    const report = await inspectUri(uri);
    if (report.objectData) {
      throw new UserError(t('{0} holds Python objects (a pickle), which a zeroed file cannot hold.', report.fileName));
    }
    const prefill: Prefill = {
      dtype: report.descr,
      // "1024, 2048, 4096" reads better in the box than the tuple repr; () stays () for a scalar.
      shape: shapeText(report.shape),
      order: report.fortranOrder ? 'F' : 'C',
      source: displayName(uri),
    };
    const folder = uri.scheme === 'file' ? vscode.Uri.file(path.dirname(uri.fsPath)) : undefined;
    return create(mru, {}, folder, prefill);
  });
}

/** Runs a command body: one error message for any failure, undefined for failure or cancel. */
async function guard(body: () => Promise<Json | undefined>): Promise<Json | undefined> {
  try {
    return await body();
  } catch (e) {
    if (isNpyError(e) && e.code === 'cancelled') {
      void vscode.window.showInformationMessage(t('Creation cancelled; nothing was left behind.'));
      return undefined;
    }
    void vscode.window.showErrorMessage(errorSentence(e));
    return undefined;
  }
}

/** Checks given values up front so a script gets one clear sentence instead of a wizard that cannot finish. */
function checkGiven(a: CreateArgs): void {
  if (a.dtype !== undefined) resolveDtype(a.dtype);
  if (a.shape !== undefined) parseShape(a.shape);
  if (a.dtype !== undefined && a.shape !== undefined) planZeroedNpy({ dtype: a.dtype, shape: a.shape, order: a.order ?? 'C' });
  if (a.name !== undefined) {
    const problem = nameProblem(a.name, t, 'script');
    if (problem) throw new UserError(problem);
  }
}

async function freeSpace(folder: vscode.Uri | undefined): Promise<{ freeBytes?: bigint; blockBytes?: number }> {
  if (!folder) return {};
  try {
    const s = await fsp.statfs(folder.fsPath, { bigint: true });
    return { freeBytes: s.bavail * s.bsize, blockBytes: Number(s.bsize) };
  } catch {
    return {}; // the size line then omits "(N free)"
  }
}

async function create(mru: DtypeMru, given: CreateArgs, folderArg: vscode.Uri | undefined, prefill: Prefill): Promise<Json | undefined> {
  checkGiven(given);
  let folder: vscode.Uri | undefined;
  if (folderArg) {
    const problem = await checkLocalFolder(folderArg);
    if (problem) throw new UserError(problem);
    folder = folderArg;
  } else {
    const target = await resolveTarget(undefined);
    if (target.kind === 'cancel') return undefined;
    if (target.kind === 'error') throw new UserError(target.message);
    folder = target.kind === 'folder' ? target.uri : undefined;
  }
  const settings = readSettings(folder);
  const allocate: AllocateMode = given.allocate ?? settings.allocation;
  const input: WizardInput = {
    folder, given, initial: prefill, defaultDtype: settings.defaultDtype, defaultOrder: settings.defaultOrder,
    allocate, mru: mru.get(), ...(await freeSpace(folder)), spaceOf: freeSpace,
  };
  const answers = await runWizard(input);
  if (!answers) return undefined;
  const result = await writeWithProgress({ ...answers, allocate });
  try { await mru.add(resolveDtype(answers.dtype).key); } catch { /* the file exists; the list is a convenience */ }
  await afterCreate(result, settings);
  return toJsonForm(result);
}
