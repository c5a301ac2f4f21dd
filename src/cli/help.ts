// Help text for --help. Kept next to the usage lines so the two never disagree.
import { HelpTopic, USAGE_LINES } from './args';

const CREATE = `zeroed-npy create <file> --dtype <dtype> --shape <shape> [options]

Creates an all-zero .npy file ready to memory-map (np.load(file, mmap_mode='r+')). Sparse by default: the
data costs no disk blocks until written, where the file system allows it.

  --dtype <dtype>       numpy spelling: f8, <f8, float64, >i2, ?, bool, c16, datetime64[ms], S10, U5, V16,
                        or a struct list: "[('x', '<f4'), ('y', '<i4', (2,))]"
  --shape <shape>       1024,2048,4096 or "(1024, 2048, 4096)" or 1024x2048x4096; "()" or "" for a scalar
  --order C|F           C (row-major, default) or F (column-major, Fortran)
  --force               replace an existing file (only once the new one is complete)
  --allocate sparse|full
                        sparse (default) or reserve every block now (slower; progress on a terminal)
  --json                print one JSON object instead of a summary`;

const INSPECT = `zeroed-npy inspect <file> [--json]

Shows the header of a .npy file and checks its size, reading only the header (never the data). For a .npz
archive, lists its members with each member's header, reading only the zip directory and those headers.

  --json                print one JSON object (for .npz: an array, one object per member; sizes above
                        2^53-1 as decimal strings)`;

const RESIZE = `zeroed-npy resize <file> --shape <shape> [--force] [--json]
zeroed-npy resize <file> --fit [--force] [--json]

Changes the shape of a .npy file in place, in the room numpy (>= 1.24) leaves in every header; the data never
moves. A shape with the same number of elements is a reshape (the header only). Otherwise only the growth axis
may change (axis 0 in C order, the last axis in Fortran order): growing extends the file sparsely (the new
elements are zeros and take no disk space), shrinking cuts it.

  --shape <shape>       the new shape, spelled as for create
  --fit                 set the growth axis to the whole rows the data on disk holds (takes in rows appended
                        after the header's count; with --force also cuts a partial last row: a torn file)
  --force               allow cutting data off the end (a shrink, or --fit with a partial row); that data is
                        lost, and a job that has the file memory-mapped crashes (SIGBUS) if it touches the
                        cut part. Growing is safe for such a job.
  --json                print the inspect report of the resized file (the fields of inspect --json)`;

export function helpText(topic?: HelpTopic): string {
  if (topic === 'create') return CREATE;
  if (topic === 'inspect') return INSPECT;
  if (topic === 'resize') return RESIZE;
  return [
    'zeroed-npy: create sparse, all-zero NumPy .npy files, resize them in place, and inspect .npy and .npz headers.',
    '',
    ...USAGE_LINES,
    '',
    CREATE,
    '',
    INSPECT,
    '',
    RESIZE,
    '',
    'Exit codes: 0 success, 1 the operation failed (one "error:" line on stderr), 2 wrong usage.',
  ].join('\n');
}
