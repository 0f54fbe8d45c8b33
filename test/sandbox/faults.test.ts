import assert from 'node:assert/strict';
import { request } from 'undici';
import { API, errorCode } from '../support/sandbox-http';
import { useSandbox } from '../support/sandbox-fixture';

describe('sandbox: fault injection', () => {
  const f = useSandbox({ seed: 'empty' });

  afterEach(() => {
    f.sandbox.faults.clear();
    f.sandbox.faults.latencyMs = 0;
  });

  const serverInfo = () => f.http.call('GET', `${API}/serverinfo`);

  it('fails the next N requests with 503 and Retry-After, then answers normally', async () => {
    f.sandbox.faults.failNext(2, { status: 503, retryAfterSeconds: 3 });
    for (let i = 0; i < 2; i += 1) {
      const failed = await serverInfo();
      assert.equal(failed.status, 503);
      assert.equal(failed.headers['retry-after'], '3');
      assert.equal(errorCode(failed), '503000');
    }
    assert.equal((await serverInfo()).status, 200);
  });

  it('answers 429 only for requests matching method and path; the request counter counts every attempt', async () => {
    const before = f.sandbox.faults.requestCount;
    f.sandbox.faults.failNext(1, { status: 429, retryAfterSeconds: 1, method: 'POST', path: /\/auth\/signin$/ });
    assert.equal((await serverInfo()).status, 200);
    const c = f.sandbox.credentials;
    const body = `<tsRequest><credentials name="${c.username}" password="${c.password}"><site contentUrl=""/></credentials></tsRequest>`;
    const throttled = await f.http.call('POST', `${API}/auth/signin`, { body });
    assert.equal(throttled.status, 429);
    assert.equal(throttled.headers['retry-after'], '1');
    assert.equal((await f.http.call('POST', `${API}/auth/signin`, { body })).status, 200);
    assert.equal(f.sandbox.faults.requestCount - before, 3);
    assert.deepEqual(f.sandbox.faults.recentRequests.slice(-2).map((r) => r.method), ['POST', 'POST']);
  });

  it('drops the connection without a response', async () => {
    f.sandbox.faults.dropNext(1, { path: 'serverinfo' });
    await assert.rejects(serverInfo(), (error: Error & { code?: string }) => {
      assert.match(String(error.code ?? error.message), /UND_ERR_SOCKET|ECONNRESET|other side closed/i);
      return true;
    });
    assert.equal((await serverInfo()).status, 200);
  });

  it('delays matching requests and adds latency to every response', async () => {
    f.sandbox.faults.delayNext(1, 150);
    let started = Date.now();
    assert.equal((await serverInfo()).status, 200);
    assert.ok(Date.now() - started >= 140, 'delayed request took at least the delay');
    f.sandbox.faults.latencyMs = 100;
    started = Date.now();
    await serverInfo();
    assert.ok(Date.now() - started >= 90, 'latency applied');
  });

  it('exposes the same controls over HTTP under /_sandbox/ (JSON)', async () => {
    const post = async (path: string, body: unknown) => {
      const response = await request(`${f.sandbox.url}/_sandbox${path}`, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
        dispatcher: f.http.agent,
      });
      return { status: response.statusCode, body: (await response.body.json()) as Record<string, unknown> };
    };
    const added = await post('/faults', { kind: 'status', status: 503, count: 1, retryAfterSeconds: 2, path: 'serverinfo' });
    assert.equal(added.status, 201);
    const failed = await serverInfo();
    assert.equal(failed.status, 503);
    assert.equal(failed.headers['retry-after'], '2');
    assert.equal((await post('/latency', { latencyMs: 5 })).body.latencyMs, 5);
    assert.equal(f.sandbox.faults.latencyMs, 5);
    const bad = await post('/faults', { kind: 'explode', count: 1 });
    assert.equal(bad.status, 400);
    assert.match(String(bad.body.error), /kind/);
    const stats = await request(`${f.sandbox.url}/_sandbox/stats`, { dispatcher: f.http.agent });
    const statsBody = (await stats.body.json()) as { requestCount: number };
    assert.equal(statsBody.requestCount, f.sandbox.faults.requestCount);
    const cleared = await request(`${f.sandbox.url}/_sandbox/faults`, { method: 'DELETE', dispatcher: f.http.agent });
    assert.equal(cleared.statusCode, 204);
    await cleared.body.dump();
  });
});
