import assert from 'node:assert/strict';
import { useClient } from '../support/client-fixture';
import { startForwardProxy, type ForwardProxy } from '../support/local-servers';

describe('client: HTTP proxy', function () {
  const env = useClient({ seed: 'empty' }, undefined, false);
  let proxy: ForwardProxy;

  before(async () => {
    proxy = await startForwardProxy();
  });
  after(async () => proxy?.close());

  it('sends every request through the configured proxy', async function () {
    const server = env.newServer({ proxy: proxy.url });
    await server.auth.signIn(env.adminAuth());
    await server.projects.get();
    const target = new URL(env.sandbox.url).host;
    assert.ok(proxy.seen.length >= 1, 'the proxy saw the traffic');
    assert.ok(proxy.seen.every((line) => line.includes(target)), proxy.seen.join('\n'));
  });

  it('bypasses the proxy for hosts listed in noProxy', async function () {
    proxy.seen.length = 0;
    const server = env.newServer({ proxy: proxy.url, noProxy: '127.0.0.1' });
    await server.auth.signIn(env.adminAuth());
    await server.projects.get();
    assert.deepEqual(proxy.seen, []);
  });
});
