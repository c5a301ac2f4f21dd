# Oracle for test/numpy/wholeStats.test.ts: saves random N-D arrays (C and F order, several dtypes, NaN/±Inf/
# zeros, a struct, complex, one truncated file) and prints numpy's statistics over every element of each choice
# (field / complex part), as stats.ts defines them: x = the elements as float64; counts of NaN, ±Inf, zeros;
# nanmin/nanmax; mean and std of the finite values. Floats travel as hex of little-endian float64 bytes.
# Runs after randomArrays.py (rng, folder, PARTS, make, as_f8, stats come from there).
DTYPES = ['<f2', '>f2', '<f4', '>f4', '<f8', '>f8', 'i1', 'u1', '<i2', '>u2', '<i4', '>u4', '<i8', '>u8', '?',
          '<c8', '>c16', '<M8[s]', 'struct']
SHAPES = [(1001,), (7, 11, 13), (3, 4, 5, 6)]
STRUCT = np.dtype([('s', 'S3'), ('x', '>f4'), ('n', '<i8'), ('z', '<c8')])


def array(dt, shape, order):
    # Shifted floats (sums far from zero test the mean's accuracy) and datetime counts within ±2^40 (exact in float64).
    return make(dt, shape, order, STRUCT, shift=1000.0, wide=False)


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
            a = array(dt, shape, order)
            path = '%s/%d.npy' % (folder, len(cases))
            np.save(path, a)
            cases.append({'name': '%s %s %s' % (dt, shape, order), 'path': path, 'elements': int(a.size),
                          'runs': [{'choice': c, 'stats': expected(a, c)} for c in choices(a)]})

# Larger than the default chunk (1 MiB) and the decode batch: 300,000 float64 in Fortran order.
big = array('<f8', (500, 600), 'F')
path = '%s/big.npy' % folder
np.save(path, big)
cases.append({'name': 'f8 (500, 600) F, 2.4 MB', 'path': path, 'elements': int(big.size), 'runs': [{'choice': {}, 'stats': expected(big, {})}]})

# Truncated: the file ends 13 bytes into element 777 of a (40, 50) <f4 array; stats of the 777 elements present.
t = array('<f4', (40, 50), 'C')
path = '%s/truncated.npy' % folder
np.save(path, t)
offset = os.path.getsize(path) - t.nbytes
with open(path, 'r+b') as f:
    f.truncate(offset + 777 * 4 + 3)
cases.append({'name': 'truncated <f4 (40, 50)', 'path': path, 'elements': 777, 'runs': [{'choice': {}, 'stats': stats(t.ravel()[:777].astype('f8'))}]})
print(json.dumps(cases))
