import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { NetworkError, Server, TableauAuth } from '../../src/client';
import { startSandbox, type Sandbox } from '../../src/sandbox';
import { makeSelfSignedCert, opensslAvailable, type SelfSignedCert } from '../support/tls';

describe('client: TLS verification', function () {
  let cert: SelfSignedCert;
  let sandbox: Sandbox;

  before(async function () {
    if (!(await opensslAvailable())) {
      console.log('      skipped: the openssl command is not installed, so no test certificate can be made');
      this.skip();
    }
    cert = await makeSelfSignedCert();
    sandbox = await startSandbox({ seed: 'empty', tls: { key: cert.key, cert: cert.cert } });
  });
  after(async () => {
    await sandbox?.stop();
    await cert?.cleanup();
  });

  const auth = () => new TableauAuth(sandbox.credentials.username, sandbox.credentials.password);

  it('refuses a self-signed certificate by default, naming the problem and the fix', async function () {
    assert.match(sandbox.url, /^https:/);
    const server = new Server(sandbox.url);
    await assert.rejects(server.auth.signIn(auth()), (error: unknown) => {
      assert.ok(error instanceof NetworkError);
      assert.equal(error.kind, 'tls');
      assert.match(error.message, /self[- ]signed/i);
      assert.match(error.message, /CA certificate/);
      return true;
    });
    await server.close();
  });

  it('trusts the server once its CA certificate is given', async function () {
    const server = new Server(sandbox.url, { ca: await readFile(cert.caPath, 'utf8') });
    await server.auth.signIn(auth());
    assert.ok(server.siteId);
    await server.close();
  });

  it('connects without verification only when explicitly told to', async function () {
    const server = new Server(sandbox.url, { rejectUnauthorized: false });
    await server.auth.signIn(auth());
    assert.ok(server.isSignedIn);
    await server.close();
  });
});
