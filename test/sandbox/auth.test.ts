import assert from 'node:assert/strict';
import { startSandbox } from '../../src/sandbox';
import { API, SandboxHttp, credentialsOf, errorCode } from '../support/sandbox-http';
import { useSandbox } from '../support/sandbox-fixture';

function signInBody(attrs: string, site = '', inner = ''): string {
  return `<tsRequest><credentials ${attrs}><site contentUrl="${site}"/>${inner}</credentials></tsRequest>`;
}

describe('sandbox: sign in, sign out, switch site', () => {
  const f = useSandbox({ seed: 'demo' });

  it('signs the administrator in with a password and returns token, site and user in <credentials>', async () => {
    const c = f.sandbox.credentials;
    const result = await f.http.call('POST', `${API}/auth/signin`, { body: signInBody(`name="${c.username}" password="${c.password}"`) });
    assert.equal(result.status, 200);
    assert.equal(result.headers['content-type'], 'application/xml;charset=UTF-8');
    const signedIn = credentialsOf(result);
    const defaultSite = f.sandbox.state.findSiteByContentUrl('');
    assert.equal(signedIn.siteId, defaultSite?.id);
    assert.equal(signedIn.userId, f.sandbox.state.findUserByName('admin')?.id);
    assert.match(signedIn.token, /\S{20,}/);
    assert.equal(result.xml?.credentials.site['@_contentUrl'], '');
  });

  it('signs in with a personal access token, to a named site', async () => {
    const c = f.sandbox.credentials;
    const signedIn = await f.http.signInWithToken(c.tokenName, c.tokenSecret, 'marketing');
    assert.equal(signedIn.siteId, f.sandbox.state.findSiteByContentUrl('marketing')?.id);
  });

  it('accepts a namespaced request body', async () => {
    const c = f.sandbox.credentials;
    const body = `<tsRequest xmlns="http://tableau.com/api"><credentials name="${c.username}" password="${c.password}"><site contentUrl=""/></credentials></tsRequest>`;
    assert.equal((await f.http.call('POST', `${API}/auth/signin`, { body })).status, 200);
  });

  it('answers 401001 for a wrong password, an unknown PAT or an unknown site', async () => {
    const c = f.sandbox.credentials;
    const attempts = [
      signInBody(`name="${c.username}" password="wrong"`),
      signInBody(`personalAccessTokenName="${c.tokenName}" personalAccessTokenSecret="nope"`),
      signInBody(`name="${c.username}" password="${c.password}"`, 'no-such-site'),
    ];
    for (const body of attempts) {
      const result = await f.http.call('POST', `${API}/auth/signin`, { body });
      assert.equal(result.status, 401, body);
      assert.equal(errorCode(result), '401001');
      assert.equal(result.xml?.error.summary, 'Signin Error');
    }
  });

  it('refuses users who are not members of the site, or are Unlicensed there', async () => {
    const bob = f.sandbox.state.findUserByName('bob');
    const frank = f.sandbox.state.findUserByName('frank');
    assert.ok(bob && frank);
    const notMember = await f.http.call('POST', `${API}/auth/signin`, { body: signInBody(`name="bob" password="${bob.password}"`, 'finance') });
    const unlicensed = await f.http.call('POST', `${API}/auth/signin`, { body: signInBody(`name="frank" password="${frank.password}"`, 'finance') });
    assert.equal(errorCode(notMember), '401001');
    assert.equal(errorCode(unlicensed), '401001');
    assert.match(unlicensed.xml?.error.detail, /Unlicensed/);
  });

  it('answers 400000 for both kinds of credentials at once, malformed XML and DOCTYPE', async () => {
    const c = f.sandbox.credentials;
    const bodies = [
      signInBody(`name="${c.username}" password="${c.password}" personalAccessTokenName="a" personalAccessTokenSecret="b"`),
      '<tsRequest><credentials name="x">',
      `<!DOCTYPE tsRequest [<!ENTITY pw "${c.password}">]>${signInBody(`name="${c.username}" password="&pw;"`)}`,
      '<somethingElse/>',
    ];
    for (const body of bodies) {
      const result = await f.http.call('POST', `${API}/auth/signin`, { body });
      assert.equal(result.status, 400, body);
      assert.equal(errorCode(result), '400000');
    }
  });

  it('401000 without a token, 401002 with an unknown token, 401002 after sign-out', async () => {
    const { token, siteId } = await f.signInAdmin();
    const path = `${API}/sites/${siteId}/projects`;
    assert.equal(errorCode(await f.http.call('GET', path)), '401000');
    assert.equal(errorCode(await f.http.call('GET', path, { token: 'garbage' })), '401002');
    assert.equal((await f.http.call('GET', path, { token })).status, 200);
    const signOut = await f.http.call('POST', `${API}/auth/signout`, { token });
    assert.equal(signOut.status, 204);
    assert.equal(signOut.text, '');
    const after = await f.http.call('GET', path, { token });
    assert.equal(after.status, 401);
    assert.equal(errorCode(after), '401002');
  });

  it('lets a server administrator impersonate a site member; the session then acts as that user', async () => {
    const c = f.sandbox.credentials;
    const bob = f.sandbox.state.findUserByName('bob');
    assert.ok(bob);
    const result = await f.http.call('POST', `${API}/auth/signin`, {
      body: signInBody(`name="${c.username}" password="${c.password}"`, '', `<user id="${bob.id}"/>`),
    });
    assert.equal(result.status, 200);
    const session = credentialsOf(result);
    assert.equal(session.userId, bob.id);
    // Bob is a Viewer: creating a project is forbidden for the impersonated session.
    const create = await f.http.call('POST', `${API}/sites/${session.siteId}/projects`, {
      token: session.token,
      body: '<tsRequest><project name="Not allowed"/></tsRequest>',
    });
    assert.equal(create.status, 403);
  });

  it('refuses impersonation by a non-administrator (401001) and of an unknown user (404002)', async () => {
    const alice = f.sandbox.state.findUserByName('alice');
    const bob = f.sandbox.state.findUserByName('bob');
    assert.ok(alice && bob);
    const byAlice = await f.http.call('POST', `${API}/auth/signin`, {
      body: signInBody(`name="alice" password="${alice.password}"`, '', `<user id="${bob.id}"/>`),
    });
    assert.equal(byAlice.status, 401);
    assert.equal(errorCode(byAlice), '401001');
    const c = f.sandbox.credentials;
    const unknown = await f.http.call('POST', `${API}/auth/signin`, {
      body: signInBody(`name="${c.username}" password="${c.password}"`, '', '<user id="00000000-0000-4000-8000-000000000000"/>'),
    });
    assert.equal(unknown.status, 404);
    assert.equal(errorCode(unknown), '404002');
  });

  it('switches site: a new token for the new site, the old token stops working', async () => {
    const first = await f.signInAdmin();
    const result = await f.http.call('POST', `${API}/auth/switchSite`, {
      token: first.token,
      body: '<tsRequest><site contentUrl="finance"/></tsRequest>',
    });
    assert.equal(result.status, 200);
    const second = credentialsOf(result);
    const finance = f.sandbox.state.findSiteByContentUrl('finance');
    assert.equal(second.siteId, finance?.id);
    assert.equal(second.userId, first.userId);
    assert.notEqual(second.token, first.token);
    assert.equal((await f.http.call('GET', `${API}/sites/${second.siteId}/projects`, { token: second.token })).status, 200);
    assert.equal(errorCode(await f.http.call('GET', `${API}/sites/${first.siteId}/projects`, { token: first.token })), '401002');
  });

  it('switch site: 403070 for the current site, 404000 for a site the user cannot reach', async () => {
    const alice = await f.signInAs('alice');
    const same = await f.http.call('POST', `${API}/auth/switchSite`, { token: alice.token, body: '<tsRequest><site contentUrl=""/></tsRequest>' });
    assert.equal(same.status, 403);
    assert.equal(errorCode(same), '403070');
    const noAccess = await f.http.call('POST', `${API}/auth/switchSite`, { token: alice.token, body: '<tsRequest><site contentUrl="finance"/></tsRequest>' });
    assert.equal(noAccess.status, 404);
    assert.equal(errorCode(noAccess), '404000');
    // The failed switches leave the original session intact.
    assert.equal((await f.http.call('GET', `${API}/sites/${alice.siteId}/projects`, { token: alice.token })).status, 200);
  });

  it('answers 403 when the site in the URL is not the site the token was issued for', async () => {
    const { token } = await f.signInAdmin();
    const marketing = f.sandbox.state.findSiteByContentUrl('marketing');
    const result = await f.http.call('GET', `${API}/sites/${marketing?.id}/projects`, { token });
    assert.equal(result.status, 403);
    assert.match(result.xml?.error.detail, /Switch Site/);
  });
});

