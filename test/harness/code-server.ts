// Starts and stops code-server 4.100.3 (a real VS Code: server, web workbench, Node extension host) from the
// prefix that setup.mjs installs, and installs .vsix files into a profile.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { codeServerBin } from './paths';
import type { Profile } from './profile';

export interface CodeServerOptions {
  profile: Profile;
  port: number;
  host?: string;
  /** Extra environment for code-server; it reaches the extension host. */
  env?: Record<string, string>;
  /** code-server's stdout and stderr go here (not to the console: it is noisy). */
  logFile: string;
  readyTimeoutMs?: number;
}

export interface RunningCodeServer {
  readonly origin: string;
  readonly pid: number;
  /** Resolves with the exit code when code-server's main process ends. */
  readonly exited: Promise<number | null>;
  /** Stops the whole process group (code-server has several children) and waits for it. */
  stop(): Promise<void>;
}

function requireInstalled(): void {
  if (!existsSync(codeServerBin)) throw new Error(`code-server is not installed at ${codeServerBin}. Run \`node test/harness/setup.mjs\`.`);
}

function profileEnv(profile: Profile): NodeJS.ProcessEnv {
  return { ...process.env, XDG_CONFIG_HOME: profile.xdgDir, XDG_DATA_HOME: profile.xdgDir, XDG_CACHE_HOME: profile.xdgDir };
}

export function logTail(file: string, lines = 25): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export function installExtension(profile: Profile, vsixPath: string): void {
  requireInstalled();
  if (!existsSync(vsixPath)) throw new Error(`No extension package at ${vsixPath}. Run \`npm run package\` first.`);
  mkdirSync(profile.extensionsDir, { recursive: true });
  const result = spawnSync(
    codeServerBin,
    ['--install-extension', vsixPath, '--force', '--extensions-dir', profile.extensionsDir, '--user-data-dir', profile.userDataDir],
    { env: profileEnv(profile), encoding: 'utf8' },
  );
  if (result.status !== 0) {
    throw new Error(`code-server --install-extension ${vsixPath} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((resolveSleep) => setTimeout(resolveSleep, ms));

// A harness that dies (an exception, Ctrl+C) must not leave code-server running: kill every group still alive.
const liveGroups = new Set<number>();
process.on('exit', () => {
  for (const pgid of liveGroups) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
});

export async function startCodeServer(options: CodeServerOptions): Promise<RunningCodeServer> {
  requireInstalled();
  const host = options.host ?? '127.0.0.1';
  const { profile } = options;
  mkdirSync(dirname(options.logFile), { recursive: true });
  const log = openSync(options.logFile, 'w');
  const args = [
    '--bind-addr', `${host}:${options.port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', profile.userDataDir,
    '--extensions-dir', profile.extensionsDir,
    profile.workspace,
  ];
  // detached: the child calls setsid(), so it leads its own process group and stop() can signal all of it.
  const child = spawn(codeServerBin, args, {
    detached: true,
    stdio: ['ignore', log, log],
    env: { ...profileEnv(profile), ...options.env },
  });
  closeSync(log);
  const pid = child.pid;
  if (pid === undefined) throw new Error(`Could not start ${codeServerBin}.`);
  liveGroups.add(pid);
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  let hasExited = false;
  void exited.then(() => (hasExited = true));

  const stop = async (): Promise<void> => {
    if (!groupAlive(pid)) return void liveGroups.delete(pid);
    process.kill(-pid, 'SIGTERM');
    for (let waited = 0; waited < 5000 && groupAlive(pid); waited += 100) await sleep(100);
    if (groupAlive(pid)) process.kill(-pid, 'SIGKILL');
    for (let waited = 0; waited < 2000 && groupAlive(pid); waited += 50) await sleep(50);
    liveGroups.delete(pid);
  };

  const origin = `http://${host}:${options.port}`;
  const deadline = Date.now() + (options.readyTimeoutMs ?? 30_000);
  while (Date.now() < deadline) {
    if (hasExited) {
      await stop();
      throw new Error(`code-server exited before it was ready. Its log (${options.logFile}):\n${logTail(options.logFile)}`);
    }
    try {
      const response = await fetch(`${origin}/healthz`);
      if (response.ok) return { origin, pid, exited, stop };
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  await stop();
  throw new Error(`code-server did not answer ${origin}/healthz in time. Its log (${options.logFile}):\n${logTail(options.logFile)}`);
}

/** The workbench URL opening `folder`, with the workbench's test `payload` when given. Slashes stay readable. */
export function workbenchUrl(origin: string, folder: string, payload?: Array<[string, string]>): string {
  let query = `?folder=${encodeURIComponent(folder).replace(/%2F/g, '/')}`;
  if (payload) query += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return `${origin}/${query}`;
}

/** A file on the code-server machine as the web workbench addresses it (the authority must be the page's host:port). */
export function remoteUri(origin: string, absolutePath: string): string {
  return `vscode-remote://${new URL(origin).host}${absolutePath}`;
}
