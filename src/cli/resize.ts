// `zeroed-npy resize`: thin over resizeNpy. A summary line ("grew axis 0 from 100,000 to 250,000: +1.1 GiB
// logical, 0 B more on disk"), or the inspect report of the resized file with --json.
// Test hook: ZEROED_NPY_TEST_KILL_AFTER=extended|header-written|cut makes the process SIGKILL itself right after
// that step, so tests can show that a resize killed between its steps leaves a file numpy loads.
import { NpyError } from '../core/errors';
import { reportToJson } from '../core/file/inspect';
import { resizeNpy, ResizeResult, ResizeStep } from '../core/file/resize';
import { shapeRepr } from '../core/format/shape';
import { formatBytes } from '../core/units';
import type { ResizeCommand } from './args';
import { Io, printable, toJson } from './output';

export async function runResize(cmd: ResizeCommand, io: Io): Promise<void> {
  const killAfter = process.env.ZEROED_NPY_TEST_KILL_AFTER;
  const onStep = killAfter ? (step: ResizeStep): void => { if (step === killAfter) process.kill(process.pid, 'SIGKILL'); } : undefined;
  let result: ResizeResult;
  try {
    result = await resizeNpy({ path: cmd.file, shape: cmd.shape, fit: cmd.fit, force: cmd.force, onStep });
  } catch (e) {
    // The core says "allow cutting (--force)"; here the flag is the whole advice.
    if (e instanceof NpyError && e.code === 'needs-force') throw new NpyError('needs-force', e.message.replace('allow cutting (--force) to go ahead', 'pass --force to go ahead'));
    throw e;
  }
  io.stdout(`${cmd.json ? toJson(reportToJson(result.report)) : resizeSummary(result)}\n`);
}

export function resizeSummary(r: ResizeResult): string {
  const { plan } = r;
  const file = printable(r.report.path);
  if (plan.kind === 'unchanged' && plan.cutBytes === 0n) return `${file} already has the shape ${shapeRepr(plan.oldShape)}; nothing was changed.`;
  const past = plan.summary.replace(/^grows/, 'grew').replace(/^shrinks/, 'shrank').replace(/^reshapes/, 'reshaped')
    .replace(/^sets/, 'set').replace(/^keeps/, 'kept').replace('; cuts', '; cut');
  let disk = '';
  if (r.allocatedBefore !== null && r.allocatedAfter !== null) {
    const d = r.allocatedAfter - r.allocatedBefore;
    disk = d >= 0n ? `, ${formatBytes(d)} more on disk` : `, ${formatBytes(-d)} less on disk`;
  }
  return `Resized ${file}: ${past}${disk}. Now ${shapeRepr(plan.newShape)}, ${formatBytes(r.report.fileBytes)} (${printable(r.report.statusMessage)})`;
}
