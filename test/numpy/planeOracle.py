# Oracle for test/numpy/plane.test.ts: saves random arrays of every numeric dtype (both byte orders, C and F
# order, 1-D to 4-D, NaN/±Inf/zeros, NaT, int64 beyond 2^53) and, for random view requests, prints what numpy
# says the view holds: a[idx] sliced [::k, ::k] (or a window), transposed when the row axis comes after the
# column axis, the field or complex part chosen, as float64 — plus statistics, percentiles and colour indices
# of those values. Floats travel as hex of little-endian float64 bytes (JSON has no NaN/Inf).
# Runs after randomArrays.py (rng, folder, PARTS, make, h, stats come from there).
DTYPES = ['?', 'i1', '<i2', '>i2', '<i4', '>i4', '<i8', '>i8', 'u1', '<u2', '>u2', '<u4', '>u4', '<u8', '>u8',
          '<f2', '>f2', '<f4', '>f4', '<f8', '>f8', '<c8', '>c8', '<c16', '>c16',
          '<M8[s]', '>M8[ns]', '<m8[ms]', '>m8[10s]', 'struct']
SHAPES = [(41,), (13, 17), (5, 9, 11), (3, 4, 7, 6)]
STRUCT = np.dtype([('s', 'S3'), ('x', '>f4'), ('n', '<i8'), ('z', '<c8'), ('w', '<f8', (2,))])
N = 256


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
        v, approx = as_f8(sub, req.get('part', 'abs')), False
    else:
        v, approx = numbers(sub)
    return v, approx


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
            a = make(dt, shape, order, STRUCT)
            path = '%s/%d.npy' % (folder, len(cases))
            np.save(path, a)
            views = []
            for req in requests(a):
                v, approx = expected(a, req)
                s = stats(v, percentiles=True)
                fin = v[np.isfinite(v)]
                lo, hi = (float(fin.min()), float(fin.max())) if fin.size else (0.0, 1.0)
                views.append({'request': req, 'rows': int(v.shape[0]), 'cols': int(v.shape[1]),
                              'values': v.astype('<f8').tobytes().hex(), 'approximate': approx, 'stats': s,
                              'range': [h(lo), h(hi)], 'colours': colour_indices(v, lo, hi)})
            cases.append({'name': '%s %s %s' % (dt, shape, order), 'path': path, 'views': views,
                          'fortran': bool(order == 'F' and a.ndim > 1)})
print(json.dumps(cases))
