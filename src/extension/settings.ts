// zeroedNpy.* settings, read fresh each time (no cache to invalidate) and sanitised to valid values.
import * as vscode from 'vscode';
import { AllocateMode, Order } from '../core/types';

export interface Settings {
  defaultDtype: string;
  defaultOrder: Order;
  allocation: AllocateMode;
  openPreviewAfterCreate: boolean;
  revealInExplorer: boolean;
}

export function readSettings(scope?: vscode.Uri): Settings {
  const c = vscode.workspace.getConfiguration('zeroedNpy', scope);
  const dtype = c.get<unknown>('defaultDtype');
  const order = c.get<unknown>('defaultOrder');
  const allocation = c.get<unknown>('allocation');
  return {
    defaultDtype: typeof dtype === 'string' && dtype.trim() !== '' ? dtype : '<f8',
    defaultOrder: order === 'F' ? 'F' : 'C',
    allocation: allocation === 'full' ? 'full' : 'sparse',
    openPreviewAfterCreate: c.get<unknown>('openPreviewAfterCreate') !== false,
    revealInExplorer: c.get<unknown>('revealInExplorer') !== false,
  };
}
