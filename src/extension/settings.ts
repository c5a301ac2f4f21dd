// zeroedNpy.* settings, read fresh each time (no cache to invalidate) and sanitised to valid values.
import * as vscode from 'vscode';
import { AllocateMode, Order } from '../core/types';
import { MAX_PAGE_COUNT } from '../core/values/pages';

/** zeroedNpy.valuesPerPage when unset or invalid. */
const DEFAULT_VALUES_PER_PAGE = 20;

export interface Settings {
  defaultDtype: string;
  defaultOrder: Order;
  allocation: AllocateMode;
  openPreviewAfterCreate: boolean;
  revealInExplorer: boolean;
  /** Elements per page of the preview's Values section, within 1..MAX_PAGE_COUNT. */
  valuesPerPage: number;
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
    valuesPerPage: pageSize(c.get<unknown>('valuesPerPage')),
  };
}

function pageSize(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.min(MAX_PAGE_COUNT, Math.max(1, Math.floor(v))) : DEFAULT_VALUES_PER_PAGE;
}
