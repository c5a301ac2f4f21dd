// The machine the numbers belong to: CPU, cores, RAM, the file system the files were made on, kernel, and the
// versions of everything measured.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../test/helpers/paths';

export interface Machine {
  cpu: string; cores: number; ramBytes: number; virtualization: string | null;
  os: string; kernel: string; fileSystem: string; node: string; python: string; numpy: string;
  coreutils: string; utilLinux: string; strace: string; codeServer: string | null; chromium: string | null;
}

function first(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return r.status === 0 ? `${r.stdout}${r.stderr}`.trim().split('\n')[0]!.trim() : 'unavailable';
}

export function describeMachine(dir: string): Machine {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const osRelease = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '';
  const hyper = /Hypervisor vendor:\s*(.+)/.exec(first('sh', ['-c', 'lscpu | grep -i "hypervisor vendor"']));
  const csPkg = join(repoRoot, 'test', 'tools', 'code-server', 'node_modules', 'code-server', 'package.json');
  const fs = first('findmnt', ['-n', '-o', 'FSTYPE,SOURCE,OPTIONS', '-T', dir]).split(/\s+/);
  return {
    cpu: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    ramBytes: os.totalmem(),
    virtualization: hyper?.[1]?.trim() ?? null,
    os: /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(osRelease)?.[1] ?? `${os.type()} ${os.release()}`,
    kernel: `${os.type()} ${os.release()} ${os.arch()}`,
    fileSystem: `${fs[0]} on ${fs[1]} (${dir}; ${fs[2] ?? ''})`,
    node: process.version,
    python: first('python3', ['--version']),
    numpy: first('python3', ['-c', 'import numpy; print(numpy.__version__)']),
    coreutils: first('truncate', ['--version']),
    utilLinux: first('fallocate', ['--version']),
    strace: first('strace', ['-V']),
    codeServer: existsSync(csPkg) ? (JSON.parse(readFileSync(csPkg, 'utf8')) as { version: string }).version : null,
    chromium: existsSync('/usr/bin/chromium') ? first('/usr/bin/chromium', ['--version']) : null,
  };
}
