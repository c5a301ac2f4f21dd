// Open preview panels, for the test API returned by activate(): what each shows and how often it rendered.
import { NpyReportJson } from '../core/file/inspect';

export interface PreviewSnapshot { uri: string; report?: NpyReportJson; error?: string; renders: number }

export interface PreviewEntry {
  snapshot(): PreviewSnapshot;
  /** Re-read the file now (after our own change to it), if this entry shows `uri`. */
  refreshIfShowing?(uri: string): void;
}

export class PreviewRegistry {
  private readonly entries = new Set<PreviewEntry>();

  add(e: PreviewEntry): { dispose(): void } {
    this.entries.add(e);
    return { dispose: () => { this.entries.delete(e); } };
  }

  /** Every preview of `uri` re-reads its file (a watcher would too, later and not on every file system). */
  refresh(uri: string): void {
    for (const e of this.entries) e.refreshIfShowing?.(uri);
  }

  snapshots(): PreviewSnapshot[] {
    return [...this.entries].map((e) => e.snapshot());
  }
}
