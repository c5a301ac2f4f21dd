// Starts code-server (VS Code server + web workbench) on 127.0.0.1 in a throw-away profile, the way the tests and
// `npm start` need it, and always stops it again. Nothing here talks to anything but 127.0.0.1.
import { ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { childEnv } from '../../../scripts/lib/childEnv';
import { procStatFields } from '../../../src/core/file/procStat';
import { CODE_SERVER_ENTRY, NODE24, NODE24_HOME } from './tools';

const execFileP = promisify(execFile);

export interface CodeServerOptions {
  /** Fixed port; a free one when absent. */
  port?: number;
  /** `--vscode-option enable-smoke-test-driver`: lets the workbench honour the `payload` URL parameter. */
  smokeTestDriver?: boolean;
  /** Extra environment for the server and so for the extension host (e.g. where tests write results). */
  env?: Record<string, string>;
  /** Reuse a prepared profile (extensions already installed into it); a new one when absent. */
  profile?: Profile;
  /** Keep the profile folder after stop() (npm start wants the user's settings to survive a restart). */
  keepProfile?: boolean;
  /** How long to wait for "HTTP server listening on". */
  startTimeoutMs?: number;
}

/** The throw-away folders one code-server instance uses. */
export interface Profile {
  root: string;
  userDataDir: string;
  extensionsDir: string;
  configFile: string;
  tmpDir: string;
  xdgConfig: string;
  xdgData: string;
}

export function createProfile(root?: string): Profile {
  const dir = root ?? mkdtempSync(path.join(os.tmpdir(), 'zeroed-npy-cs-'));
  const p: Profile = {
    root: dir,
    userDataDir: path.join(dir, 'user-data'),
    extensionsDir: path.join(dir, 'extensions'),
    configFile: path.join(dir, 'config.yaml'),
    tmpDir: path.join(dir, 'tmp'),
    xdgConfig: path.join(dir, 'xdg-config'),
    xdgData: path.join(dir, 'xdg-data'),
  };
  for (const d of [p.userDataDir, p.extensionsDir, p.tmpDir, p.xdgConfig, p.xdgData]) mkdirSync(d, { recursive: true });
  // Our own config file, so a user's ~/.config/code-server/config.yaml (password auth, other port) never applies.
  writeFileSync(p.configFile, 'auth: none\ncert: false\n');
  return p;
}

/** Writes the user settings of a profile (theme, no tips/walkthroughs) before the server starts. */
export function writeUserSettings(p: Profile, settings: Record<string, unknown>): void {
  const dir = path.join(p.userDataDir, 'User');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(settings, null, 2));
}

/** Our environment without what npm exported to us (childEnv), plus what code-server needs. */
function serverEnv(p: Profile, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return childEnv(process.env, {
    // Node 24 first: the server, its extension host and `code-server` helpers all run on it.
    PATH: `${path.join(NODE24_HOME, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`,
    TMPDIR: p.tmpDir,
    XDG_CONFIG_HOME: p.xdgConfig,
    XDG_DATA_HOME: p.xdgData,
    // An empty gallery: otherwise the server calls out to a marketplace.
    EXTENSIONS_GALLERY: '{}',
    ...extra,
  });
}

function commonArgs(p: Profile): string[] {
  return ['--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--user-data-dir', p.userDataDir, '--extensions-dir', p.extensionsDir, '--config', p.configFile];
}

