import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { NotSignedInError, ProjectItem, ServerResponseError, TableauAuth } from '../../src/client';
import { useClient } from '../support/client-fixture';

describe('client: sign-in and sessions', function () {
  const env = useClient({ seed: 'demo', tokenTtlSeconds: 1 }, undefined, false);

  it('signs in with a password and sets the site and user ids', async function () {
    const server = env.newServer();
    await server.auth.signIn(env.adminAuth());
    const site = env.sandbox.state.findSiteByContentUrl('');
    assert.equal(server.siteId, site?.id);
    assert.equal(server.userId, env.sandbox.state.findUserByName(env.sandbox.credentials.username)?.id);
    assert.ok(server.authToken);
    const [projects] = await server.projects.get();
    assert.ok(projects.length > 0, 'a signed-in session can list the projects of the demo site');
  });

  it('signs in with a personal access token to a named site', async function () {
    const server = env.newServer();
    await server.auth.signIn(env.tokenAuth('marketing'));
    assert.equal(server.siteContentUrl, 'marketing');
    assert.equal(server.siteId, env.sandbox.state.findSiteByContentUrl('marketing')?.id);
  });

  it('reports a wrong password as 401001 with advice on what to check', async function () {
    const server = env.newServer();
    await assert.rejects(server.auth.signIn(new TableauAuth(env.sandbox.credentials.username, 'not-the-password')), (error: unknown) => {
      assert.ok(error instanceof ServerResponseError);
      assert.equal(error.status, 401);
      assert.equal(error.code, '401001');
      assert.match(error.message, /Check the user name and password/);
      assert.doesNotMatch(error.message, /not-the-password/);
      return true;
    });
    assert.equal(server.isSignedIn, false);
  });

  it('refuses versioned calls before sign-in with NotSignedInError', async function () {
    const server = env.newServer();
    await assert.rejects(server.projects.get(), NotSignedInError);
  });

  it('signs out: the token stops working and the session is forgotten', async function () {
    const server = env.newServer();
    await server.auth.signIn(env.adminAuth());
    const token = server.authToken!;
    await server.auth.signOut();
    assert.equal(server.isSignedIn, false);
    assert.equal(env.sandbox.state.sessions.find(token), undefined, 'the server no longer knows the token');
    await assert.rejects(server.projects.get(), NotSignedInError);
  });

  it('withSignIn signs out even when the body throws', async function () {
    const server = env.newServer();
    let tokenInside = '';
    await assert.rejects(
      server.auth.withSignIn(env.adminAuth(), async () => {
        tokenInside = server.authToken!;
        throw new Error('body failed');
      }),
      /body failed/,
    );
    assert.equal(server.isSignedIn, false);
    assert.equal(env.sandbox.state.sessions.find(tokenInside), undefined);
    const result = await server.auth.withSignIn(env.adminAuth(), async () => (await server.projects.get())[1].totalAvailable);
    assert.ok(result > 0);
    assert.equal(server.isSignedIn, false);
  });

  it('switches site and keeps working on the new one', async function () {
    const server = env.newServer();
    await server.auth.signIn(env.adminAuth());
    await server.auth.switchSite('finance');
    const finance = env.sandbox.state.findSiteByContentUrl('finance')!;
    assert.equal(server.siteId, finance.id);
    const created = await server.projects.create(new ProjectItem(`Switched ${Date.now()}`));
    assert.ok(env.sandbox.state.projects.listSite(finance.id).some((project) => project.id === created.id));
  });

  it('impersonates another user when an administrator asks to', async function () {
    const server = env.newServer();
    const viewer = [...env.sandbox.state.users.values()].find((user) => user.name !== env.sandbox.credentials.username && !user.serverAdministrator)!;
    const auth = env.adminAuth();
    auth.userIdToImpersonate = viewer.id;
    await server.auth.signIn(auth);
    assert.equal(server.userId, viewer.id);
  });

  it('renews an expired token transparently and replays the request', async function () {
    const server = env.newServer();
    await server.auth.signIn(env.adminAuth('marketing'));
    const firstToken = server.authToken;
    await sleep(1_300);
    const [projects] = await server.projects.get();
    assert.ok(projects.length > 0);
    assert.notEqual(server.authToken, firstToken, 'a new session token was obtained');
    assert.equal(server.siteContentUrl, 'marketing', 'the renewed session is on the same site');
  });

  it('renews after a site switch onto the switched-to site', async function () {
    const server = env.newServer();
    await server.auth.signIn(env.adminAuth());
    await server.auth.switchSite('finance');
    await sleep(1_300);
    await server.projects.get();
    assert.equal(server.siteContentUrl, 'finance');
  });

  it('reports the failure when signing in again does not work either', async function () {
    const server = env.newServer();
    const user = [...env.sandbox.state.users.values()].find((candidate) => !candidate.serverAdministrator)!;
    await server.auth.signIn(new TableauAuth(user.name, user.password));
    user.password = 'changed-elsewhere';
    await sleep(1_300);
    await assert.rejects(server.projects.get(), (error: unknown) => error instanceof ServerResponseError && error.code === '401001');
  });
});

describe('client: Tableau Cloud pod redirect on sign-in', function () {
  const env = useClient({ seed: 'empty', signInRedirect: '/pod7' }, undefined, false);

  it('follows the 301 and keeps using the pod that answered', async function () {
    const server = env.newServer();
    await server.auth.signIn(env.adminAuth());
    assert.equal(server.serverAddress, `${env.sandbox.url}/pod7`);
    const [projects] = await server.projects.get();
    assert.ok(projects.length >= 1);
    assert.ok(env.sandbox.faults.recentRequests.some((request) => request.path.startsWith('/pod7/api/')), 'later calls went to the pod');
  });
});
