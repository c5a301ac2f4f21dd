# Oracle for test/numpy/plane.test.ts: saves random arrays of every numeric dtype (both byte orders, C and F
# order, 1-D to 4-D, NaN/±Inf/zeros, NaT, int64 beyond 2^53) and, for random view requests, prints what numpy
# says the view holds: a[idx] sliced [::k, ::k] (or a window), transposed when the row axis comes after the
# column axis, the field or complex part chosen, as float64 — plus statistics, percentiles and colour indices
# of those values. Floats travel as hex of little-endian float64 bytes (JSON has no NaN/Inf).
import json, sys
import numpy as np

rng = np.random.default_rng(int(sys.argv[2]))
folder = sys.argv[1]
DTYPES = ['?', 'i1', '<i2', '>i2', '<i4', '>i4', '<i8', '>i8', 'u1', '<u2', '>u2', '<u4', '>u4', '<u8', '>u8',
          '<f2', '>f2', '<f4', '>f4', '<f8', '>f8', '<c8', '>c8', '<c16', '>c16',
          '<M8[s]', '>M8[ns]', '<m8[ms]', '>m8[10s]', 'struct']
SHAPES = [(41,), (13, 17), (5, 9, 11), (3, 4, 7, 6)]
STRUCT = np.dtype([('s', 'S3'), ('x', '>f4'), ('n', '<i8'), ('z', '<c8'), ('w', '<f8', (2,))])
PARTS = ['abs', 'arg', 'real', 'imag']
N = 256


def floats(dt, n):
    v = rng.standard_normal(n) * 10.0 ** rng.integers(-3, 4, n)
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
    v = rng.integers(-2**62, 2**62, n) // 10 ** rng.integers(0, 15, n)
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
        a['w'] = rng.random((n, 2))
    else:
        a = fill(dt, n)
    a = a.reshape(shape)
    return np.asfortranarray(a) if order == 'F' else a


def requests(a):
    nd = a.ndim
    out = [{}]
    for _ in range(3):
        if nd >= 2:
            r, c = (int(x) for x in rng.choice(nd, 2, replace=False))
        else:
            r, c = None, 0
        req = {'rowAxis': r, 'colAxis': c, 'index': [int(rng.integers(-s, s)) for s in a.shape]}
        req['view'] = {'mode': 'fit', 'stride': int(rng.integers(1, 4))}
        out.append(req)
        rows, cols = (1 if r is None else a.shape[r]), a.shape[c]
        out.append(dict(req, view={'mode': 'window', 'row0': int(rng.integers(0, rows)), 'col0': int(rng.integers(0, cols)),
                                   'rows': int(rng.integers(1, rows + 3)), 'cols': int(rng.integers(1, cols + 3))}))
    if nd >= 2:
        out.append({'rowAxis': None, 'colAxis': int(rng.integers(-nd, nd)), 'index': [int(rng.integers(0, s)) for s in a.shape]})
    if a.dtype.names:
        for k, req in enumerate(out):
            req['field'] = ['x', 'n', 'z'][k % 3]
            if req['field'] == 'z':
                req['part'] = PARTS[k % 4]
        out.append({})  # the default field: the first that holds one number ('x')
    elif a.dtype.kind == 'c':
        for k, req in enumerate(out):
            req['part'] = PARTS[k % 4]
    return out


def numbers(sub):
    """The view's elements as float64, and whether an int64 count lay beyond ±2^53."""
    kind = sub.dtype.kind
    if kind == 'c':
        return None, False
    if kind in 'Mm':
        native = sub.astype(sub.dtype.newbyteorder('='))
        i = native.view('i8')
        v = np.where(np.isnat(native), np.nan, i.astype('f8'))
        big = (~np.isnat(native)) & ((i > 2**53) | (i < -2**53))
        return v, bool(big.any())
    if kind in 'iu' and sub.dtype.itemsize == 8:
        i = sub.astype(sub.dtype.newbyteorder('='))
        big = (i > 2**53) if kind == 'u' else ((i > 2**53) | (i < -2**53))
        return i.astype('f8'), bool(big.any())
    return sub.astype('f8'), False


def expected(a, req):
    nd = a.ndim
    r = req.get('rowAxis', nd - 2 if nd >= 2 else None)
    c = req.get('colAxis', nd - 1)
    r = None if r is None else r % nd
    c = c % nd
    index = req.get('index', [0] * nd)
    view = req.get('view', {'mode': 'fit', 'stride': 1})
    if view['mode'] == 'fit':
        rs = cs = slice(None, None, view['stride'])
    else:
        rs = slice(view['row0'], view['row0'] + view['rows'])
        cs = slice(view['col0'], view['col0'] + view['cols'])
    if r is None:
        rs = slice(None)
    idx = tuple(rs if ax == r else cs if ax == c else index[ax] for ax in range(nd))
    sub = a[idx]
    if r is None:
        sub = sub.reshape(1, -1)
    elif r > c:
        sub = sub.T
    if a.dtype.names:
        sub = sub[req.get('field', 'x')]
    if sub.dtype.kind == 'c':
        fn = {'abs': np.abs, 'arg': np.angle, 'real': np.real, 'imag': np.imag}[req.get('part', 'abs')]
        v, approx = fn(sub).astype('f8'), False
    else:
        v, approx = numbers(sub)
    return v, approx


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
        'p1': h(np.percentile(fin, 1)) if fin.size else None, 'p99': h(np.percentile(fin, 99)) if fin.size else None,
    }


def colour_indices(v, vmin, vmax):
    """matplotlib's Normalize(vmin, vmax) then Colormap.__call__'s index arithmetic; -1 for NaN (bad)."""
    x = v.astype('f8').ravel()
    with np.errstate(invalid='ignore', divide='ignore'):
        if vmin == vmax:
            xa = np.where(np.isnan(x), np.nan, 0.0)
        else:
            xa = (x - vmin) / (vmax - vmin)
        xa = xa * N
        xa[xa == N] = N - 1
        under, over, bad = xa < 0, xa >= N, np.isnan(xa)
        idx = np.where(under | over | bad, 0, xa).astype(int)
    idx[under] = 0
    idx[over] = N - 1
    idx[bad] = -1
    return idx.tolist()


cases = []
for dt in DTYPES:
    for shape in SHAPES:
        for order in ('C', 'F'):
            a = make(dt, shape, order)
            path = '%s/%d.npy' % (folder, len(cases))
            np.save(path, a)
            views = []
            for req in requests(a):
                v, approx = expected(a, req)
                s = stats(v)
                fin = v[np.isfinite(v)]
                lo, hi = (float(fin.min()), float(fin.max())) if fin.size else (0.0, 1.0)
                views.append({'request': req, 'rows': int(v.shape[0]), 'cols': int(v.shape[1]),
                              'values': v.astype('<f8').tobytes().hex(), 'approximate': approx, 'stats': s,
                              'range': [h(lo), h(hi)], 'colours': colour_indices(v, lo, hi)})
            cases.append({'name': '%s %s %s' % (dt, shape, order), 'path': path, 'views': views,
                          'fortran': bool(order == 'F' and a.ndim > 1)})
print(json.dumps(cases))
