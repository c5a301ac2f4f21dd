# Oracle for test/numpy/wholeStats.test.ts: saves random N-D arrays (C and F order, several dtypes, NaN/±Inf/
# zeros, a struct, complex, one truncated file) and prints numpy's statistics over every element of each choice
# (field / complex part), as stats.ts defines them: x = the elements as float64; counts of NaN, ±Inf, zeros;
# nanmin/nanmax; mean and std of the finite values. Floats travel as hex of little-endian float64 bytes.
import json, os, sys
import numpy as np

rng = np.random.default_rng(int(sys.argv[2]))
folder = sys.argv[1]
DTYPES = ['<f2', '>f2', '<f4', '>f4', '<f8', '>f8', 'i1', 'u1', '<i2', '>u2', '<i4', '>u4', '<i8', '>u8', '?',
          '<c8', '>c16', '<M8[s]', 'struct']
SHAPES = [(1001,), (7, 11, 13), (3, 4, 5, 6)]
STRUCT = np.dtype([('s', 'S3'), ('x', '>f4'), ('n', '<i8'), ('z', '<c8')])
PARTS = ['abs', 'arg', 'real', 'imag']


def floats(dt, n):
    v = rng.standard_normal(n) * 10.0 ** rng.integers(-3, 4, n) + 1000.0 * rng.random()
    u = rng.random(n)
    v[u < 0.05] = np.nan
    v[(u >= 0.05) & (u < 0.08)] = np.inf
    v[(u >= 0.08) & (u < 0.1)] = -np.inf
    v[(u >= 0.1) & (u < 0.14)] = 0.0
    return v.astype(dt)


def fill(dt, n):
    dt = np.dtype(dt)
    if dt.kind == 'b':
        return rng.integers(0, 2, n).astype('?')
    if dt.kind in 'iu':
        return np.frombuffer(rng.integers(0, 256, n * dt.itemsize, dtype='u1').tobytes(), dtype=dt).copy()
    if dt.kind == 'f':
        return floats(dt, n)
    if dt.kind == 'c':
        part = 'f%d' % (dt.itemsize // 2)
        native = np.stack([floats(part, n), floats(part, n)], -1).astype(part).reshape(-1).view('c%d' % dt.itemsize)
        return native.astype(dt)
    v = rng.integers(-2**40, 2**40, n)
    v[rng.random(n) < 0.05] = np.iinfo('i8').min
    return v.astype(dt.byteorder + 'i8').view(dt)


def make(dt, shape, order):
    n = int(np.prod(shape))
    if dt == 'struct':
        a = np.zeros(n, STRUCT)
        a['s'] = b'ab'
        a['x'] = fill('>f4', n)
        a['n'] = fill('<i8', n)
        a['z'] = fill('<c8', n)
    else:
        a = fill(dt, n)
    a = a.reshape(shape)
    return np.asfortranarray(a) if order == 'F' else a


def as_f8(sub, part):
    if sub.dtype.kind == 'c':
        return {'abs': np.abs, 'arg': np.angle, 'real': np.real, 'imag': np.imag}[part](sub).astype('f8')
    if sub.dtype.kind in 'Mm':
        native = sub.astype(sub.dtype.newbyteorder('='))
        return np.where(np.isnat(native), np.nan, native.view('i8').astype('f8'))
    return sub.astype('f8')


def h(x):
    return None if x is None else np.float64(x).astype('<f8').tobytes().hex()


def stats(v):
    x = v.ravel()
    fin = x[np.isfinite(x)]
    anyv = bool((~np.isnan(x)).any())
    return {
        'count': int(x.size), 'finite': int(fin.size), 'nan': int(np.isnan(x).sum()),
        'posInf': int(np.isposinf(x).sum()), 'negInf': int(np.isneginf(x).sum()), 'zeros': int((x == 0).sum()),
        'min': h(np.nanmin(x)) if anyv else None, 'max': h(np.nanmax(x)) if anyv else None,
        'mean': h(fin.mean()) if fin.size else None, 'std': h(fin.std()) if fin.size else None,
    }


def choices(a):
    if a.dtype.names:
        return [{}, {'field': 'n'}] + [{'field': 'z', 'part': p} for p in PARTS]
    if a.dtype.kind == 'c':
        return [{}] + [{'part': p} for p in PARTS]
    return [{}]


def expected(a, choice):
    sub = a[choice.get('field', 'x')] if a.dtype.names else a
    return stats(as_f8(sub, choice.get('part', 'abs')))


cases = []
for dt in DTYPES:
    for shape in SHAPES:
        for order in ('C', 'F'):
            a = make(dt, shape, order)
            path = '%s/%d.npy' % (folder, len(cases))
            np.save(path, a)
            cases.append({'name': '%s %s %s' % (dt, shape, order), 'path': path, 'elements': int(a.size),
                          'runs': [{'choice': c, 'stats': expected(a, c)} for c in choices(a)]})

# Larger than the default chunk (1 MiB) and the decode batch: 300,000 float64 in Fortran order.
big = make('<f8', (500, 600), 'F')
path = '%s/big.npy' % folder
np.save(path, big)
cases.append({'name': 'f8 (500, 600) F, 2.4 MB', 'path': path, 'elements': int(big.size), 'runs': [{'choice': {}, 'stats': expected(big, {})}]})

# Truncated: the file ends 13 bytes into element 777 of a (40, 50) <f4 array; stats of the 777 elements present.
t = make('<f4', (40, 50), 'C')
path = '%s/truncated.npy' % folder
np.save(path, t)
offset = os.path.getsize(path) - t.nbytes
with open(path, 'r+b') as f:
    f.truncate(offset + 777 * 4 + 3)
cases.append({'name': 'truncated <f4 (40, 50)', 'path': path, 'elements': 777, 'runs': [{'choice': {}, 'stats': stats(t.ravel()[:777].astype('f8'))}]})
print(json.dumps(cases))
