// The shipped bundles from plain Node: `node dist/sandbox.js` serving, a `node -e` script with dist/client.js using it.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { ensureBuilt } from '../support/dist';

const script = `
const { Server, TableauAuth, Pager, ProjectItem } = require(process.argv[1]);
(async () => {
  const { url, credentials } = JSON.parse(process.argv[2]);
  const server = new Server(url);
  const names = await server.auth.withSignIn(new TableauAuth(credentials.username, credentials.password), async () => {
    await server.projects.create(new ProjectItem('Made by a plain script'));
    const names = [];
    for await (const project of new Pager(server.projects)) names.push(project.name);
    return names;
  });
  console.log(JSON.stringify({ version: server.version, names, signedIn: server.isSignedIn }));
  await server.close();
})().catch((error) => { console.error(error.message); process.exit(1); });
`;

describe('plain Node: dist/sandbox.js and dist/client.js', function () {
  this.timeout(60_000);

  it('a node -e script signs in to the CLI sandbox, writes and pages, and signs out', async function () {
    const client = ensureBuilt('client.js');
    const sandbox = spawn(process.execPath, [ensureBuilt('sandbox.js'), '--port', '0', '--seed', 'demo', '--json', '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const [line] = (await once(createInterface({ input: sandbox.stdout! }), 'line')) as [string];
      const { stdout } = await promisify(execFile)(process.execPath, ['-e', script, client, line]);
      const result = JSON.parse(stdout) as { version: string; names: string[]; signedIn: boolean };
      assert.equal(result.version, '3.29');
      assert.ok(result.names.includes('Made by a plain script'));
      assert.ok(result.names.includes('Default'));
      assert.equal(result.signedIn, false);
    } finally {
      sandbox.kill('SIGTERM');
      await once(sandbox, 'exit');
    }
  });
});
