// Reads the host's first messages from the page (common/initialState.ts) and renders them on the page's first
// load only: the webview's saved state remembers the stamp, so a reload of the same page does not show old news.
import { INITIAL_STATE_ID, parseInitialState } from '../common/initialState';
import { HostToWebview } from '../common/messages';
import { Doc } from './dom';

interface StateApi { getState?(): unknown; setState?(state: unknown): void }

/** Hands the embedded messages to `render` in order and returns their stamp; undefined if there were none to show. */
export function showInitialState(doc: Doc, api: StateApi, render: (m: HostToWebview) => void): number | undefined {
  const template = doc.getElementById(INITIAL_STATE_ID);
  const state = parseInitialState<HostToWebview>(template?.tagName === 'TEMPLATE' ? (template as HTMLTemplateElement).content.textContent : undefined);
  if (!state) return undefined;
  const saved = api.getState?.() as { shownStamp?: unknown } | undefined;
  if (saved?.shownStamp === state.stamp) return undefined;
  for (const m of state.messages) render(m);
  api.setState?.({ ...(typeof saved === 'object' && saved !== null ? saved : {}), shownStamp: state.stamp });
  return state.stamp;
}
