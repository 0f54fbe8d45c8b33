// A second sandbox, serving HTTPS with a certificate nothing trusts, for the suites about certificate errors.
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { makeSelfSignedCert, opensslAvailable, type SelfSignedCert } from '../../support/tls';

export interface SelfSignedSandbox {
  cert?: SelfSignedCert;
  https?: Sandbox;
}

/**
 * Registers the suite's hooks: before its tests, a demo sandbox on HTTPS with a fresh self-signed certificate
 * (the suite is skipped, saying why, where the openssl CLI is missing); after them, both are removed. The
 * returned object is filled in by the time the tests run.
 */
export function selfSignedSandboxForSuite(): SelfSignedSandbox {
  const started: SelfSignedSandbox = {};
  suiteSetup(async function () {
    if (!(await opensslAvailable())) {
      console.log('skipped: the openssl CLI is not available to make a test certificate');
      this.skip();
    }
    started.cert = await makeSelfSignedCert();
    started.https = await startSandbox({ seed: 'demo', tls: { key: started.cert.key, cert: started.cert.cert } });
  });
  suiteTeardown(async () => {
    await started.https?.stop();
    await started.cert?.cleanup();
  });
  return started;
}
