// Open preview panels, for the test API returned by activate(): what each shows and how often it rendered.
import { NpyReportJson } from '../core/inspect';

export interface PreviewSnapshot { uri: string; report?: NpyReportJson; error?: string; renders: number }

export interface PreviewEntry { snapshot(): PreviewSnapshot }

export class PreviewRegistry {
  private readonly entries = new Set<PreviewEntry>();

  add(e: PreviewEntry): { dispose(): void } {
    this.entries.add(e);
    return { dispose: () => { this.entries.delete(e); } };
  }

  snapshots(): PreviewSnapshot[] {
    return [...this.entries].map((e) => e.snapshot());
  }
}
