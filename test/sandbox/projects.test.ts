import assert from 'node:assert/strict';
import { API, errorCode, list, type SignedIn, type XmlObject } from '../support/sandbox-http';
import { useSandbox } from '../support/sandbox-fixture';

describe('sandbox: projects', () => {
  const f = useSandbox({ seed: 'demo' });
  let admin: SignedIn;

  before(async () => {
    admin = await f.signInAdmin();
  });

  const projectsPath = () => `${API}/sites/${admin.siteId}/projects`;
  const create = (xmlAttrs: string, session: SignedIn = admin) =>
    f.http.call('POST', `${API}/sites/${session.siteId}/projects`, { token: session.token, body: `<tsRequest><project ${xmlAttrs}/></tsRequest>` });
  const allProjects = async (): Promise<XmlObject[]> =>
    list((await f.http.call('GET', `${projectsPath()}?pageSize=1000`, { token: admin.token })).xml?.projects.project);

  it('lists the seeded tree with descriptions, owners, parents and timestamps', async () => {
    const projects = await allProjects();
    const byName = new Map(projects.map((p) => [p['@_name'], p]));
    const sales = byName.get('Sales');
    const northAmerica = byName.get('North America');
    const pipeline = byName.get('Pipeline');
    assert.equal(byName.get('Default')?.['@_description'], 'The default project that was automatically created by Tableau.');
    assert.equal(northAmerica?.['@_parentProjectId'], sales?.['@_id']);
    assert.equal(pipeline?.['@_parentProjectId'], northAmerica?.['@_id']);
    assert.equal(sales?.['@_topLevelProject'], 'true');
    assert.equal(sales?.owner['@_id'], f.sandbox.state.findUserByName('alice')?.id);
    assert.equal(sales?.['@_createdAt'], '2024-02-01T10:00:00Z');
    assert.equal(byName.get('Executive Dashboards')?.['@_contentPermissions'], 'LockedToProject');
  });

  it('creates nested projects (201) owned by the caller', async () => {
    const parent = await create('name="Data Science" description="Models &amp; experiments" contentPermissions="LockedToProjectWithoutNested"');
    assert.equal(parent.status, 201);
    const parentId = parent.xml?.project['@_id'];
    assert.match(parentId, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.equal(parent.xml?.project['@_description'], 'Models & experiments');
    assert.equal(parent.xml?.project['@_contentPermissions'], 'LockedToProjectWithoutNested');
    assert.equal(parent.xml?.project.owner['@_id'], admin.userId);
    const child = await create(`name="Forecasting" parentProjectId="${parentId}"`);
    assert.equal(child.status, 201);
    assert.equal(child.xml?.project['@_parentProjectId'], parentId);
    assert.equal(child.xml?.project['@_topLevelProject'], 'false');
  });

  it('409006 for a sibling with the same name; the same name under another parent is fine', async () => {
    const clash = await create('name="sales"');
    assert.equal(clash.status, 409);
    assert.equal(errorCode(clash), '409006');
    const operations = (await allProjects()).find((p) => p['@_name'] === 'Operations');
    const elsewhere = await create(`name="Sales" parentProjectId="${operations?.['@_id']}"`);
    assert.equal(elsewhere.status, 201);
  });

  it('404005 for an unknown parent, 400000 for a missing name or bad contentPermissions', async () => {
    const unknownParent = await create('name="Orphan" parentProjectId="00000000-0000-4000-8000-000000000000"');
    assert.equal(unknownParent.status, 404);
    assert.equal(errorCode(unknownParent), '404005');
    for (const attrs of ['description="no name"', 'name="  "', 'name="P" contentPermissions="Whatever"']) {
      const bad = await create(attrs);
      assert.equal(bad.status, 400, attrs);
      assert.equal(errorCode(bad), '400000');
    }
  });

  it('updates name, description and permissions, moves a project, and refuses cycles', async () => {
    const projects = await allProjects();
    const sales = projects.find((p) => p['@_name'] === 'Sales');
    const pipeline = projects.find((p) => p['@_name'] === 'Pipeline');
    const update = (id: string, attrs: string) =>
      f.http.call('PUT', `${projectsPath()}/${id}`, { token: admin.token, body: `<tsRequest><project ${attrs}/></tsRequest>` });
    const renamed = await update(pipeline?.['@_id'], 'name="Pipeline Reviews" description="Weekly." contentPermissions="LockedToProject"');
    assert.equal(renamed.status, 200);
    assert.equal(renamed.xml?.project['@_name'], 'Pipeline Reviews');
    assert.equal(renamed.xml?.project['@_contentPermissions'], 'LockedToProject');
    assert.notEqual(renamed.xml?.project['@_updatedAt'], pipeline?.['@_updatedAt']);
    const moved = await update(pipeline?.['@_id'], `parentProjectId="${sales?.['@_id']}"`);
    assert.equal(moved.xml?.project['@_parentProjectId'], sales?.['@_id']);
    const cycle = await update(sales?.['@_id'], `parentProjectId="${pipeline?.['@_id']}"`);
    assert.equal(cycle.status, 400);
    const missing = await update('00000000-0000-4000-8000-000000000000', 'name="x"');
    assert.equal(errorCode(missing), '404005');
  });

  it('deleting a project deletes its child projects; the Default project cannot be deleted', async () => {
    const root = (await create('name="To Delete"')).xml?.project['@_id'];
    const child = (await create(`name="Child" parentProjectId="${root}"`)).xml?.project['@_id'];
    await create(`name="Grandchild" parentProjectId="${child}"`);
    const deleted = await f.http.call('DELETE', `${projectsPath()}/${root}`, { token: admin.token });
    assert.equal(deleted.status, 204);
    const names = (await allProjects()).map((p) => p['@_name']);
    for (const gone of ['To Delete', 'Child', 'Grandchild']) assert.ok(!names.includes(gone), gone);
    const defaultProject = (await allProjects()).find((p) => p['@_name'] === 'Default');
    assert.equal((await f.http.call('DELETE', `${projectsPath()}/${defaultProject?.['@_id']}`, { token: admin.token })).status, 403);
    assert.equal(errorCode(await f.http.call('DELETE', `${projectsPath()}/${root}`, { token: admin.token })), '404005');
  });

  it('site roles decide: a Viewer cannot create; an owner may update their own project but not others', async () => {
    const bob = await f.signInAs('bob');
    const denied = await create('name="Bob was here"', bob);
    assert.equal(denied.status, 403);
    const dave = await f.signInAs('dave');
    const projects = await allProjects();
    const emea = projects.find((p) => p['@_name'] === 'EMEA');
    const operations = projects.find((p) => p['@_name'] === 'Operations');
    const sales = projects.find((p) => p['@_name'] === 'Sales');
    const put = (id: string) =>
      f.http.call('PUT', `${API}/sites/${dave.siteId}/projects/${id}`, { token: dave.token, body: '<tsRequest><project description="by dave"/></tsRequest>' });
    assert.equal((await put(emea?.['@_id'])).status, 200);
    assert.equal((await put(sales?.['@_id'])).status, 403);
    const nested = await create(`name="Dave's Corner" parentProjectId="${operations?.['@_id']}"`, dave);
    assert.equal(nested.status, 201);
  });
});
