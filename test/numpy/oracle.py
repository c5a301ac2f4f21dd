# The numpy side of the header cross-checks. Reads one JSON request on stdin, prints one JSON answer.
# Inputs are data (never code): dtype specs go through ast.literal_eval or np.dtype, nothing is eval'd.
import ast, io, json, sys, warnings
import numpy as np
from numpy.lib import format as fmt
try:  # numpy >= 2 keeps the private helpers in _format_impl; 1.x in format
    from numpy.lib import _format_impl as impl
except ImportError:
    impl = fmt

warnings.simplefilter('ignore')


def dtype_of(spec):
    s = spec.strip()
    if s[:1] in '[(' and s[1:2] in "[('\"":
        # A list literal means what it means in a header: descr_to_dtype, where '' void fields are padding.
        return fmt.descr_to_dtype(ast.literal_eval(s))
    return np.dtype(s)


def header_case(c):
    dt = dtype_of(c['dtype'])
    shape = tuple(int(x) for x in c['shape'])
    if dt.subdtype is not None:  # numpy folds a subarray dtype into the array's shape
        dt, sub = dt.subdtype
        shape = shape + sub
    d = {'descr': fmt.dtype_to_descr(dt), 'fortran_order': c['fortran'], 'shape': shape}
    buf = io.BytesIO()
    impl._write_array_header(buf, d, None)  # exactly what open_memmap(mode='w+') calls
    out = {'header': buf.getvalue().hex(), 'str': dt.str, 'itemsize': dt.itemsize, 'descr': repr(d['descr']),
           'shape': [str(x) for x in shape]}
    if c.get('memmap'):  # the real open_memmap, to prove the BytesIO path is the same bytes
        m = fmt.open_memmap(c['memmap'], mode='w+', dtype=dt, shape=shape, fortran_order=c['fortran'])
        off = m.offset
        del m
        with open(c['memmap'], 'rb') as f:
            out['memmapHeader'] = f.read(off).hex()
    return out


def header_fortran(path):
    with open(path, 'rb') as f:
        return impl._read_array_header(f, fmt.read_magic(f), max_header_size=10**9)[1]


def load_case(c):
    a = np.load(c['file'], mmap_mode='r', max_header_size=10**9)
    raw = np.fromfile(c['file'], dtype=np.uint8, offset=a.offset)
    zero = not raw.any() and raw.size == a.nbytes
    return {'str': a.dtype.str, 'descr': repr(fmt.dtype_to_descr(a.dtype)), 'shape': [str(x) for x in a.shape],
            'fortran': header_fortran(c['file']),
            'zero': zero, 'offset': a.offset}


def spelling_case(s):
    try:
        dt = np.dtype(s)
    except Exception as e:
        return {'ok': False, 'error': type(e).__name__}
    sub = []
    if dt.subdtype is not None:
        dt, sub = dt.subdtype[0], list(dt.subdtype[1])
    return {'ok': True, 'str': dt.str, 'descr': repr(fmt.dtype_to_descr(dt)), 'itemsize': dt.itemsize,
            'object': bool(dt.hasobject), 'sub': sub}


def read_case(hexbytes):
    b = bytes.fromhex(hexbytes)
    f = io.BytesIO(b)
    try:
        version = fmt.read_magic(f)
        shape, fortran, dt = impl._read_array_header(f, version, max_header_size=10**9)
        if dt.subdtype is not None:
            dt, sub = dt.subdtype
            shape = shape + sub
        np.empty(tuple(0 for _ in shape), dtype=dt)  # the ndim limit np.load would hit
        if any(x > 2**63 - 1 for x in shape):  # np.load: "Maximum allowed dimension exceeded"
            raise ValueError('dimension too large')
        if any(x < 0 for x in shape):
            raise ValueError('negative dimensions are not allowed')
        if any(type(x) is bool for x in shape):  # numpy takes True as 1; we refuse it on purpose
            raise ValueError('bool dims')
        return {'ok': True, 'shape': [str(x) for x in shape], 'fortran': fortran, 'descr': repr(fmt.dtype_to_descr(dt)),
                'offset': f.tell()}
    except Exception as e:
        return {'ok': False, 'error': f'{type(e).__name__}: {e}'[:200]}


req = json.load(sys.stdin)
ans = {
    'version': np.__version__,
    'headers': [header_case(c) for c in req.get('headers', [])],
    'loads': [load_case(c) for c in req.get('loads', [])],
    'spellings': [spelling_case(s) for s in req.get('spellings', [])],
    'reprs': [repr(s) for s in req.get('reprs', [])],
    'reads': [read_case(h) for h in req.get('reads', [])],
}
json.dump(ans, sys.stdout)
