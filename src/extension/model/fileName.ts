// File-name suggestion and validation for the last wizard step.
import { Dtype } from '../../core/types';
import { Translate } from './translate';

/** "<f8" → "f8", ">i2" → "i2be", "<M8[ns]" → "M8ns", structs → "struct". */
export function dtypeShort(dtype: Dtype): string {
  if (dtype.kind === 'struct') return 'struct';
  const core = dtype.str.replace(/^[<>|=]/, '').replace(/[^A-Za-z0-9]/g, '');
  return dtype.byteorder === '>' ? `${core}be` : core;
}

/** zeros_<dtypeShort>_<dims joined by x>.npy; a 0-d array is "scalar". */
export function suggestName(dtype: Dtype, shape: readonly bigint[]): string {
  const dims = shape.length === 0 ? 'scalar' : shape.map(String).join('x');
  return `zeros_${dtypeShort(dtype)}_${dims}.npy`;
}

/** The first of name, name-2, name-3, … (before the extension) that does not exist yet. */
export function uniqueName(name: string, exists: (candidate: string) => boolean, maxTries = 1000): string {
  if (!exists(name)) return name;
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  for (let i = 2; i < maxTries; i++) {
    const candidate = `${stem}-${i}${ext}`;
    if (!exists(candidate)) return candidate;
  }
  return name;
}

/**
 * One sentence when the name cannot be used as a file name in the target folder, else undefined. The wizard offers
 * a Change Folder button for a name with a path in it; a script passes the folder as its own argument.
 */
export function nameProblem(name: string, t: Translate, from: 'wizard' | 'script' = 'wizard'): string | undefined {
  if (name.trim() === '') return t('Enter a file name.');
  if (/[/\\]/.test(name)) {
    return from === 'wizard'
      ? t('A file name cannot contain / or \\; to create the file in another folder, use the Change Folder button above.')
      : t('A file name cannot contain / or \\; give the folder in the folder argument.');
  }
  if (name === '.' || name === '..') return t('"{0}" is not a file name.', name);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return t('A file name cannot contain control characters.');
  if (Buffer.byteLength(name, 'utf8') > 255) return t('The file name is longer than 255 bytes.');
  return undefined;
}

/**
 * Names people regret, asked about once rather than trimmed or refused: spaces at either end (invisible in most
 * listings) and a leading dot (a hidden file; ".npy" alone has no name at all).
 */
export function nameWarning(name: string, t: Translate): string | undefined {
  const starts = /^\s/.test(name);
  const ends = /\s$/.test(name);
  if (starts && ends) return t('"{0}" begins and ends with a space, which is easy to miss later.', name);
  if (starts) return t('"{0}" begins with a space, which is easy to miss later.', name);
  if (ends) return t('"{0}" ends with a space, which is easy to miss later.', name);
  if (/^\.npy$/i.test(name)) return t('"{0}" has no name before the extension: it would be a hidden file.', name);
  if (name.startsWith('.')) return t('"{0}" begins with a dot: most file listings hide it.', name);
  return undefined;
}

/** A non-blocking hint: the preview opens .npy files automatically, other names only by hand. */
export function nameHint(name: string, exists: boolean, t: Translate): string | undefined {
  if (exists) return t('{0} already exists; you will be asked before it is replaced.', name);
  if (!/\.npy$/i.test(name)) return t('Without the .npy extension the file will not open in the preview by itself.');
  return undefined;
}
