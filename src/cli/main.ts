// Entry point of dist/cli.js. Exit codes: 0 success, 1 the operation failed (one `error:` line on stderr,
// never a stack trace), 2 wrong usage (error line + usage).
import * as nodeModule from 'node:module';
import { Command, parseCommand, USAGE_LINES, UsageError } from './args';
import { helpText } from './help';
import { Io, printable, writeToFd } from './output';
import { packageVersion } from './version';

export async function run(argv: readonly string[], io: Io): Promise<number> {
  let cmd: Command;
  try {
    cmd = parseCommand(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`error: ${printable(e.message)}\n${USAGE_LINES.join('\n')}\n`);
      return 2;
    }
    throw e;
  }
  try {
    switch (cmd.kind) {
      case 'help': io.stdout(`${helpText(cmd.topic)}\n`); break;
      case 'version': io.stdout(`${packageVersion()}\n`); break;
      // Each command's code (and the Node modules it needs: crypto, zlib, streams, yauzl) loads only when run.
      case 'create': await (await import('./create')).runCreate(cmd, io); break;
      case 'inspect': await (await import('./inspect')).runInspect(cmd, io); break;
      case 'resize': await (await import('./resize')).runResize(cmd, io); break;
    }
    return 0;
  } catch (e) {
    io.stderr(`${errorLine(e)}\n`);
    return 1;
  }
}

/** One line, whatever was thrown: NpyError sentences as they are, anything else by its first line. */
export function errorLine(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const first = (message.split('\n').find((l) => l.trim() !== '') ?? 'unknown error').trim();
  return `error: ${printable(first)}`;
}

function main(): void {
  // Node ≥ 22.1 keeps compiled code of our bundles between runs (in the OS temp folder; NODE_DISABLE_COMPILE_CACHE=1
  // turns it off); older Node has no such function. Before any command's bundle loads.
  (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  // Output goes straight to the file descriptors: merely touching process.stdout/stderr loads Node's stream and tty
  // modules (+5% start-up for `--version`). Windows consoles need process.stdout's WriteConsoleW for Unicode.
  const direct = process.platform !== 'win32';
  const io: Io = {
    stdout: direct ? (t) => writeToFd(1, t) : (t) => void process.stdout.write(t),
    stderr: direct ? (t) => writeToFd(2, t) : (t) => void process.stderr.write(t),
    // Only a full allocation's progress asks, so only then is the tty module loaded.
    get stderrIsTty() { return process.stderr.isTTY === true; },
  };
  // `zeroed-npy inspect x --json | head` closes stdout early: that is not an error worth a trace (writeToFd exits
  // quietly on EPIPE itself).
  if (!direct) {
    process.stdout.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    });
  }
  const fail = (e: unknown): void => {
    io.stderr(`${errorLine(e)}\n`);
    process.exit(1);
  };
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  run(process.argv.slice(2), io).then((code) => { process.exitCode = code; }, fail);
}

if (require.main === module) main();
