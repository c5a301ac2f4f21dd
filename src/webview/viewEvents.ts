// The data view's document listeners, shared by the .npy and .npz webviews: controls (selects and boxes on change,
// sliders while they move), arrow keys on the canvas, hover, and drag to pan the 1:1 window. Installed once; they
// survive every re-render because they listen on the document.
import { hover, onViewInput, onViewKey, pan } from './dataView';

export function listenToDataView(doc: Document): void {
  doc.addEventListener('change', (event) => { if (event.target instanceof Element) onViewInput(doc, event.target); });
  doc.addEventListener('input', (event) => {
    if (event.target instanceof HTMLInputElement && event.target.type === 'range') onViewInput(doc, event.target);
  });
  doc.addEventListener('keydown', (event) => { if (onViewKey(doc, event)) event.preventDefault(); });
  let drag: { x: number; y: number } | undefined;
  doc.addEventListener('pointermove', (event) => {
    if (event.target instanceof HTMLCanvasElement && event.target.id === 'view-canvas') hover(doc, event.target, event.clientX, event.clientY);
  });
  doc.addEventListener('pointerdown', (event) => {
    if (event.target instanceof HTMLCanvasElement && event.target.id === 'view-canvas') drag = { x: event.clientX, y: event.clientY };
  });
  doc.addEventListener('pointerup', (event) => {
    const canvas = doc.getElementById('view-canvas');
    if (!drag || !(canvas instanceof HTMLCanvasElement)) return;
    const box = canvas.getBoundingClientRect();
    const dc = Math.round(((drag.x - event.clientX) / Math.max(1, box.width)) * canvas.width);
    const dr = Math.round(((drag.y - event.clientY) / Math.max(1, box.height)) * canvas.height);
    drag = undefined;
    if (dr !== 0 || dc !== 0) pan(doc, dr, dc);
  });
}
