// The host's first messages, embedded in the page it builds so the page paints without waiting for a round trip
// (ready → host → report). JSON text inside an inert <template>, escaped like every other interpolation; the
// stamp names the embedded state, so the host knows whether the page's 'ready' still needs an answer.
export interface InitialState<M> { stamp: number; messages: M[] }

/** The id of the <template> that carries the JSON. */
export const INITIAL_STATE_ID = 'initial-state';

/** The embedded state from the template's text, or undefined for anything that is not one (never throws). */
export function parseInitialState<M extends { type: string }>(text: string | null | undefined): InitialState<M> | undefined {
  if (!text) return undefined;
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof v !== 'object' || v === null) return undefined;
  const { stamp, messages } = v as { stamp?: unknown; messages?: unknown };
  if (typeof stamp !== 'number' || !Array.isArray(messages)) return undefined;
  if (!messages.every((m) => typeof m === 'object' && m !== null && typeof (m as { type?: unknown }).type === 'string')) return undefined;
  return { stamp, messages: messages as M[] };
}
