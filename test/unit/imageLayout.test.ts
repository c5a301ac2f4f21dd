// Image detection and packing: (…, H, W, 3|4) uint8 or float, channel-first (…, 3|4, H, W), a batch axis.
import * as assert from 'node:assert/strict';
import { inspectBytes } from '../../src/core/file/inspect';
import { dtypeFromDescr } from '../../src/core/format/dtype';
import { buildHeader } from '../../src/core/format/header';
import { NpyReport } from '../../src/core/types';
import { detectImage, imageRequests } from '../../src/core/values/imageLayout';
import { fitsUnitRange, imageRgba } from '../../src/core/values/imagePixels';
import { readPlane } from '../../src/core/values/planeReader';

function npy(descr: string, shape: number[], fortran: boolean, data: Uint8Array): { bytes: Uint8Array; report: NpyReport } {
  const header = buildHeader(dtypeFromDescr({ type: 'str', value: descr }).dtype, shape.map(BigInt), fortran);
  const bytes = new Uint8Array(header.length + data.length);
  bytes.set(header, 0);
  bytes.set(data, header.length);
  return { bytes, report: inspectBytes(bytes, BigInt(bytes.length), null, 'img.npy') };
}
const header = (descr: string, shape: number[]) => npy(descr, shape, false, new Uint8Array(0)).report;

describe('image layout', () => {
  it('detects HWC uint8/float images with batch axes, and nothing else', () => {
    assert.deepEqual(detectImage(header('|u1', [2, 4, 5, 3])), { channels: 3, channelAxis: 3, rowAxis: 1, colAxis: 2, batchAxes: [0], channelFirst: false, scale: 'uint8' });
    assert.equal(detectImage(header('<f4', [4, 5, 4]))?.scale, 'unit-float');
    assert.deepEqual(detectImage(header('<f8', [3, 4, 5]), { channelFirst: true })?.channelAxis, 0);
    assert.equal(detectImage(header('<f8', [3, 4, 5])), null); // last axis 5: not channels
    assert.equal(detectImage(header('<i2', [4, 5, 3])), null);
    assert.equal(detectImage(header('|u1', [5, 3])), null);
    assert.equal(detectImage(header('|u1', [0, 5, 3])), null);
  });

  it('reads the image at a batch index channel by channel: pixel (r, c) = a[b, r, c, :]', async () => {
    for (const fortran of [false, true]) {
      const shape = [2, 4, 5, 3];
      const data = new Uint8Array(120);
      // Value of element (b, r, c, ch) in either order: 60b + 15r + 3c + ch, stored at its storage position.
      for (let b = 0; b < 2; b++) for (let r = 0; r < 4; r++) for (let c = 0; c < 5; c++) for (let ch = 0; ch < 3; ch++) {
        const at = fortran ? b + 2 * r + 8 * c + 40 * ch : 60 * b + 15 * r + 3 * c + ch;
        data[at] = 60 * b + 15 * r + 3 * c + ch;
      }
      const { bytes, report } = npy('|u1', shape, fortran, data);
      const layout = detectImage(report)!;
      const source = { read: async (p: number, n: number) => bytes.slice(p, p + n) };
      const planes = [];
      for (const request of imageRequests(layout, [1])) planes.push((await readPlane(source, report, request)).values);
      const px = imageRgba(planes, layout.scale);
      assert.equal(px.length, 4 * 5 * 4);
      assert.deepEqual(Array.from(px.subarray((2 * 5 + 3) * 4, (2 * 5 + 3) * 4 + 4)), [60 + 30 + 9, 60 + 30 + 10, 60 + 30 + 11, 255]);
    }
  });

  it('floats: clipped to [0, 1], int(x · 255), NaN transparent; fitsUnitRange says when an image makes sense', () => {
    const px = imageRgba([[0, 0.5, NaN, 2], [1, 1, 1, -1], [0.999, 0, 0, 0], [1, 0.5, 1, 1]], 'unit-float');
    assert.deepEqual(Array.from(px), [0, 255, 254, 255, 127, 255, 0, 127, 0, 0, 0, 0, 255, 0, 0, 255]);
    assert.equal(fitsUnitRange([[0, 1, NaN], [0.5]]), true);
    assert.equal(fitsUnitRange([[0, 1.5]]), false);
  });
});
