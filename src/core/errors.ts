// Every failure the core reports is an NpyError: a code for programs, one plain sentence for people.
// Callers (CLI, extension) print `message` as is and never show a stack trace.

export type NpyErrorCode =
  | 'bad-literal'      // header/dtype text is not a valid Python literal of the subset we read
  | 'bad-dtype'        // unknown or malformed dtype
  | 'object-dtype'     // dtype holds Python objects: data would be a pickle
  | 'bad-shape'        // malformed shape text or dims
  | 'too-large-numpy'  // byte count over 2^63-1: numpy cannot address it
  | 'too-large-node'   // byte count over 2^53-1: Node cannot truncate/seek to it
  | 'bad-name'         // file name refused (empty, path separators, …)
  | 'not-npy'          // magic string missing
  | 'bad-version'      // format version numpy does not know
  | 'bad-header'       // header present but invalid (keys, types, …)
  | 'header-too-large' // header over our bound
  | 'exists'           // target exists and overwrite was not asked for
  | 'busy'             // another create of the same target is running (its lock file is there)
  | 'no-sparse'        // Windows would not mark the file sparse: growing it would reserve every byte
  | 'cancelled'        // AbortSignal fired
  | 'resize-refused'   // the new shape changes an axis other than the growth axis, or there is no such axis
  | 'needs-force'      // the resize would cut data: only with force
  | 'no-room'          // the new header does not fit in the old header's length
  | 'not-zip'          // a .npz that is not a zip archive (or is cut before its end record)
  | 'bad-archive'      // a damaged zip archive (directory, end records, offsets)
  | 'inflate-limit'    // a page of a deflated .npz member lies past what the preview inflates
  | 'io';              // a file-system error, already turned into a sentence

export class NpyError extends Error {
  readonly code: NpyErrorCode;
  /** The errno code (EFBIG, ENOSPC, …) when the cause was a file-system error. */
  readonly errno?: string;

  constructor(code: NpyErrorCode, message: string, errno?: string) {
    super(message);
    this.name = 'NpyError';
    this.code = code;
    this.errno = errno;
  }
}

export function isNpyError(e: unknown): e is NpyError {
  return e instanceof NpyError;
}
