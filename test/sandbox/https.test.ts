import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startSandbox, type Sandbox } from '../../src/sandbox';
import { API, SandboxHttp } from '../support/sandbox-http';
import { makeSelfSignedCert, opensslAvailable, type SelfSignedCert } from '../support/tls';

describe('sandbox: HTTPS', function () {
  let cert: SelfSignedCert;
  let sandbox: Sandbox;

  before(async function () {
    if (!(await opensslAvailable())) {
      console.log('skipped: the openssl CLI is not available to make a test certificate');
      this.skip();
    }
    cert = await makeSelfSignedCert();
    sandbox = await startSandbox({ seed: 'empty', tls: { key: cert.key, cert: cert.cert } });
  });

  after(async () => {
    await sandbox?.stop();
    await cert?.cleanup();
  });

  it('serves the REST API over TLS to a client that trusts the certificate', async () => {
    assert.match(sandbox.url, /^https:\/\/127\.0\.0\.1:\d+$/);
    const http = new SandboxHttp(sandbox.url, { ca: await readFile(cert.caPath, 'utf8') });
    try {
      const info = await http.call('GET', `${API}/serverinfo`);
      assert.equal(info.status, 200);
      const signedIn = await http.signInWithPassword(sandbox.credentials.username, sandbox.credentials.password);
      assert.ok(signedIn.token);
    } finally {
      await http.close();
    }
  });

  it('is refused by a client that does not trust the certificate', async () => {
    const http = new SandboxHttp(sandbox.url);
    try {
      await assert.rejects(http.call('GET', `${API}/serverinfo`), /self[- ]signed|certificate/i);
    } finally {
      await http.close();
    }
  });
});
