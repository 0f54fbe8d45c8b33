import assert from 'node:assert/strict';
import { NetworkError, ProjectItem, ServerResponseError } from '../../src/client';
import { useClient } from '../support/client-fixture';

describe('client: retries with backoff', function () {
  const env = useClient({ seed: 'empty' });

  beforeEach(function () {
    env.sandbox.faults.clear();
    env.sandbox.faults.resetCount();
  });

  function attemptTimes(pathPart: string): number[] {
    return env.sandbox.faults.recentRequests.filter((request) => request.path.includes(pathPart)).map((request) => request.at);
  }

  it('retries a GET answered 429 after the Retry-After the server asked for', async function () {
    env.sandbox.faults.failNext(1, { status: 429, retryAfterSeconds: 1, path: '/projects' });
    const [projects] = await env.server.projects.get();
    assert.ok(projects.length >= 1);
    const times = attemptTimes('/projects');
    assert.equal(times.length, 2);
    assert.ok(times[1] - times[0] >= 950, `waited ${times[1] - times[0]} ms, Retry-After asked for 1000`);
  });

  it('retries a GET answered 503 and then succeeds', async function () {
    env.sandbox.faults.failNext(2, { status: 503, path: '/projects' });
    await env.server.projects.get();
    assert.equal(attemptTimes('/projects').length, 3);
  });

  it('gives up after the bounded number of retries and reports the last answer', async function () {
    const server = env.newServer({ retry: { maxRetries: 2, baseDelayMs: 5 } });
    await server.auth.signIn(env.adminAuth());
    env.sandbox.faults.resetCount();
    env.sandbox.faults.failNext(10, { status: 503, path: '/projects' });
    await assert.rejects(server.projects.get(), (error: unknown) => error instanceof ServerResponseError && error.status === 503);
    assert.equal(attemptTimes('/projects').length, 3);
  });

  it('does not sit out a Retry-After longer than it accepts', async function () {
    const server = env.newServer({ retry: { maxDelayMs: 2_000 } });
    await server.auth.signIn(env.adminAuth());
    env.sandbox.faults.resetCount();
    env.sandbox.faults.failNext(1, { status: 429, retryAfterSeconds: 600, path: '/projects' });
    await assert.rejects(server.projects.get(), (error: unknown) => error instanceof ServerResponseError && error.status === 429);
    assert.equal(attemptTimes('/projects').length, 1);
  });

  it('never repeats a POST the server may have acted on (503), so nothing is created twice', async function () {
    env.sandbox.faults.failNext(1, { status: 503, method: 'POST', path: '/projects' });
    await assert.rejects(env.server.projects.create(new ProjectItem('Once only')), (error: unknown) => error instanceof ServerResponseError && error.status === 503);
    assert.equal(attemptTimes('/projects').length, 1);
  });

  it('repeats a POST refused with 429, which the server did not act on', async function () {
    env.sandbox.faults.failNext(1, { status: 429, method: 'POST', path: '/projects', retryAfterSeconds: 0 });
    const created = await env.server.projects.create(new ProjectItem('After 429'));
    assert.ok(created.id);
    assert.equal(attemptTimes('/projects').length, 2);
  });

  it('retries a GET whose connection was dropped', async function () {
    env.sandbox.faults.dropNext(1, { path: '/projects' });
    const [projects] = await env.server.projects.get();
    assert.ok(projects.length >= 1);
    assert.equal(attemptTimes('/projects').length, 2);
  });

  it('reports a dropped POST as a reset connection instead of repeating it', async function () {
    env.sandbox.faults.dropNext(1, { method: 'POST', path: '/projects' });
    await assert.rejects(env.server.projects.create(new ProjectItem('Dropped')), (error: unknown) => {
      assert.ok(error instanceof NetworkError);
      assert.equal(error.kind, 'reset');
      assert.match(error.message, /127\.0\.0\.1:\d+/);
      return true;
    });
  });
});
