import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { NetworkError, NonXmlResponseError, Server, TableauAuth } from '../../src/client';
import { useClient } from '../support/client-fixture';
import { serveFixed, type LocalServer } from '../support/local-servers';

const loginPortal = '<!doctype html><html><head><title>Sign in - Corporate SSO</title></head><body><form>…</form></body></html>';
const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"><!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"><!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
<tsResponse xmlns="http://tableau.com/api"><serverInfo><productVersion build="&lol9;">&lol9;</productVersion><restApiVersion>3.29</restApiVersion></serverInfo></tsResponse>`;

async function freePortThatRefuses(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as { port: number }).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('client: answers that are not the REST API, and network failures', function () {
  const servers: LocalServer[] = [];
  after(async () => Promise.all(servers.map((server) => server.close())));

  it('explains an HTML login portal answering instead of the API', async function () {
    const portal = await serveFixed(200, 'text/html; charset=utf-8', loginPortal);
    servers.push(portal);
    const server = new Server(portal.url);
    await assert.rejects(server.auth.signIn(new TableauAuth('me', 'secret')), (error: unknown) => {
      assert.ok(error instanceof NonXmlResponseError);
      assert.equal(error.contentType, 'text/html; charset=utf-8');
      assert.match(error.message, /instead of Tableau REST API XML/);
      assert.match(error.message, /Sign in - Corporate SSO/);
      return true;
    });
    await server.close();
  });

  it('explains an HTML error page with a failing status, too', async function () {
    const proxyPage = await serveFixed(502, 'text/html', '<html><body>Bad gateway from the corporate proxy</body></html>');
    servers.push(proxyPage);
    const server = new Server(proxyPage.url, { version: '3.29', retry: { maxRetries: 0 } });
    await assert.rejects(server.serverInfo.get(), (error: unknown) => error instanceof NonXmlResponseError && error.status === 502);
    await server.close();
  });

  it('refuses a hostile XML body (entity expansion) at once', async function () {
    const hostile = await serveFixed(200, 'application/xml', billionLaughs);
    servers.push(hostile);
    const server = new Server(hostile.url, { version: '3.29' });
    await assert.rejects(server.serverInfo.get(), (error: unknown) => {
      assert.ok(error instanceof NonXmlResponseError);
      assert.match(error.message, /DOCTYPE/);
      return true;
    });
    await server.close();
  });

  it('names the host and the cause when the connection is refused', async function () {
    const port = await freePortThatRefuses();
    const server = new Server(`http://127.0.0.1:${port}`);
    await assert.rejects(server.serverInfo.get(), (error: unknown) => {
      assert.ok(error instanceof NetworkError);
      assert.equal(error.kind, 'refused');
      assert.match(error.message, new RegExp(`127\\.0\\.0\\.1:${port}`));
      assert.match(error.message, /server is running/);
      return true;
    });
    await server.close();
  });

  it('names the host when it cannot be resolved', async function () {
    const server = new Server('https://no-such-host.invalid', { timeoutMs: 5_000 });
    await assert.rejects(server.serverInfo.get(), (error: unknown) => {
      assert.ok(error instanceof NetworkError);
      assert.equal(error.kind, 'dns');
      assert.match(error.message, /no-such-host\.invalid/);
      return true;
    });
    await server.close();
  });
});

describe('client: request timeout', function () {
  const env = useClient({ seed: 'empty' }, { timeoutMs: 300, retry: { maxRetries: 0 } });

  it('gives up on a server that does not answer in time, naming the host', async function () {
    env.sandbox.faults.delayNext(1, 3_000, { path: '/projects' });
    await assert.rejects(env.server.projects.get(), (error: unknown) => {
      assert.ok(error instanceof NetworkError);
      assert.equal(error.kind, 'timeout');
      assert.match(error.message, /Timed out talking to 127\.0\.0\.1/);
      return true;
    });
  });
});
