// What the preview webview renders. The host computes every string (formatted numbers, localized labels);
// the webview only places them in the DOM, so it never needs the core or a number formatter.

/** Every value cell carries data-key="<one of these>" (tests inside VS Code read them). */
export const VALUE_KEYS = [
  'fileName', 'status', 'statusMessage',
  'dtypeName', 'dtypeDescription', 'descr', 'shape', 'ndim', 'order', 'elementCount',
  'headerBytes', 'dataBytes', 'expectedFileBytes', 'fileBytes', 'allocatedBytes', 'sparseRatio',
  'version', 'dataOffset', 'alignment', 'growthRoom',
] as const;
export type ValueKey = typeof VALUE_KEYS[number];

/** Keys shown in the summary above the tables; the rest live in sections. */
export const SUMMARY_KEYS = ['fileName', 'status', 'statusMessage'] as const;

export type BadgeKind = 'ok' | 'warning' | 'error' | 'info';
export interface Badge { kind: BadgeKind; text: string }

export interface ViewSection { id: string; title: string; keys: ValueKey[] }

export interface FieldRow { name: string; descr: string; offset: string; size: string; shape: string }

export type ActionId = 'copy-json' | 'copy-python' | 'copy-rust' | 'create-like';

export interface PreviewLabels {
  actions: Record<ActionId, string>;
  actionsRegion: string;
  fieldsTitle: string;
  fieldColumns: { name: string; descr: string; offset: string; size: string; shape: string };
  headerTitle: string;
}

export interface PreviewViewModel {
  badge: Badge;
  values: Record<ValueKey, string>;
  /** Row labels ("Element count", …) for the keys shown in sections. */
  labels: Record<ValueKey, string>;
  sections: ViewSection[];
  fields: FieldRow[] | null;
  headerText: string;
  /** False for object arrays: a zeroed file cannot hold Python objects. */
  canCreateLike: boolean;
  ui: PreviewLabels;
}

export interface ErrorViewModel {
  fileName: string;
  badge: Badge;
  /** One sentence; goes into #error-message. */
  message: string;
}
