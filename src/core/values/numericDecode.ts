// One element's bytes → one float64, for drawing and statistics. What each dtype becomes (numpy's equivalent):
// bool 0/1; integers exactly (int64/uint64 rounded to the nearest double beyond 2^53, as .astype(float64) does,
// and flagged so the view can say "approximate"); float16/32/64 exactly, NaN and ±Inf kept; complex: its real
// or imaginary part exactly, |z| as np.abs and arg z as np.angle (computed in the complex type's own precision:
// float32 for complex64), both to within an ulp of the platform's libm; datetime64/timedelta64: their int64
// counts of the unit, NaT as NaN.
import { Dtype } from '../types';
import { halfToNumber } from './float';
import { ComplexPart } from './plane';

const TWO21 = 2 ** 21; // the high half of 2^53
const TWO32 = 2 ** 32;
const NAT_HI = -(2 ** 31);

/** Reads the number at `at`; sets approx.flag when an int64/uint64 was rounded. */
export type NumberReader = (view: DataView, at: number, approx: { flag: boolean }) => number;

function int64(little: boolean, signed: boolean, nat: boolean): NumberReader {
  const hiAt = little ? 4 : 0;
  const loAt = little ? 0 : 4;
  return (view, at, approx) => {
    const hi = signed ? view.getInt32(at + hiAt, little) : view.getUint32(at + hiAt, little);
    const lo = view.getUint32(at + loAt, little);
    if (nat && hi === NAT_HI && lo === 0) return NaN;
    // Beyond ±2^53 (decided on the exact halves, before rounding) a double may not hold the value.
    if (hi > TWO21 || (hi === TWO21 && lo > 0) || hi < -TWO21) approx.flag = true;
    // hi·2^32 is exact and the sum rounds once: the nearest double, ties to even, as numpy's cast.
    return hi * TWO32 + lo;
  };
}

function complexReader(d: Dtype, part: ComplexPart): NumberReader {
  const little = d.byteorder !== '>';
  const single = d.itemsize === 8;
  const half = single ? 4 : 8;
  const get = single ? (v: DataView, at: number) => v.getFloat32(at, little) : (v: DataView, at: number) => v.getFloat64(at, little);
  const round = single ? Math.fround : (x: number) => x;
  switch (part) {
    case 'real': return (view, at) => get(view, at);
    case 'imag': return (view, at) => get(view, at + half);
    case 'abs': return (view, at) => round(Math.hypot(get(view, at), get(view, at + half)));
    case 'arg': return (view, at) => round(Math.atan2(get(view, at + half), get(view, at)));
  }
}

/** The reader for a plain numeric dtype (see notNumericReason in plane.ts for the ones refused before). */
export function numberReader(d: Dtype, part: ComplexPart | null): NumberReader {
  const little = d.byteorder !== '>';
  switch (d.kind) {
    case 'b': return (view, at) => (view.getUint8(at) !== 0 ? 1 : 0);
    case 'i':
      switch (d.itemsize) {
        case 1: return (view, at) => view.getInt8(at);
        case 2: return (view, at) => view.getInt16(at, little);
        case 4: return (view, at) => view.getInt32(at, little);
        default: return int64(little, true, false);
      }
    case 'u':
      switch (d.itemsize) {
        case 1: return (view, at) => view.getUint8(at);
        case 2: return (view, at) => view.getUint16(at, little);
        case 4: return (view, at) => view.getUint32(at, little);
        default: return int64(little, false, false);
      }
    case 'f':
      switch (d.itemsize) {
        case 2: return (view, at) => halfToNumber(view.getUint16(at, little));
        case 4: return (view, at) => view.getFloat32(at, little);
        default: return (view, at) => view.getFloat64(at, little);
      }
    case 'c': return complexReader(d, part ?? 'abs');
    case 'M': case 'm': return int64(little, true, true);
    default: throw new Error(`no number reader for ${d.str}`);
  }
}
