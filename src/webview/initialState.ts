// Reads the host's first messages from the page (common/initialState.ts) for the page's first load only: the
// webview's saved state remembers the stamp, so a reload of the same page (the panel shown again) shows no old news.
import { INITIAL_STATE_ID, InitialState, parseInitialState } from '../common/initialState';
import { HostToWebview } from '../common/messages';
import { Doc } from './dom';

interface StateApi { getState?(): unknown; setState?(state: unknown): void }

/** The embedded messages to render now (marked as shown in the webview's state), or undefined. */
export function takeInitialState(doc: Doc, api: StateApi): InitialState<HostToWebview> | undefined {
  const template = doc.getElementById(INITIAL_STATE_ID);
  const state = parseInitialState<HostToWebview>(template?.tagName === 'TEMPLATE' ? (template as HTMLTemplateElement).content.textContent : undefined);
  if (!state) return undefined;
  const saved = api.getState?.() as { shownStamp?: unknown } | undefined;
  if (saved?.shownStamp === state.stamp) return undefined;
  api.setState?.({ ...(typeof saved === 'object' && saved !== null ? saved : {}), shownStamp: state.stamp });
  return state;
}
