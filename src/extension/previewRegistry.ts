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
  private readonly renderListeners = new Set<(s: PreviewSnapshot) => void>();

  add(e: PreviewEntry): { dispose(): void } {
    this.entries.add(e);
    return { dispose: () => { this.entries.delete(e); } };
  }

  /** Every preview of `uri` re-reads its file (a watcher would too, later and not on every file system). */
  refresh(uri: string): void {
    for (const e of this.entries) e.refreshIfShowing?.(uri);
  }

  /**
   * Calls listener with the entry's snapshot each time a page reports a render. The benchmark waits on it: polling
   * previews() every millisecond in the extension host cost the preview ~6 ms per open that the floor rows,
   * which wait on a message, do not pay.
   */
  onDidRender(listener: (s: PreviewSnapshot) => void): { dispose(): void } {
    this.renderListeners.add(listener);
    return { dispose: () => { this.renderListeners.delete(listener); } };
  }

  /** An entry's page reported a render. */
  rendered(e: PreviewEntry): void {
    if (this.renderListeners.size === 0) return;
    const s = e.snapshot();
    for (const l of this.renderListeners) l(s);
  }

  snapshots(): PreviewSnapshot[] {
    return [...this.entries].map((e) => e.snapshot());
  }
}
