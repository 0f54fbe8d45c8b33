import assert from 'node:assert/strict';
import { addViewRecord, addWorkbookRecord } from '../support/people';
import { API, errorCode, list, type SignedIn } from '../support/sandbox-http';
import { useSandbox } from '../support/sandbox-fixture';

describe('sandbox: favorites', () => {
  const f = useSandbox({ seed: 'demo' });
  let admin: SignedIn;
  let liam: SignedIn;

  before(async () => {
    admin = await f.signInAdmin();
    liam = await f.signInAs('liam');
  });

  const projectId = (name: string) => f.sandbox.state.projects.listSite(admin.siteId).find((p) => p.name === name)!.id;
  const favoritesPath = (userId: string) => `${API}/sites/${admin.siteId}/favorites/${userId}`;
  const add = (session: SignedIn, userId: string, label: string, kind: string, id: string) =>
    f.http.call('PUT', favoritesPath(userId), { token: session.token, body: `<tsRequest><favorite label="${label}"><${kind} id="${id}"/></favorite></tsRequest>` });
  const labels = async (userId: string) =>
    list((await f.http.call('GET', favoritesPath(userId), { token: admin.token })).xml?.favorites?.favorite).map((fav) => fav['@_label']);

  it('has seeded favorites, and lets a user add, relabel and delete their own, answering with the whole list', async () => {
    const alice = f.sandbox.state.findUserByName('alice')!.id;
    assert.deepEqual((await labels(alice)).slice(0, 2), ['Sales', 'Executive Dashboards']);
    assert.deepEqual(await labels(liam.userId), []);

    assert.equal((await add(liam, liam.userId, 'Ops', 'project', projectId('Operations'))).status, 200);
    const added = await add(liam, liam.userId, 'Budget', 'project', projectId('Sales'));
    assert.equal(added.status, 200);
    assert.deepEqual(list(added.xml?.favorites.favorite).map((fav) => fav['@_label']), ['Ops', 'Budget']);
    assert.ok(list(added.xml?.favorites.favorite)[1]['@_addedAt']);

    const relabelled = await add(liam, liam.userId, 'Sales pipeline', 'project', projectId('Sales'));
    assert.equal(relabelled.status, 200);
    assert.deepEqual(await labels(liam.userId), ['Ops', 'Sales pipeline']);

    const removed = await f.http.call('DELETE', `${favoritesPath(liam.userId)}/projects/${projectId('Sales')}`, { token: liam.token });
    assert.equal(removed.status, 204);
    assert.deepEqual(await labels(liam.userId), ['Ops']);
    const again = await f.http.call('DELETE', `${favoritesPath(liam.userId)}/projects/${projectId('Sales')}`, { token: liam.token });
    assert.equal(errorCode(again), '404010');
  });

  it('refuses an empty label (400005), a label taken by another item (409007), unknown items, and other users', async () => {
    assert.equal(errorCode(await add(liam, liam.userId, '  ', 'project', projectId('EMEA'))), '400005');
    assert.equal(errorCode(await add(liam, liam.userId, 'Ops', 'project', projectId('EMEA'))), '409007');
    const unknown = '00000000-0000-4000-8000-000000000000';
    assert.equal(errorCode(await add(liam, liam.userId, 'X', 'project', unknown)), '404005');
    assert.equal(errorCode(await add(liam, liam.userId, 'X', 'workbook', unknown)), '404006');
    assert.equal(errorCode(await add(liam, liam.userId, 'X', 'view', unknown)), '404011');
    assert.equal(errorCode(await add(liam, liam.userId, 'X', 'datasource', unknown)), '404011');
    const alice = f.sandbox.state.findUserByName('alice')!.id;
    assert.equal(errorCode(await add(liam, alice, 'Mine now', 'project', projectId('EMEA'))), '403004');
    assert.equal((await f.http.call('GET', favoritesPath(alice), { token: liam.token })).status, 403);
    assert.equal((await add(admin, alice, 'From the admin', 'project', projectId('EMEA'))).status, 200, 'administrators manage anyone’s favorites');
    const wrongKind = await f.http.call('DELETE', `${favoritesPath(liam.userId)}/flows/${unknown}`, { token: liam.token });
    assert.equal(wrongKind.status, 404);
  });

  it('keeps workbook and view favorites, and forgets a favorite whose item is deleted', async () => {
    const state = f.sandbox.state;
    const owner = state.findUserByName('dave')!.id;
    const workbook = addWorkbookRecord(state, { siteId: admin.siteId, projectId: projectId('Logistics'), ownerId: owner, name: 'Carrier Scorecard' });
    const view = addViewRecord(state, workbook, 'Late Shipments');
    assert.equal((await add(liam, liam.userId, 'Scorecard', 'workbook', workbook.id)).status, 200);
    const viewAdded = await add(liam, liam.userId, 'Late', 'view', view.id);
    const favoriteView = list(viewAdded.xml?.favorites.favorite).find((fav) => fav.view)?.view;
    assert.equal(favoriteView['@_contentUrl'], `${workbook.contentUrl}/sheets/${view.viewUrlName}`);
    assert.equal(favoriteView.workbook['@_id'], workbook.id);

    const logistics = await f.http.call('DELETE', `${API}/sites/${admin.siteId}/projects/${projectId('Logistics')}`, { token: admin.token });
    assert.equal(logistics.status, 204);
    assert.deepEqual(await labels(liam.userId), ['Ops'], 'the workbook and its view went with their project');
  });
});

