// The message after creating: logical size and what the disk really holds (measured, not assumed).
import * as path from 'node:path';
import { formatBytes } from '../../core/units';
import { WriteResult } from '../../core/file/writer';
import { Translate } from './translate';

/** Below this, a file fits in a few blocks and "not sparse" says nothing about the file system. */
const SMALL_FILE_BYTES = 65536n;

/** "Created x.npy: 64 GiB logical, 4 KiB on disk (sparse)." */
export function createdMessage(r: Pick<WriteResult, 'path' | 'fileBytes' | 'allocatedBytes' | 'allocate' | 'sparse'>, t: Translate): string {
  const name = path.basename(r.path);
  const logical = formatBytes(r.fileBytes);
  if (r.allocatedBytes === null) return t('Created {0}: {1} logical (the file system does not report its size on disk).', name, logical);
  const disk = formatBytes(r.allocatedBytes);
  if (r.allocate === 'full') return t('Created {0}: {1} logical, {2} on disk (fully allocated).', name, logical, disk);
  if (r.sparse) return t('Created {0}: {1} logical, {2} on disk (sparse).', name, logical, disk);
  if (r.fileBytes > SMALL_FILE_BYTES) {
    return t('Created {0}: {1} logical, {2} on disk (this file system does not keep it sparse).', name, logical, disk);
  }
  return t('Created {0}: {1} logical, {2} on disk.', name, logical, disk);
}

/**
 * The notification after creating. With the preview open it already shows the sizes, so the notice is only the
 * name (a long sentence is cut in a notification); a file system that did not keep a big file sparse is worth
 * the whole sentence, as a warning.
 */
export function createdNotice(r: Pick<WriteResult, 'path' | 'fileBytes' | 'allocatedBytes' | 'allocate' | 'sparse'>, t: Translate,
  previewShown: boolean): { text: string; warning: boolean } {
  const notSparse = r.allocate === 'sparse' && !r.sparse && r.allocatedBytes !== null && r.fileBytes > SMALL_FILE_BYTES;
  if (previewShown && !notSparse) return { text: t('Created {0}.', path.basename(r.path)), warning: false };
  return { text: createdMessage(r, t), warning: notSparse };
}
