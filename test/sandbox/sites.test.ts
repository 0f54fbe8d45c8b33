import assert from 'node:assert/strict';
import { API, errorCode, list } from '../support/sandbox-http';
import { useSandbox } from '../support/sandbox-fixture';

describe('sandbox: sites', () => {
  const f = useSandbox({ seed: 'demo' });

  it('Query Sites lists every site for a server administrator, with pagination first', async () => {
    const { token } = await f.signInAdmin();
    const result = await f.http.call('GET', `${API}/sites`, { token });
    assert.equal(result.status, 200);
    assert.deepEqual(Object.keys(result.xml ?? {}).filter((key) => !key.startsWith('@_')), ['pagination', 'sites']);
    assert.equal(result.xml?.pagination['@_totalAvailable'], '3');
    const sites = list(result.xml?.sites.site);
    assert.deepEqual(sites.map((site) => site['@_contentUrl']), ['', 'marketing', 'finance']);
    const site = sites[0];
    for (const attribute of ['id', 'name', 'contentUrl', 'adminMode', 'state', 'userQuota', 'disableSubscriptions',
      'subscribeOthersEnabled', 'revisionHistoryEnabled', 'revisionLimit']) {
      assert.ok(`@_${attribute}` in site, `site has ${attribute}`);
    }
  });

  it('Query Sites shows other users only the sites they belong to', async () => {
    const { token } = await f.signInAs('alice');
    const result = await f.http.call('GET', `${API}/sites`, { token });
    assert.deepEqual(list(result.xml?.sites.site).map((site) => site['@_name']), ['Default', 'Marketing']);
  });

  it('Query Site by id, by ?key=name and by ?key=contentUrl; 404000 for an unknown one', async () => {
    const { token } = await f.signInAdmin();
    const finance = f.sandbox.state.findSiteByContentUrl('finance');
    const byId = await f.http.call('GET', `${API}/sites/${finance?.id}`, { token });
    const byName = await f.http.call('GET', `${API}/sites/Finance?key=name`, { token });
    const byUrl = await f.http.call('GET', `${API}/sites/finance?key=contentUrl`, { token });
    for (const result of [byId, byName, byUrl]) {
      assert.equal(result.status, 200);
      assert.equal(result.xml?.site['@_id'], finance?.id);
      assert.equal(result.xml?.site['@_revisionLimit'], '50');
    }
    const missing = await f.http.call('GET', `${API}/sites/nope?key=contentUrl`, { token });
    assert.equal(missing.status, 404);
    assert.equal(errorCode(missing), '404000');
  });

  it('a non-administrator cannot query a site other than the one signed in to', async () => {
    const { token } = await f.signInAs('alice');
    const marketing = f.sandbox.state.findSiteByContentUrl('marketing');
    const result = await f.http.call('GET', `${API}/sites/${marketing?.id}`, { token });
    assert.equal(result.status, 403);
  });

  it('Create Site (201) makes a site with a Default project that the administrator can sign in to', async () => {
    const { token } = await f.signInAdmin();
    const result = await f.http.call('POST', `${API}/sites`, {
      token,
      body: '<tsRequest><site name="Research &amp; Development" contentUrl="rnd" adminMode="ContentOnly" revisionLimit="10" disableSubscriptions="true"/></tsRequest>',
    });
    assert.equal(result.status, 201);
    assert.equal(result.xml?.site['@_name'], 'Research & Development');
    assert.equal(result.xml?.site['@_adminMode'], 'ContentOnly');
    assert.equal(result.xml?.site['@_disableSubscriptions'], 'true');
    const rnd = await f.signInAdmin('rnd');
    const projects = await f.http.call('GET', `${API}/sites/${rnd.siteId}/projects`, { token: rnd.token });
    assert.deepEqual(list(projects.xml?.projects.project).map((p) => p['@_name']), ['Default']);
  });

  it('Create Site: 409001 for a taken name, 409002 for a taken content URL, 400000 for bad values', async () => {
    const { token } = await f.signInAdmin();
    const create = (attrs: string) => f.http.call('POST', `${API}/sites`, { token, body: `<tsRequest><site ${attrs}/></tsRequest>` });
    const nameClash = await create('name="finance" contentUrl="finance2"');
    assert.equal(nameClash.status, 409);
    assert.equal(errorCode(nameClash), '409001');
    const urlClash = await create('name="Finance 2" contentUrl="FINANCE"');
    assert.equal(urlClash.status, 409);
    assert.equal(errorCode(urlClash), '409002');
    for (const attrs of ['name="X" contentUrl="has space"', 'name="X"', 'name="X" contentUrl="x1" revisionLimit="1"', 'name="X" contentUrl="x2" adminMode="Everything"']) {
      const bad = await create(attrs);
      assert.equal(bad.status, 400, attrs);
      assert.equal(errorCode(bad), '400000');
    }
  });

  it('only server administrators create or delete sites', async () => {
    const { token } = await f.signInAs('carol', 'marketing');
    const create = await f.http.call('POST', `${API}/sites`, { token, body: '<tsRequest><site name="Mine" contentUrl="mine"/></tsRequest>' });
    assert.equal(create.status, 403);
    const marketing = f.sandbox.state.findSiteByContentUrl('marketing');
    assert.equal((await f.http.call('DELETE', `${API}/sites/${marketing?.id}`, { token })).status, 403);
  });

  it('Update Site changes attributes; a site administrator may update their own site', async () => {
    const { token } = await f.signInAs('carol', 'marketing');
    const marketing = f.sandbox.state.findSiteByContentUrl('marketing');
    const result = await f.http.call('PUT', `${API}/sites/${marketing?.id}`, {
      token,
      body: '<tsRequest><site name="Marketing EU" revisionLimit="-1" userQuota="40"/></tsRequest>',
    });
    assert.equal(result.status, 200);
    assert.equal(result.xml?.site['@_name'], 'Marketing EU');
    assert.equal(result.xml?.site['@_revisionLimit'], '-1');
    assert.equal(result.xml?.site['@_userQuota'], '40');
    assert.equal(result.xml?.site['@_contentUrl'], 'marketing');
  });

  it('Delete Site (204) removes the site and ends sessions on it; the Default site cannot be deleted', async () => {
    const admin = await f.signInAdmin();
    const created = await f.http.call('POST', `${API}/sites`, { token: admin.token, body: '<tsRequest><site name="Temp" contentUrl="temp"/></tsRequest>' });
    const siteId = created.xml?.site['@_id'];
    const onTemp = await f.signInAdmin('temp');
    const deleted = await f.http.call('DELETE', `${API}/sites/${siteId}`, { token: admin.token });
    assert.equal(deleted.status, 204);
    assert.equal((await f.http.call('GET', `${API}/sites/${siteId}`, { token: admin.token })).status, 404);
    assert.equal(errorCode(await f.http.call('GET', `${API}/sites/${siteId}/projects`, { token: onTemp.token })), '401002');
    const deleteDefault = await f.http.call('DELETE', `${API}/sites/${admin.siteId}`, { token: admin.token });
    assert.equal(deleteDefault.status, 403);
  });
});
