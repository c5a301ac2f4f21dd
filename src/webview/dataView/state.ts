// The data view's state in the webview, shared by its parts (controls, drawing, cursor, table): the user's choices
// survive re-renders of the report while the shape stays the same; the rest belongs to the picture being shown.
import { ElementRequest, ViewDone, ViewRequest, ViewSetup, ViewStart, WholeRequest } from '../../common/viewMessages';
import { ColormapName } from '../../common/colormaps';
import { Doc } from '../dom';

export type Post = (m: ViewRequest | ElementRequest | WholeRequest) => void;
export type Layout = 'heatmap' | 'rgb' | 'chw';

export interface Choices {
  shapeKey: string;
  rowAxis: number | null;
  colAxis: number;
  index: string[];
  layout: Layout;
  colormap: ColormapName | null; // null: the default for the range
  range: 'auto' | 'robust' | 'typed';
  low: string;
  high: string;
  zoom: 'fit' | 'window';
  row0: number;
  col0: number;
  field?: string;
  part?: ViewRequest['part'];
  table: boolean;
  /** The user picked the layout (else float images fall back to a heatmap when outside [0, 1]), and whether that fallback happened. */
  layoutChosen: boolean;
  outOfRange: { low: number; high: number } | null;
}

/** One object (not exported lets) so every part reads and writes the same state. */
export const view: {
  post: Post;
  setup: ViewSetup | undefined;
  choices: Choices | undefined;
  nextId: number;
  start: ViewStart | undefined;
  done: ViewDone | undefined;
  values: Float64Array;
  received: number; // rows received of channel 0 (progressive drawing)
  cursor: { r: number; c: number };
} = {
  post: () => undefined, setup: undefined, choices: undefined, nextId: 1, start: undefined, done: undefined,
  values: new Float64Array(0), received: 0, cursor: { r: 0, c: 0 },
};

export function ndim(): number { return view.setup?.shape.length ?? 0; }

export function chwPossible(s: ViewSetup): boolean {
  const n = s.shape.length;
  return n >= 3 && (s.shape[n - 3] === '3' || s.shape[n - 3] === '4');
}

export function defaults(s: ViewSetup): Choices {
  const n = s.shape.length;
  return {
    shapeKey: s.shape.join(','), rowAxis: n >= 2 ? n - 2 - (s.image ? 1 : 0) : null, colAxis: n - 1 - (s.image ? 1 : 0),
    index: s.shape.map(() => '0'), layout: s.image ? 'rgb' : 'heatmap', colormap: null, range: 'auto', low: '', high: '',
    zoom: 'fit', row0: 0, col0: 0, ...(s.fields.length ? { field: s.fields[0] } : {}), ...(s.complex ? { part: 'abs' as const } : {}), table: false,
    layoutChosen: false, outOfRange: null,
  };
}

export function channelAxis(c: Choices): number | undefined {
  const n = ndim();
  return c.layout === 'rgb' ? n - 1 : c.layout === 'chw' ? n - 3 : undefined;
}

export function text(doc: Doc, id: string, s: string): void {
  const e = doc.getElementById(id);
  if (e) e.textContent = s;
}

export function numText(x: number): string {
  return x !== x ? 'nan' : x === Infinity ? 'inf' : x === -Infinity ? '-inf' : String(x);
}
