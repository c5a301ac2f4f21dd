// The test API's render event: what the benchmark and the extension-host tests wait on instead of polling.
import * as assert from 'node:assert/strict';
import { PreviewRegistry, PreviewSnapshot } from '../../../src/extension/previewRegistry';

function entry(uri: string): { snapshot(): PreviewSnapshot; renders: number } {
  const e = { renders: 0, snapshot: () => ({ uri, renders: e.renders }) };
  return e;
}

describe('PreviewRegistry.onDidRender', () => {
  it("calls each listener with the rendering entry's snapshot as it is then, until the listener is disposed", () => {
    const registry = new PreviewRegistry();
    const a = entry('file:///a.npy');
    const b = entry('file:///b.npy');
    registry.add(a);
    registry.add(b);
    const seen: PreviewSnapshot[] = [];
    const listener = registry.onDidRender((s) => seen.push(s));
    a.renders = 1;
    registry.rendered(a);
    b.renders = 1;
    registry.rendered(b);
    a.renders = 2;
    registry.rendered(a);
    assert.deepEqual(seen, [{ uri: 'file:///a.npy', renders: 1 }, { uri: 'file:///b.npy', renders: 1 }, { uri: 'file:///a.npy', renders: 2 }]);
    listener.dispose();
    registry.rendered(a);
    assert.equal(seen.length, 3);
  });

  it('takes no snapshot when nobody listens', () => {
    const registry = new PreviewRegistry();
    let taken = 0;
    registry.rendered({ snapshot: () => { taken++; return { uri: 'file:///a.npy', renders: 1 }; } });
    assert.equal(taken, 0);
  });
});
