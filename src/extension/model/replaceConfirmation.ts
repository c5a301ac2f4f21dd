// The question before the wizard replaces an existing file: it names what is lost, and its default answer keeps it.
import { formatBytes } from '../../core/units';
import { Translate } from './translate';

export interface ReplaceConfirmation { message: string; detail: string; keep: string; replace: string }

/** `bytes` is the existing file's size (undefined when it could not be read); `keep` is listed first, the default. */
export function replaceConfirmation(name: string, bytes: bigint | undefined, t: Translate): ReplaceConfirmation {
  return {
    message: bytes === undefined
      ? t('{0} already exists. Replace it with a zero-filled file? Its current data will be lost.', name)
      : t('{0} already exists and holds {1}. Replace it with a zero-filled file? Its current data will be lost.', name, formatBytes(bytes)),
    detail: t('The old file is replaced only once the new one is complete; until then it stays as it is.'),
    keep: t('Keep the Existing File'),
    replace: t('Replace and Lose Its Data'),
  };
}