/** Installs a .vsix into the profile with code-server's own CLI, as a user would (--force: replaces the same version). */
export async function installExtension(p: Profile, vsix: string): Promise<string> {
  const { stdout, stderr } = await execFileP(NODE24, [CODE_SERVER_ENTRY, ...commonArgs(p), '--install-extension', vsix, '--force'],
    { env: serverEnv(p), timeout: 120_000 });
  const out = `${stdout}${stderr}`;
  if (!/successfully installed/i.test(out)) throw new Error(`code-server did not install ${vsix}:\n${out}`);
  return out;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

export class CodeServer {
  private exited = false;
  private constructor(
    readonly port: number,
    readonly profile: Profile,
    private readonly proc: ChildProcess,
    private readonly keepProfile: boolean,
    private readonly log: string[],
  ) {
    proc.once('exit', () => { this.exited = true; });
  }

  get baseUrl(): string { return `http://127.0.0.1:${this.port}`; }

  /** Everything the server printed so far (for failure reports). */
  output(): string { return this.log.join(''); }

  /** URL opening `folder`, optionally with a smoke-test payload (see extensionTestUrl). */
  folderUrl(folder: string, payload?: Array<[string, string]>): string {
    let url = `${this.baseUrl}/?folder=${encodeURIComponent(folder)}`;
    if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    return url;
  }

  /** A path on this server as the workbench names it (vscode-remote://127.0.0.1:PORT/abs/path). */
  remoteUri(absPath: string): string {
    return `vscode-remote://127.0.0.1:${this.port}${absPath.split(path.sep).map(encodeURIComponent).join('/')}`;
  }

  static async start(opts: CodeServerOptions = {}): Promise<CodeServer> {
    const profile = opts.profile ?? createProfile();
    const port = opts.port ?? await freePort();
    const args = [CODE_SERVER_ENTRY, ...commonArgs(profile), '--bind-addr', `127.0.0.1:${port}`];
    if (opts.smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
    // Own process group, so stop() ends the server and every child it started (extension host, pty host).
    const proc = spawn(NODE24, args, { env: serverEnv(profile, opts.env), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const log: string[] = [];
    const cs = new CodeServer(port, profile, proc, !!opts.keepProfile, log);
    if (proc.pid) liveGroups.set(proc.pid, opts.keepProfile ? undefined : profile.root);
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`code-server did not start within ${opts.startTimeoutMs ?? 60_000} ms`)),
          opts.startTimeoutMs ?? 60_000);
        const onData = (chunk: Buffer): void => {
          log.push(chunk.toString());
          if (log.join('').includes('HTTP server listening on')) { clearTimeout(timer); resolve(); }
        };
        proc.stdout!.on('data', onData);
        proc.stderr!.on('data', onData);
        proc.once('error', (e) => { clearTimeout(timer); reject(e); });
        proc.once('exit', (code, signal) => {
          clearTimeout(timer);
          reject(new Error(`code-server exited (${code ?? signal}) before it was ready`));
        });
      });
    } catch (e) {
      await cs.stop();
      throw new Error(`${(e as Error).message}\n${log.join('')}`, { cause: e });
    }
    return cs;
  }

  /** Ends the server's whole process group (by its id) and removes the throw-away profile. */
  async stop(): Promise<void> {
    if (!this.exited && this.proc.pid) {
      const gone = new Promise<void>((r) => { if (this.exited) r(); else this.proc.once('exit', () => r()); });
      killGroup(this.proc.pid, 'SIGTERM');
      const timer = setTimeout(() => killGroup(this.proc.pid!, 'SIGKILL'), 5_000);
      await gone;
      clearTimeout(timer);
    }
    // Children may outlive the leader for a moment; make sure none of the group is left.
    if (this.proc.pid) {
      await endGroup(this.proc.pid);
      liveGroups.delete(this.proc.pid);
    }
    if (!this.keepProfile) rmSync(this.profile.root, { recursive: true, force: true });
  }
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try { process.kill(-pid, signal); } catch { /* already gone */ }
}

// A crashed or interrupted run must not leave a server behind: the process groups we started, by id, and the
// throw-away profiles they used.
const liveGroups = new Map<number, string | undefined>();
function killAllSync(): void {
  for (const [pid, root] of liveGroups) {
    killGroup(pid, 'SIGKILL');
    if (root) rmSync(root, { recursive: true, force: true });
  }
}
/**
 * SIGKILLs a process group, then waits (at most 5 s) until none of it runs. SIGKILL is delivered asynchronously:
 * exiting at once let `npm start` end while code-server still held its port (CI saw the port served after Ctrl+C).
 */
async function endGroup(pgid: number): Promise<void> {
  killGroup(pgid, 'SIGKILL');
  const deadline = Date.now() + 5_000;
  while (groupRuns(pgid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
}

/**
 * Whether a process of the group still runs. Zombies do not count: they hold no port or file, and the ones whose
 * parent died wait for PID 1 to reap them (here up to ~2 s, which Ctrl+C waited for when they counted).
 */
function groupRuns(pgid: number): boolean {
  try { process.kill(-pgid, 0); } catch { return false; }
  if (process.platform !== 'linux') return true;
  return readdirSync('/proc').some((pid) => {
    if (!/^\d+$/.test(pid)) return false;
    try {
      const [state, , group] = procStatFields(readFileSync(`/proc/${pid}/stat`, 'latin1'));
      return Number(group) === pgid && state !== 'Z';
    } catch {
      return false; // gone meanwhile
    }
  });
}

/** killAllSync, waiting for each group to end (the signal handlers below; 'exit' cannot wait). */
async function killAllAndWait(): Promise<void> {
  const groups = [...liveGroups.keys()];
  killAllSync();
  await Promise.all(groups.map(endGroup));
}

process.once('exit', killAllSync);
for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
  process.once(sig, () => { void killAllAndWait().finally(() => process.exit(code)); });
}
