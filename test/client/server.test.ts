import assert from 'node:assert/strict';
import { InvalidArgumentError, Server, ServerInfoItem } from '../../src/client';
import { useClient } from '../support/client-fixture';

describe('client: Server, server info and version negotiation', function () {
  const env = useClient({ seed: 'empty' }, undefined, false);

  it('refuses an address without a scheme instead of guessing http://', function () {
    assert.throws(() => new Server('tableau.example.com'), (error: unknown) => {
      assert.ok(error instanceof InvalidArgumentError);
      assert.match(error.message, /https:\/\/tableau\.example\.com/);
      return true;
    });
    assert.throws(() => new Server('ftp://tableau.example.com'), InvalidArgumentError);
    assert.throws(() => new Server('https://user:pw@tableau.example.com'), /not in the server address/);
  });

  it('keeps a path prefix and drops a trailing slash', function () {
    const server = new Server('https://example.com/tableau/');
    assert.equal(server.serverAddress, 'https://example.com/tableau');
    void server.close();
  });

  it('reads the server info without signing in', async function () {
    const info = await env.newServer().serverInfo.get();
    assert.ok(info instanceof ServerInfoItem);
    assert.equal(info.restApiVersion, '3.29');
    assert.match(info.productVersion, /^20\d\d\.\d/);
    assert.ok(info.buildNumber.length > 0);
  });

  it("uses the server's highest REST API version for versioned calls", async function () {
    const server = env.newServer();
    env.sandbox.faults.resetCount();
    await server.auth.signIn(env.adminAuth());
    await server.projects.get();
    assert.equal(server.version, '3.29');
    const paths = env.sandbox.faults.recentRequests.map((request) => request.path);
    assert.match(paths[0], /^\/api\/2\.4\/serverinfo/i, 'the version was asked first');
    assert.ok(paths.slice(1).every((path) => path.startsWith('/api/3.29/')), paths.join(', '));
  });

  it('never negotiates when the version is pinned', async function () {
    const server = env.newServer({ version: '3.10' });
    env.sandbox.faults.resetCount();
    await server.auth.signIn(env.adminAuth());
    await server.projects.get();
    assert.equal(server.version, '3.10');
    const paths = env.sandbox.faults.recentRequests.map((request) => request.path);
    assert.ok(paths.every((path) => path.startsWith('/api/3.10/')), paths.join(', '));
  });

  it('lets a caller pin the version later, as TSC does', async function () {
    const server = env.newServer();
    server.version = '3.20';
    assert.equal(server.baseUrl, `${env.sandbox.url}/api/3.20`);
    assert.equal(await server.useServerVersion(), '3.29');
  });

  it('exposes the publish modes', function () {
    assert.deepEqual({ ...Server.PublishMode }, { CreateNew: 'CreateNew', Overwrite: 'Overwrite', Append: 'Append' });
  });
});
