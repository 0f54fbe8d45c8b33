// A sandbox in its own process, so that benchmarks measure the client's process alone.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const repositoryRoot = resolve(__dirname, '../..');

export interface SandboxProcess {
  url: string;
  credentials: { username: string; password: string; siteContentUrl: string };
  /** Calls the sandbox's private control API (`/_sandbox/...`). */
  control(path: string, body: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

export async function startSandboxProcess(seed: 'empty' | 'demo' = 'empty'): Promise<SandboxProcess> {
  const child = spawn(process.execPath, [join(repositoryRoot, 'dist/sandbox.js'), '--port', '0', '--seed', seed, '--json', '--quiet'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolveLine, reject) => {
    createInterface({ input: child.stdout }).once('line', resolveLine);
    child.once('exit', (code) => reject(new Error(`the sandbox exited with ${code} before printing its address; run npm run build first`)));
  });
  const { url, credentials } = JSON.parse(line) as Pick<SandboxProcess, 'url' | 'credentials'>;
  return {
    url,
    credentials,
    async control(path, body) {
      const response = await fetch(`${url}/_sandbox/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (!response.ok) throw new Error(`sandbox control ${path} answered ${response.status}: ${await response.text()}`);
      return response.json();
    },
    stop: () =>
      new Promise<void>((resolveStop) => {
        child.once('exit', () => resolveStop());
        child.kill('SIGTERM');
      }),
  };
}
