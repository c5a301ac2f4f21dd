// The shapes of bench/results.json: every number in BENCHMARKS.md comes from here, samples included.
import type { Summary } from './stats';

export interface Measured {
  id: string;
  label: string;
  kind: 'in-process' | 'process';
  /** The command line for process rows (shown in the report). */
  command?: string;
  /** Timed samples, ms. */
  samples: number[];
  summary: Summary;
  /** stat blocks × 512 of the file after the last run. */
  allocatedBytes?: number;
  /** Bytes read from the file (one separate counted run). */
  bytesRead?: number;
  readCalls?: number;
  /** How bytesRead was counted ('node:fs': FileHandle reads and fs.readSync; 'FileHandle' in older results). */
  readCountedBy?: 'node:fs' | 'FileHandle' | 'strace' | 'report';
  /** Bytes handled per run, for throughput rows. */
  bytes?: number;
}

export interface BenchConfig {
  /** Where the files are made (one file system; see machine.fileSystem). */
  dir: string;
  runs: number;
  /** In-process inspect rows (microseconds each, so many more samples; absent in older results). */
  inspectRuns: number;
  procRuns: number;
  warmup: number;
  fullRuns: number;
  fullSizesGiB: number[];
  editorSessions: number;
  editorOpens: number;
}

export const GiB = 1 << 30;
