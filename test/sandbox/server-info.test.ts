import assert from 'node:assert/strict';
import { API, errorCode } from '../support/sandbox-http';
import { useSandbox } from '../support/sandbox-fixture';

describe('sandbox: server info, versions and unknown routes', () => {
  const f = useSandbox({ seed: 'empty' });

  it('Server Info needs no sign-in and reports 2026.2.0 with a build and REST API 3.29', async () => {
    for (const segment of ['serverinfo', 'serverInfo']) {
      const result = await f.http.call('GET', `${API}/${segment}`);
      assert.equal(result.status, 200);
      assert.equal(result.xml?.serverInfo.productVersion['#text'], '2026.2.0');
      assert.match(result.xml?.serverInfo.productVersion['@_build'], /^\d{5}\.\d{2}\.\d{4}\.\d{4}$/);
      assert.equal(result.xml?.serverInfo.restApiVersion, '3.29');
    }
  });

  it('accepts every version from 2.0 to 3.29 and refuses others with a Tableau error', async () => {
    for (const version of ['2.0', '2.8', '3.0', '3.4', '3.29']) {
      assert.equal((await f.http.call('GET', `/api/${version}/serverinfo`)).status, 200, version);
    }
    for (const version of ['1.0', '2.9', '3.30', '4.0', 'latest', '3']) {
      const result = await f.http.call('GET', `/api/${version}/serverinfo`);
      assert.equal(result.status, 404, version);
      assert.match(result.xml?.error.detail, /3\.29/);
    }
  });

  it('answers an unknown endpoint with 404 and a wrong method with 405000 and Allow', async () => {
    const unknown = await f.http.call('GET', `${API}/no/such/thing`);
    assert.equal(unknown.status, 404);
    assert.ok(errorCode(unknown));
    const wrongMethod = await f.http.call('DELETE', `${API}/serverinfo`);
    assert.equal(wrongMethod.status, 405);
    assert.equal(errorCode(wrongMethod), '405000');
    assert.equal(wrongMethod.headers.allow, 'GET');
  });
});
