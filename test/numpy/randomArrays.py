# Shared by planeOracle.py and wholeStatsOracle.py, which the tests run after this file (one script): random
# arrays of every numeric dtype (both byte orders, C and F order, NaN/±Inf/zeros, NaT), numpy's statistics of
# float64 values as stats.ts defines them, and floats as hex of little-endian float64 bytes (JSON has no NaN/Inf).
import json, os, sys
import numpy as np

rng = np.random.default_rng(int(sys.argv[2]))
folder = sys.argv[1]
PARTS = ['abs', 'arg', 'real', 'imag']


def floats(dt, n, shift=0.0):
    v = rng.standard_normal(n) * 10.0 ** rng.integers(-3, 4, n) + shift * rng.random()
    u = rng.random(n)
    v[u < 0.05] = np.nan
    v[(u >= 0.05) & (u < 0.08)] = np.inf
    v[(u >= 0.08) & (u < 0.1)] = -np.inf
    v[(u >= 0.1) & (u < 0.14)] = 0.0
    return v.astype(dt)


def fill(dt, n, shift=0.0, wide=True):
    """wide: datetime counts up to ±2^62 (beyond float64's 2^53), else within ±2^40."""
    dt = np.dtype(dt)
    if dt.kind == 'b':
        return rng.integers(0, 2, n).astype('?')
    if dt.kind in 'iu':
        return np.frombuffer(rng.integers(0, 256, n * dt.itemsize, dtype='u1').tobytes(), dtype=dt).copy()
    if dt.kind == 'f':
        return floats(dt, n, shift)
    if dt.kind == 'c':
        part = 'f%d' % (dt.itemsize // 2)
        native = np.stack([floats(part, n, shift), floats(part, n, shift)], -1).astype(part).reshape(-1).view('c%d' % dt.itemsize)
        return native.astype(dt)
    v = rng.integers(-2**62, 2**62, n) // 10 ** rng.integers(0, 15, n) if wide else rng.integers(-2**40, 2**40, n)
    v[rng.random(n) < 0.05] = np.iinfo('i8').min
    return v.astype(dt.byteorder + 'i8').view(dt)


def make(dt, shape, order, struct, **kw):
    """dt 'struct' means the structured dtype `struct`: bytes fields hold b'ab', sub-arrays random [0, 1)."""
    n = int(np.prod(shape))
    if dt == 'struct':
        a = np.zeros(n, struct)
        for name in struct.names:
            f = struct.fields[name][0]
            if f.kind == 'S':
                a[name] = b'ab'
            elif f.shape:
                a[name] = rng.random((n,) + f.shape)
            else:
                a[name] = fill(f, n, **kw)
    else:
        a = fill(dt, n, **kw)
    a = a.reshape(shape)
    return np.asfortranarray(a) if order == 'F' else a


def as_f8(sub, part):
    """The numbers a view draws: the complex part chosen, NaT as NaN, datetimes as their counts."""
    if sub.dtype.kind == 'c':
        return {'abs': np.abs, 'arg': np.angle, 'real': np.real, 'imag': np.imag}[part](sub).astype('f8')
    if sub.dtype.kind in 'Mm':
        native = sub.astype(sub.dtype.newbyteorder('='))
        return np.where(np.isnat(native), np.nan, native.view('i8').astype('f8'))
    return sub.astype('f8')


def h(x):
    return None if x is None else np.float64(x).astype('<f8').tobytes().hex()


def stats(v, percentiles=False):
    x = v.ravel()
    fin = x[np.isfinite(x)]
    anyv = bool((~np.isnan(x)).any())
    out = {
        'count': int(x.size), 'finite': int(fin.size), 'nan': int(np.isnan(x).sum()),
        'posInf': int(np.isposinf(x).sum()), 'negInf': int(np.isneginf(x).sum()), 'zeros': int((x == 0).sum()),
        'min': h(np.nanmin(x)) if anyv else None, 'max': h(np.nanmax(x)) if anyv else None,
        'mean': h(fin.mean()) if fin.size else None, 'std': h(fin.std()) if fin.size else None,
    }
    if percentiles:
        out['p1'] = h(np.percentile(fin, 1)) if fin.size else None
        out['p99'] = h(np.percentile(fin, 99)) if fin.size else None
    return out
