# A Zip64 .npz with a member over 4 GiB, written through zipfile (numpy's savez path) without writing 4 GiB:
# 1 MiB zero chunks become seeks (holes), and crc32 of a zero chunk is affine in the incoming crc, so it is
# applied with XORs instead of reading zeros. Shared by the numpy tier and the extension-host tier.
import io
import zipfile
import zlib

try:  # numpy >= 2 keeps write_array_header_1_0 in _format_impl; 1.x in format
    from numpy.lib import _format_impl as fmt
except ImportError:
    from numpy.lib import format as fmt

CHUNK = 1 << 20
ZERO = bytes(CHUNK)
Z0 = zlib.crc32(ZERO, 0)
BASIS = [zlib.crc32(ZERO, 1 << i) ^ Z0 for i in range(32)]
_real_crc = zlib.crc32


def _fast_crc(data, value=0):
    if len(data) == CHUNK and data == ZERO:
        r, i = Z0, 0
        while value:
            if value & 1:
                r ^= BASIS[i]
            value >>= 1
            i += 1
        return r
    return _real_crc(data, value)


assert _fast_crc(b'x', _fast_crc(ZERO, _fast_crc(ZERO))) == _real_crc(bytes(2 * CHUNK) + b'x')


class _Sparse(io.FileIO):
    def write(self, b):
        if len(b) == CHUNK and b == ZERO:
            self.seek(CHUNK, 1)
            return CHUNK
        return super().write(b)


def write_sparse_zip64(path, extra_name, extra_array):
    """big.npy: (4 GiB / 8 + 1024,) <f8 zeros, then extra_name holding extra_array; both members Zip64."""
    big_n = (4 << 30) // 8 + 1024
    zipfile.crc32 = _fast_crc
    try:
        with _Sparse(path, 'w+') as f:
            with zipfile.ZipFile(f, 'w', allowZip64=True) as zf:
                with zf.open('big.npy', 'w', force_zip64=True) as m:
                    fmt.write_array_header_1_0(m, {'descr': '<f8', 'fortran_order': False, 'shape': (big_n,)})
                    left = big_n * 8
                    while left > 0:
                        k = min(left, CHUNK)
                        m.write(ZERO if k == CHUNK else bytes(k))
                        left -= k
                with zf.open(extra_name, 'w', force_zip64=True) as m:
                    fmt.write_array(m, extra_array)
    finally:
        zipfile.crc32 = _real_crc