describe('sandbox: groups', () => {
  const f = useSandbox({ seed: 'demo' });
  let admin: SignedIn;

  before(async () => {
    admin = await f.signInAdmin();
  });

  const groupsPath = () => `${API}/sites/${admin.siteId}/groups`;
  const create = (body: string) => f.http.call('POST', groupsPath(), { token: admin.token, body: `<tsRequest>${body}</tsRequest>` });

  it('has an All Users group on every site, new sites included', async () => {
    await f.http.call('POST', `${API}/sites`, { token: admin.token, body: '<tsRequest><site name="Fresh" contentUrl="fresh"/></tsRequest>' });
    const fresh = await f.signInAdmin('fresh');
    const groups = await f.http.call('GET', `${API}/sites/${fresh.siteId}/groups`, { token: fresh.token });
    const all = list(groups.xml?.groups.group);
    assert.deepEqual(all.map((g) => g['@_name']), ['All Users']);
    const members = await f.http.call('GET', `${API}/sites/${fresh.siteId}/groups/${all[0]['@_id']}/users`, { token: fresh.token });
    assert.deepEqual(list(members.xml?.users.user).map((u) => u['@_name']), ['admin']);
  });

  it('creates groups with a minimum site role, refusing Active Directory imports and legacy roles', async () => {
    const created = await create('<group name="Licensed Viewers" minimumSiteRole="Viewer"/>');
    assert.equal(created.status, 201);
    assert.equal(created.xml?.group['@_minimumSiteRole'], 'Viewer');
    assert.equal(created.xml?.group.domain['@_name'], 'local');
    assert.equal(errorCode(await create('<group name="AD"><import source="ActiveDirectory" domainName="corp" siteRole="Viewer" grantLicenseMode="onLogin"/></group>')), '403011');
    assert.equal(errorCode(await create('<group name="Old" minimumSiteRole="Interactor"/>')), '400013');
    assert.equal(errorCode(await create('<group name="  "/>')), '400000');
  });

  it('renames a group (not All Users), keeping names unique', async () => {
    const groups = list((await f.http.call('GET', groupsPath(), { token: admin.token })).xml?.groups.group);
    const id = (name: string) => groups.find((g) => g['@_name'] === name)['@_id'];
    const rename = (groupId: string, name: string) =>
      f.http.call('PUT', `${groupsPath()}/${groupId}`, { token: admin.token, body: `<tsRequest><group name="${name}"/></tsRequest>` });
    const renamed = await rename(id('Contractors'), 'Vendors');
    assert.equal(renamed.xml?.group['@_name'], 'Vendors');
    assert.equal(errorCode(await rename(id('Executives'), 'vendors')), '409009');
    assert.equal(errorCode(await rename(id('All Users'), 'Everyone')), '403000');
  });

  it('filters and sorts groups, e.g. by user count', async () => {
    const result = await f.http.call('GET', `${groupsPath()}?filter=userCount:gte:3&sort=userCount:desc`, { token: admin.token });
    const names = list(result.xml?.groups.group).map((g) => g['@_name']);
    assert.equal(names[0], 'All Users');
    assert.deepEqual(names.slice(1).sort(), ['Data Stewards', 'Sales Analysts']);
  });

  it('only lets administrators see who is in a group', async () => {
    const kate = await f.signInAs('kate');
    const groups = list((await f.http.call('GET', `${API}/sites/${kate.siteId}/groups`, { token: kate.token })).xml?.groups.group);
    const members = await f.http.call('GET', `${API}/sites/${kate.siteId}/groups/${groups[0]['@_id']}/users`, { token: kate.token });
    assert.equal(members.status, 403);
  });
});

describe('sandbox: server schedules', () => {
  const f = useSandbox({ seed: 'empty' });

  it('need a signed-in caller, and the empty seed has none', async () => {
    assert.equal(errorCode(await f.http.call('GET', `${API}/schedules`)), '401000');
    const admin = await f.signInAdmin();
    const result = await f.http.call('GET', `${API}/schedules`, { token: admin.token });
    assert.equal(result.status, 200);
    assert.equal(result.xml?.pagination['@_totalAvailable'], '0');
  });
});
