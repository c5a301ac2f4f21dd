// numpy as the oracle inside the extension host: fixtures are written by numpy (or by hand where numpy
// refuses, e.g. truncated files) and every expectation is read back by numpy, never hard-coded.
import { execFileSync } from 'node:child_process';

/** Runs a Python snippet with argv[1:] = args and returns its stdout parsed as JSON. Fails loudly without numpy. */
export function py<T = unknown>(code: string, ...args: string[]): T {
  let out: string;
  try {
    out = execFileSync('python3', ['-c', `import json, sys, os\nimport numpy as np\n${code}`, ...args],
      { encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`python3/numpy failed (numpy is required for these tests): ${err.stderr || err.message}`, { cause: e });
  }
  return JSON.parse(out) as T;
}

/** What numpy says about a file: the fields a preview report must agree with. */
export interface NumpyView {
  version: string;
  descr: string;
  fortranOrder: boolean;
  shape: string[];
  itemsize: number;
  elementCount: string;
  dataOffset: number;
  dataBytes: string;
  fileBytes: string;
  allocatedBytes: string;
  status: 'ok' | 'truncated' | 'trailing-bytes';
  statusBytes: string;
  objectData: boolean;
  fieldNames: string[] | null;
}

/** Reads the header with numpy's own format module (never the data: no pickle is ever loaded). */
export function numpyView(file: string): NumpyView {
  return py<NumpyView>(`
from numpy.lib import format as F
p = sys.argv[1]
with open(p, 'rb') as f:
    major, minor = F.read_magic(f)
    read = {1: F.read_array_header_1_0, 2: F.read_array_header_2_0}.get(major)
    if read is None:
        shape, fortran, dtype = F._read_array_header(f, (major, minor), max_header_size=10**9)
    else:
        shape, fortran, dtype = read(f, max_header_size=10**9)
    offset = f.tell()
descr = F.dtype_to_descr(dtype)
count = 1
for d in shape: count *= d
data = count * dtype.itemsize
st = os.stat(p)
size = st.st_size
status = 'ok' if size == offset + data else ('truncated' if size < offset + data else 'trailing-bytes')
if dtype.hasobject:
    # A pickle has no fixed length: whatever follows the header is the data (the core's documented rule).
    data, status = max(size - offset, 0), 'ok'
print(json.dumps({
  'version': f'{major}.{minor}',
  'descr': descr if isinstance(descr, str) else repr(descr),
  'fortranOrder': bool(fortran),
  'shape': [str(d) for d in shape],
  'itemsize': dtype.itemsize,
  'elementCount': str(count),
  'dataOffset': offset,
  'dataBytes': str(data),
  'fileBytes': str(size),
  'allocatedBytes': str(st.st_blocks * 512),
  'status': status,
  'statusBytes': str(abs(size - offset - data)),
  'objectData': bool(dtype.hasobject),
  'fieldNames': list(dtype.names) if dtype.names else None,
}))
`, file);
}

/** The fixture set the preview tests open; written into `dir` by numpy. Returns name → absolute path. */
export function writeFixtures(dir: string): Record<string, string> {
  return py<Record<string, string>>(`
from numpy.lib import format as F
d = sys.argv[1]
out = {}
def path(name):
    out[name] = os.path.join(d, name + '.npy')
    return out[name]
np.save(path('good'), np.arange(12, dtype='<f8').reshape(3, 4))
np.save(path('fortran'), np.zeros((2, 3, 5), dtype='>i2', order='F'))
np.save(path('scalar'), np.array(7, dtype='<c16'))
np.save(path('structured'), np.zeros(4, dtype=[('x', '<f4'), ('y', '<i4', (2,)), ('t', '<M8[ns]')]))
# Truncated: a valid header whose data stops 100 bytes short.
np.save(path('truncated'), np.ones((10, 10), dtype='<f8'))
with open(out['truncated'], 'r+b') as f: f.truncate(os.path.getsize(out['truncated']) - 100)
# Trailing bytes after the data.
np.save(path('trailing'), np.ones(5, dtype='<u2'))
with open(out['trailing'], 'ab') as f: f.write(b'extra bytes')
# Object dtype: the data is a pickle. Shown, never loaded.
np.save(path('object'), np.array([{'a': 1}, None, 'x'], dtype=object), allow_pickle=True)
# Hostile: a structured field name that is markup.
np.save(path('hostile'), np.zeros(3, dtype=[('<img src=x onerror=alert(1)>', '<f4'), ('b', '<i2')]))
# 1 TiB logical, sparse: numpy's header, then truncate (no data written).
with open(path('huge'), 'wb') as f:
    F.write_array_header_1_0(f, {'descr': '<f8', 'fortran_order': False, 'shape': (1 << 37,)})
    f.truncate(f.tell() + (1 << 40))
# Not a .npy at all.
with open(path('not-npy'), 'wb') as f: f.write(b'PK\\x03\\x04 this is a zip, not an array')
print(json.dumps(out))
`, dir);
}

/**
 * What a job filling a file does: `a[index] = value` through np.load(mmap_mode='r+') and flush(). Such writes
 * raise no file-watcher event (the previews notice them by polling).
 */
export function writeThroughMemmap(file: string, index: string, value: string): void {
  py(`
a = np.load(sys.argv[1], mmap_mode='r+')
a[${index}] = ${value}
a.flush()
del a
print(1)`, file);
}
