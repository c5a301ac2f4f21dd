// "Whole array" statistics as a person meets them in the browser: the button, the sentence saying how much it
// reads, Start from the keyboard, then the result line over every element — whose mean is numpy's.
import * as assert from 'node:assert/strict';
import { py } from '../vscode/suite/numpy';
import { session, uiSuite } from './session';

describe('whole-array statistics in the browser', () => {
  let mean: number;
  const ui = uiSuite('whole', {
    setup: (dir) => {
      // 1000 × 1200 float64: the picture shows every 3rd row and column, the whole array all 1,200,000 elements.
      mean = py<number>(`y, x = np.mgrid[0:1000, 0:1200]
a = np.sin(x / 17.0) * np.cos(y / 29.0) + 0.25
np.save(sys.argv[1] + '/wide.npy', a); print(json.dumps(float(a.mean())))`, dir);
    },
  });

  it('says what it reads, starts from the keyboard and shows numpy\'s mean of every element', async () => {
    ui.wb = await session().open(ui.dir);
    await ui.wb.openFromExplorer('wide.npy');
    await ui.wb.previewRendered();
    const frame = ui.wb.preview();
    await frame.locator('#view-stats').filter({ hasText: 'shown elements' }).waitFor();
    assert.doesNotMatch((await frame.locator('#view-stats').textContent()) ?? '', /1,200,000/, 'the picture shows a stride, not every element');
    await frame.locator('#view-whole-open').click();
    assert.equal(await frame.locator('#view-whole-reads').textContent(), 'Reads 9.16 MiB — all of the array\'s data.');
    // Start has the focus: Enter starts.
    await frame.locator('#view-whole-start').waitFor();
    await ui.wb.page.keyboard.press('Enter');
    const result = frame.locator('#view-whole-result');
    await result.waitFor({ timeout: 60_000 });
    const text = (await result.textContent()) ?? '';
    assert.match(text, /^Whole array: min .* · NaN 0 · ±Inf 0 · zeros \d+ — of all 1,200,000 elements\.$/);
    const shown = Number(/mean (\S+)/.exec(text)![1]);
    assert.ok(Math.abs(shown - mean) <= 1e-5 * Math.abs(mean), `mean ${shown} vs numpy ${mean}`);
  });
});
