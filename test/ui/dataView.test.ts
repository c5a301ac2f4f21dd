// The data view as a person sees it in the browser: the heatmap of np.sin of a grid is drawn on the canvas (pixels
// not blank, many colours, a colour bar with its range), an (H, W, 3) uint8 image shows numpy's own bytes, and a
// sparse array a job has partly filled shows its filled rows over the zeros still to come. Each is a README picture.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { py } from '../vscode/suite/numpy';
import { screenshotDir, session, uiSuite } from './session';
import { Workbench } from './workbench';

describe('data view in the browser', () => {
  const ui = uiSuite('view', {
    setup: (dir) => {
      py(`y, x = np.mgrid[0:240, 0:320]
np.save(sys.argv[1] + '/sin.npy', np.sin(x / 17.0) * np.cos(y / 29.0))
# A colourful test card: three phase-shifted waves, one per channel.
r = np.hypot(x - 160, y - 120)
img = np.stack([np.sin(r / 9.0), np.sin(x / 23.0 + 2.1), np.cos(y / 17.0 - r / 40.0)], axis=-1)
np.save(sys.argv[1] + '/rgb.npy', np.round((img + 1) * 127.5).astype(np.uint8))
# A job's output: 2,048 × 4,096 float32 (32 MiB), sparse, its first 700 rows written through a memory map.
a = np.lib.format.open_memmap(sys.argv[1] + '/job.npy', mode='w+', dtype='<f4', shape=(2048, 4096))
yy, xx = np.mgrid[0:700, 0:4096]
a[:700] = np.sin(xx / 150.0) * np.cos(yy / 90.0) + yy / 700.0
a.flush(); del a; print(1)`, dir);
    },
  });

  /** Distinct colours on the canvas and the RGBA at (x, y), read back from the page. */
  async function canvasPixels(w: Workbench, x: number, y: number): Promise<{ width: number; height: number; colours: number; at: number[] }> {
    return w.preview().locator('#view-canvas').evaluate((c: HTMLCanvasElement, [px, py]) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < d.length; i += 4) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
      const o = (py * c.width + px) * 4;
      return { width: c.width, height: c.height, colours: seen.size, at: [d[o], d[o + 1], d[o + 2], d[o + 3]] };
    }, [x, y]);
  }

  it('draws the heatmap of np.sin of a grid with a colour bar and the statistics', async () => {
    ui.wb = await session().open(ui.dir);
    await ui.wb.openFromExplorer('sin.npy');
    await ui.wb.previewRendered();
    const frame = ui.wb.preview();
    const stats = frame.locator('#view-stats');
    await stats.filter({ hasText: 'shown elements' }).waitFor();
    assert.match((await stats.textContent()) ?? '', /of the 76,800 shown elements/);
    const px = await canvasPixels(ui.wb, 0, 0);
    assert.equal(px.width, 320);
    assert.equal(px.height, 240);
    assert.ok(px.colours > 100, `a smooth field shows many colours, saw ${px.colours}`);
    // sin·cos spans both signs: the diverging map, its range symmetric around zero.
    assert.equal(await frame.locator('#view-colormap-name').textContent(), 'coolwarm');
    const low = Number(await frame.locator('#view-low-label').textContent());
    const high = Number(await frame.locator('#view-high-label').textContent());
    assert.ok(high > 0.99 && low === -high, `range ${low}…${high}`);
    assert.equal(await frame.locator('canvas.view-colorbar-strip').count(), 1);
    await frame.locator('#h-data-view').scrollIntoViewIfNeeded();
    await ui.wb.shot(screenshotDir(), 'heatmap.png');
  });

  it('draws an (H, W, 3) uint8 image with numpy\'s bytes', async () => {
    ui.wb = await session().open(ui.dir);
    await ui.wb.openFromExplorer('rgb.npy');
    await ui.wb.previewRendered();
    const frame = ui.wb.preview();
    await frame.locator('#view-stats').filter({ hasText: 'shown elements' }).waitFor();
    assert.equal(await frame.locator('#view-layout').inputValue(), 'rgb');
    const expected = py<number[]>('a = np.load(sys.argv[1]); print(json.dumps([int(v) for v in a[10, 20]]))', path.join(ui.dir, 'rgb.npy'));
    const px = await canvasPixels(ui.wb, 20, 10);
    assert.equal(px.width, 320);
    assert.deepEqual(px.at, [...expected, 255]);
    assert.ok(px.colours > 1000, `a test card shows many colours, saw ${px.colours}`);
    await frame.locator('#h-data-view').scrollIntoViewIfNeeded();
    await ui.wb.shot(screenshotDir(), 'image.png');
  });

  it('shows a partly filled sparse array: the written rows over the zeros still to come', async () => {
    ui.wb = await session().open(ui.dir);
    await ui.wb.openFromExplorer('job.npy');
    await ui.wb.previewRendered();
    const frame = ui.wb.preview();
    const stats = frame.locator('#view-stats');
    await stats.filter({ hasText: 'shown elements' }).waitFor();
    const label = (await frame.locator('#view-label').textContent()) ?? '';
    const step = Number(/every (\d+)/.exec(label)?.[1]);
    assert.ok(step > 1, `a fit view of 2,048 × 4,096 strides: ${label}`);
    const px = await canvasPixels(ui.wb, 0, 0);
    // Rows past the written 700 are zeros, one colour; the written rows hold many.
    const band = await frame.locator('#view-canvas').evaluate((c: HTMLCanvasElement, firstZeroRow) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      const colours = (from: number, to: number): number => {
        const seen = new Set<number>();
        for (let i = from * c.width * 4; i < to * c.width * 4; i += 4) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
        return seen.size;
      };
      return { written: colours(0, firstZeroRow - 1), rest: colours(firstZeroRow, c.height) };
    }, Math.ceil(700 / step));
    assert.equal(px.height, Math.ceil(2048 / step));
    assert.ok(band.written > 50, `the written rows show many colours, saw ${band.written}`);
    assert.equal(band.rest, 1, 'the rows still to come are zeros: one colour');
    const ratio = await ui.wb.cell('sparseRatio');
    assert.match(ratio, /^sparse: /, `the file is sparse: ${ratio}`);
    await frame.locator('#h-data-view').scrollIntoViewIfNeeded();
    await ui.wb.shot(screenshotDir(), 'sparse-job.png');
  });

  it('float images: drawn as RGB while numpy\'s values lie in [0, 1], else channel 0 as a heatmap with a sentence', async () => {
    py(`rng = np.random.default_rng(3)
np.save(sys.argv[1] + '/unit.npy', rng.random((40, 50, 3)))
np.save(sys.argv[1] + '/wide.npy', rng.standard_normal((40, 50, 3))); print(1)`, ui.dir);
    ui.wb = await session().open(ui.dir);
    await ui.wb.openFromExplorer('unit.npy');
    await ui.wb.previewRendered();
    let frame = ui.wb.preview();
    await frame.locator('#view-stats').filter({ hasText: 'shown elements' }).waitFor();
    assert.equal(await frame.locator('#view-layout').inputValue(), 'rgb');
    const expected = py<number[]>('a = np.load(sys.argv[1]); print(json.dumps([int(v) for v in (np.clip(a[5, 7], 0, 1) * 255).astype(np.uint8)]))', path.join(ui.dir, 'unit.npy'));
    assert.deepEqual((await canvasPixels(ui.wb, 7, 5)).at, [...expected, 255], 'imshow\'s bytes');
    assert.equal(await frame.locator('#view-image-note').count(), 0);

    await ui.wb.openFromExplorer('wide.npy');
    frame = ui.wb.preview();
    const note = frame.locator('#view-image-note');
    await note.waitFor();
    assert.match((await note.textContent()) ?? '', /^Drawn as a heatmap of one channel: the shown values run from -\d.* to \d.*, outside the \[0, 1\]/);
    assert.equal(await frame.locator('#view-layout').inputValue(), 'heatmap');
    await frame.locator('#view-stats').filter({ hasText: 'of the 2,000 shown elements' }).waitFor();
    const px = await canvasPixels(ui.wb, 0, 0);
    assert.deepEqual([px.width, px.height], [50, 40], 'rows × columns of one channel');
    assert.ok(px.colours > 100, `a heatmap of normal noise shows many colours, saw ${px.colours}`);
  });

  it('an .npz: a stored member gets the Picture with numpy\'s bytes, a compressed one a sentence beside its values', async () => {
    py(`y, x = np.mgrid[0:60, 0:80]
np.savez(sys.argv[1] + '/stored.npz', grid=np.sin(x / 7.0) * np.cos(y / 11.0),
    rgb=np.stack([x * 3, y * 4, np.full((60, 80), 200)], axis=-1).astype(np.uint8))
np.savez_compressed(sys.argv[1] + '/packed.npz', grid=np.arange(12.0).reshape(3, 4)); print(1)`, ui.dir);
    ui.wb = await session().open(ui.dir);
    await ui.wb.openFromExplorer('stored.npz');
    await ui.wb.previewRendered();
    let frame = ui.wb.preview();
    await frame.locator('button.member', { hasText: 'grid.npy' }).click();
    await frame.locator('#member-detail #view-stats').filter({ hasText: 'of the 4,800 shown elements' }).waitFor();
    const grid = await canvasPixels(ui.wb, 0, 0);
    assert.deepEqual([grid.width, grid.height], [80, 60]);
    assert.ok(grid.colours > 100, `a smooth field shows many colours, saw ${grid.colours}`);
    await frame.locator('button.member', { hasText: 'rgb.npy' }).click();
    await frame.locator('tr.selected button.member', { hasText: 'rgb.npy' }).waitFor();
    await frame.locator('#view-stats').filter({ hasText: 'of the 14,400 shown elements' }).waitFor();
    assert.equal(await frame.locator('#view-layout').inputValue(), 'rgb');
    const expected = py<number[]>(`with np.load(sys.argv[1]) as z:
    print(json.dumps([int(v) for v in z['rgb'][10, 20]]))`, path.join(ui.dir, 'stored.npz'));
    assert.deepEqual((await canvasPixels(ui.wb, 20, 10)).at, [...expected, 255]);

    await ui.wb.openFromExplorer('packed.npz');
    frame = ui.wb.preview();
    await frame.locator('button.member', { hasText: 'grid.npy' }).click();
    const why = frame.locator('#view-unavailable');
    await why.waitFor();
    assert.match((await why.textContent()) ?? '', /^grid\.npy is compressed \(np\.savez_compressed\), so its elements cannot be read in place/);
    assert.equal(await frame.locator('#member-detail #values-table').isVisible(), true, 'the values table stays');
    assert.equal(await frame.locator('#view-canvas').count(), 0);
  });
});
