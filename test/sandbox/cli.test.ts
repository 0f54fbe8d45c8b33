import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { API, SandboxHttp } from '../support/sandbox-http';

const ENTRY = resolve(__dirname, '../../src/sandbox/index.ts');

/** Runs the sandbox CLI from source (what `node dist/sandbox.js` runs once bundled). */
function runCli(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', ENTRY, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

async function firstLine(child: ChildProcess): Promise<string> {
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  for await (const line of lines) return line;
  throw new Error('the CLI exited without printing anything');
}

describe('sandbox: CLI', () => {
  it('--json prints one {url, credentials} line; the server works; SIGTERM stops it cleanly', async () => {
    const child = runCli(['--port', '0', '--seed', 'empty', '--json', '--password', 'pw-from-cli']);
    try {
      const info = JSON.parse(await firstLine(child)) as { url: string; credentials: Record<string, string> };
      assert.match(info.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.equal(info.credentials.username, 'admin');
      assert.equal(info.credentials.password, 'pw-from-cli');
      assert.ok(info.credentials.tokenSecret);
      const http = new SandboxHttp(info.url);
      try {
        const signedIn = await http.signInWithToken(info.credentials.tokenName, info.credentials.tokenSecret);
        assert.ok(signedIn.token);
        assert.equal((await http.call('GET', `${API}/serverinfo`)).status, 200);
      } finally {
        await http.close();
      }
      child.kill('SIGTERM');
      const [code] = await once(child, 'exit');
      assert.equal(code, 0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('prints the URL and credentials in a friendly form without --json', async () => {
    const child = runCli(['--port', '0', '--seed', 'demo', '--quiet']);
    try {
      let text = '';
      const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
      for await (const line of lines) {
        text += `${line}\n`;
        if (line.startsWith('Press Ctrl+C')) break;
      }
      assert.match(text, /running at http:\/\/127\.0\.0\.1:\d+/);
      assert.match(text, /User name\s+admin/);
      assert.match(text, /PAT secret\s+\S+/);
      assert.match(text, /marketing, finance/);
      child.kill('SIGINT');
      const [code] = await once(child, 'exit');
      assert.equal(code, 0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('rejects an unknown option with a message and exit code 1', async () => {
    const child = runCli(['--colour', 'red']);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = await once(child, 'exit');
    assert.equal(code, 1);
    assert.match(stderr, /Unknown option '--colour'/);
  });
});