describe('sandbox: token expiry', () => {
  const f = useSandbox({ seed: 'empty', tokenTtlSeconds: 1 });

  it('rejects a token with 401002 once its lifetime has passed', async () => {
    const { token, siteId } = await f.signInAdmin();
    assert.equal((await f.http.call('GET', `${API}/sites/${siteId}/projects`, { token })).status, 200);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const expired = await f.http.call('GET', `${API}/sites/${siteId}/projects`, { token });
    assert.equal(expired.status, 401);
    assert.equal(errorCode(expired), '401002');
  });
});

describe('sandbox: sign-in redirect (Tableau Cloud pods)', () => {
  it('answers 301 with a Location on the same origin, where the sign-in succeeds and later calls work', async () => {
    const sandbox = await startSandbox({ seed: 'empty', signInRedirect: '/pod7' });
    const http = new SandboxHttp(sandbox.url);
    try {
      const c = sandbox.credentials;
      const body = signInBody(`name="${c.username}" password="${c.password}"`);
      const first = await http.call('POST', `${API}/auth/signin`, { body });
      assert.equal(first.status, 301);
      const location = String(first.headers.location);
      assert.equal(location, `${sandbox.url}/pod7${API}/auth/signin`);
      const second = await http.call('POST', location.slice(sandbox.url.length), { body });
      assert.equal(second.status, 200);
      const { token, siteId } = credentialsOf(second);
      assert.equal((await http.call('GET', `${API}/sites/${siteId}/projects`, { token })).status, 200);
      assert.equal((await http.call('GET', `/pod7${API}/sites/${siteId}/projects`, { token })).status, 200);
    } finally {
      await http.close();
      await sandbox.stop();
    }
  });
});
