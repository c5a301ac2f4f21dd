// Writes the file through the core with progress (cancellable when every byte is written), then reveals,
// previews and reports what the disk really holds.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { AllocateMode, Order } from '../core/types';
import { formatBytes } from '../core/units';
import { WriteResult, writeZeroedNpy } from '../core/file/writer';
import { createdNotice } from './model/createdMessage';
import { Settings } from './settings';

const t = vscode.l10n.t;

export interface CreateRequest { path: string; dtype: string; shape: string; order: Order; overwrite: boolean; allocate: AllocateMode }

export async function writeWithProgress(req: CreateRequest): Promise<WriteResult> {
  const name = path.basename(req.path);
  const full = req.allocate === 'full';
  return vscode.window.withProgress(
    // A sparse file is done in milliseconds: a status-bar spinner, not a notification that flashes.
    { location: full ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window,
      title: t('Creating {0}', name), cancellable: full },
    async (progress, token) => {
      const abort = new AbortController();
      const sub = token.onCancellationRequested(() => abort.abort());
      let reported = 0;
      try {
        return await writeZeroedNpy({
          path: req.path, dtype: req.dtype, shape: req.shape, order: req.order, overwrite: req.overwrite,
          allocate: req.allocate, signal: abort.signal,
          onProgress: (done, total) => {
            const pct = total > 0 ? Math.min(100, (done / total) * 100) : 100;
            progress.report({ increment: pct - reported, message: t('{0} of {1}', formatBytes(done), formatBytes(total)) });
            reported = pct;
          },
        });
      } finally {
        sub.dispose();
      }
    });
}

export async function afterCreate(r: WriteResult, settings: Settings): Promise<void> {
  const uri = vscode.Uri.file(r.path);
  // Neither follow-up may turn a successful create into a failure.
  if (settings.revealInExplorer) {
    try { await vscode.commands.executeCommand('revealInExplorer', uri); } catch { /* explorer hidden or file outside the workspace */ }
  }
  let previewShown = false;
  if (settings.openPreviewAfterCreate) {
    try {
      await vscode.commands.executeCommand('vscode.openWith', uri, 'zeroedNpy.preview');
      previewShown = true;
    } catch { /* preview failures show in the preview */ }
  }
  const notice = createdNotice(r, t, previewShown);
  if (notice.warning) void vscode.window.showWarningMessage(notice.text);
  else void vscode.window.showInformationMessage(notice.text);
}
