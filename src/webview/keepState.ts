// A refresh re-renders the whole page from the host's new model; what the user had set on the page itself
// (an opened <details>, the focused control, the scroll position) is put back, so a change on disk never
// closes "Format" or throws keyboard focus to the top.
import { Doc } from './dom';

export function keepViewState(doc: Doc, render: () => void): void {
  const open = [...doc.querySelectorAll('details[id]')].filter((d) => (d as HTMLDetailsElement).open).map((d) => d.id);
  const active = doc.activeElement;
  const focused = active && active !== doc.body && active.id ? active.id : null;
  const win = doc.defaultView;
  const x = win?.scrollX ?? 0;
  const y = win?.scrollY ?? 0;
  render();
  for (const id of open) {
    const d = doc.getElementById(id);
    if (d?.tagName === 'DETAILS') (d as HTMLDetailsElement).open = true;
  }
  if (focused) (doc.getElementById(focused) as HTMLElement | null)?.focus();
  // The old and new pages are built in one task, so the browser usually keeps the offset; restore it if not.
  if (win && (win.scrollX !== x || win.scrollY !== y)) win.scrollTo(x, y);
}
