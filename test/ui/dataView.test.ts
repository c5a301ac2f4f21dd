// The data view as a person sees it in the browser: the heatmap of np.sin of a grid is drawn on the canvas (pixels
// not blank, many colours, a colour bar with its range), and an (H, W, 3) uint8 image shows numpy's own bytes.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { py } from '../vscode/suite/numpy';
import { keepFailure, screenshotDir, session } from './session';
import { Workbench } from './workbench';

describe('data view in the browser', () => {
  let base: string;
  let dir: string;
  let wb: Workbench | undefined;
  before(() => {
    base = mkdtempSync(path.join(os.tmpdir(), 'zeroed-npy-ui-view-'));
    dir = path.join(base, 'samples');
    mkdirSync(dir);
    py(`y, x = np.mgrid[0:240, 0:320]
np.save(sys.argv[1] + '/sin.npy', np.sin(x / 17.0) * np.cos(y / 29.0))
np.save(sys.argv[1] + '/rgb.npy', np.stack([x[:60, :80] * 3, y[:60, :80] * 4, np.full((60, 80), 200)], axis=-1).astype(np.uint8)); print(1)`, dir);
  });
  after(() => rmSync(base, { recursive: true, force: true }));
  afterEach(async function () {
    await keepFailure(wb, this.currentTest);
    await wb?.close();
    wb = undefined;
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
    wb = await session().open(dir);
    await wb.openFromExplorer('sin.npy');
    await wb.previewRendered();
    const frame = wb.preview();
    const stats = frame.locator('#view-stats');
    await stats.filter({ hasText: 'shown elements' }).waitFor();
    assert.match((await stats.textContent()) ?? '', /of the 76,800 shown elements/);
    const px = await canvasPixels(wb, 0, 0);
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
    await wb.shot(screenshotDir(), 'heatmap.png');
  });

  it('draws an (H, W, 3) uint8 image with numpy\'s bytes', async () => {
    wb = await session().open(dir);
    await wb.openFromExplorer('rgb.npy');
    await wb.previewRendered();
    const frame = wb.preview();
    await frame.locator('#view-stats').filter({ hasText: 'shown elements' }).waitFor();
    assert.equal(await frame.locator('#view-layout').inputValue(), 'rgb');
    const expected = py<number[]>('a = np.load(sys.argv[1]); print(json.dumps([int(v) for v in a[10, 20]]))', path.join(dir, 'rgb.npy'));
    const px = await canvasPixels(wb, 20, 10);
    assert.equal(px.width, 80);
    assert.deepEqual(px.at, [...expected, 255]);
  });
});
