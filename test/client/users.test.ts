import assert from 'node:assert/strict';
import {
  Filter,
  MissingRequiredFieldError,
  Pager,
  ProjectItem,
  RequestOptions,
  TableauAuth,
  UnpopulatedPropertyError,
  UserItem,
  WorkbookItem,
  type Page,
  type Server,
} from '../../src/client';
import type { SandboxState } from '../../src/sandbox';
import { useClient } from '../support/client-fixture';
import { serverError } from '../support/server-errors';
import { addDatasourceRecord, addViewRecord, addWorkbookRecord } from '../support/people';
import { API, SandboxHttp } from '../support/sandbox-http';

function seeded(state: SandboxState, name: string) {
  const user = state.findUserByName(name);
  if (!user) throw new Error(`no seeded user '${name}'`);
  return user;
}

describe('client: users', function () {
  const env = useClient({ seed: 'demo' });

  async function signedInAs(name: string, password?: string): Promise<Server> {
    const server = env.newServer();
    await server.auth.signIn(new TableauAuth(name, password ?? seeded(env.sandbox.state, name).password));
    return server;
  }

  it('lists the users of the site with their role, names, email, last sign-in and domain', async function () {
    const [users, pagination] = await env.server.users.get();
    assert.equal(pagination.totalAvailable, users.length);
    const alice = users.find((user) => user.name === 'alice');
    assert.ok(alice?.id);
    assert.equal(alice.siteRole, UserItem.Roles.Creator);
    assert.equal(alice.fullname, 'Alice Analyst');
    assert.equal(alice.email, 'alice@example.com');
    assert.equal(alice.domainName, 'local');
    assert.equal(alice.authSetting, UserItem.Auth.ServerDefault);
    assert.deepEqual(alice.lastLogin, new Date('2026-03-01T09:12:00Z'));
    const roles = new Set(users.map((user) => user.siteRole));
    for (const role of ['ServerAdministrator', 'Creator', 'Explorer', 'ExplorerCanPublish', 'SiteAdministratorCreator', 'SiteAdministratorExplorer', 'Viewer', 'Unlicensed']) {
      assert.ok(roles.has(role), `the demo site has a ${role}`);
    }
    assert.equal(users.find((user) => user.name === 'liam')?.lastLogin, undefined, 'a user who never signed in has no lastLogin');
  });

  it('gets one user by id, and refuses an empty id before any request', async function () {
    const bob = await env.server.users.getById(seeded(env.sandbox.state, 'bob').id);
    assert.equal(bob.name, 'bob');
    assert.equal(bob.siteRole, 'Viewer');
    await assert.rejects(env.server.users.getById(''), (error: unknown) => error instanceof MissingRequiredFieldError && error.message === 'User ID undefined.');
    await assert.rejects(env.server.users.getById('00000000-0000-4000-8000-000000000000'), serverError(404, '404002'));
  });

  it('adds a user, who cannot sign in until update() sets a password, then can', async function () {
    const added = await env.server.users.add(new UserItem('nora', UserItem.Roles.ExplorerCanPublish, UserItem.Auth.ServerDefault));
    assert.ok(added.id);
    assert.equal(added.name, 'nora');
    assert.equal(added.siteRole, 'ExplorerCanPublish');
    await assert.rejects(signedInAs('nora', ''), serverError(401, '401001'));

    added.fullname = 'Nora North';
    added.email = 'nora@example.com';
    const updated = await env.server.users.update(added, 'correct horse battery staple');
    assert.equal(updated, added, 'update() returns the item it was given, updated');
    assert.equal(updated.id, added.id, 'the id survives although Update User does not send it');
    assert.equal(updated.fullname, 'Nora North');
    assert.equal(updated.email, 'nora@example.com');

    const nora = await signedInAs('nora', 'correct horse battery staple');
    assert.equal(nora.userId, added.id);
    const [projects] = await nora.projects.get();
    assert.ok(projects.length > 0, 'the new user works on the site');
  });

  it('changes a site role with update(), and refuses a user changing their own', async function () {
    const [[kate]] = await env.server.users.get(filterByName('kate'));
    kate.siteRole = UserItem.Roles.Explorer;
    await env.server.users.update(kate);
    assert.equal((await env.server.users.getById(kate.id!)).siteRole, 'Explorer');

    const heidi = await signedInAs('heidi');
    const self = await heidi.users.getById(heidi.userId!);
    self.siteRole = UserItem.Roles.Creator;
    await assert.rejects(heidi.users.update(self), serverError(403, '403009', /own site role/));
  });

  it('refuses a user name already on the site (409000), an unknown or legacy role (400013) and Guest (409005)', async function () {
    await assert.rejects(env.server.users.add(new UserItem('alice', UserItem.Roles.Viewer)), serverError(409, '409000', /alice/));
    await assert.rejects(env.server.users.add(new UserItem('otto', 'Superuser')), serverError(400, '400013', /siteRole/));
    await assert.rejects(env.server.users.add(new UserItem('otto', UserItem.Roles.Publisher)), serverError(400, '400013', /use ExplorerCanPublish/));
    await assert.rejects(env.server.users.add(new UserItem('otto', UserItem.Roles.Interactor)), serverError(400, '400013', /use Explorer instead/));
    await assert.rejects(env.server.users.add(new UserItem('otto', UserItem.Roles.Guest)), serverError(409, '409005'));
    const [[bob]] = await env.server.users.get(filterByName('bob'));
    bob.name = 'carol';
    await assert.rejects(env.server.users.update(bob), serverError(409, '409000'));
  });

  it('needs an id to update, remove or populate, with TSC messages', async function () {
    const unsaved = new UserItem('ghost', UserItem.Roles.Viewer);
    await assert.rejects(env.server.users.update(unsaved), (e: unknown) => e instanceof MissingRequiredFieldError && e.message === 'User item missing ID.');
    await assert.rejects(env.server.users.populateWorkbooks(unsaved), (e: unknown) => e instanceof MissingRequiredFieldError && e.message === 'User item missing ID.');
    await assert.rejects(env.server.users.populateFavorites(unsaved), (e: unknown) => e instanceof MissingRequiredFieldError && e.message === 'User item missing ID.');
    await assert.rejects(env.server.users.remove(''), (e: unknown) => e instanceof MissingRequiredFieldError && e.message === 'User ID undefined.');
    assert.throws(() => unsaved.workbooks, UnpopulatedPropertyError);
    assert.throws(() => unsaved.favorites, UnpopulatedPropertyError);
  });

  it('removes a user from the site', async function () {
    const temp = await env.server.users.add(new UserItem('temp-remove', UserItem.Roles.Viewer));
    await env.server.users.remove(temp.id!);
    await assert.rejects(env.server.users.getById(temp.id!), serverError(404, '404002'));
    const [left] = await env.server.users.get();
    assert.ok(!left.some((user) => user.name === 'temp-remove'));
  });

  it('refuses to remove a content owner (409003, who becomes Unlicensed) unless mapAssetsTo hands the content over', async function () {
    const owner = await env.server.users.add(new UserItem('owner-remove', UserItem.Roles.Creator));
    const heir = seeded(env.sandbox.state, 'kate');
    const site = env.sandbox.state.findSiteByContentUrl('')!;
    const project = await env.server.projects.create(new ProjectItem('Owned by owner-remove'));
    env.sandbox.state.projects.get(site.id, project.id!)!.ownerId = owner.id!;

    await assert.rejects(env.server.users.remove(owner.id!), serverError(409, '409003', /Owned by owner-remove/));
    assert.equal((await env.server.users.getById(owner.id!)).siteRole, 'Unlicensed', 'like Tableau, the owner is unlicensed instead');

    await env.server.users.remove(owner.id!, heir.id);
    await assert.rejects(env.server.users.getById(owner.id!), serverError(404, '404002'));
    const [projects] = await env.server.projects.get();
    assert.equal(projects.find((p) => p.id === project.id)?.ownerId, heir.id, 'the heir owns the project now');
  });

  it("populates the workbooks a user owns a page at a time, Pager included, and fails loudly before", async function () {
    const state = env.sandbox.state;
    const site = state.findSiteByContentUrl('')!;
    const mia = seeded(state, 'mia');
    const sales = state.projects.listSite(site.id).find((project) => project.name === 'Sales')!;
    const ownedBefore = state.content.workbooks.listSite(site.id).filter((workbook) => workbook.ownerId === mia.id).map((w) => w.name);
    for (const name of ['Mia One', 'Mia Two', 'Mia Three']) addWorkbookRecord(state, { siteId: site.id, projectId: sales.id, ownerId: mia.id, name });
    addWorkbookRecord(state, { siteId: site.id, projectId: sales.id, ownerId: seeded(state, 'alice').id, name: 'Not Mia' });
    const expected = [...ownedBefore, 'Mia One', 'Mia Three', 'Mia Two'].sort();

    const user = await env.server.users.getById(mia.id);
    assert.throws(() => user.workbooks, /populateWorkbooks/);
    const pagination = await env.server.users.populateWorkbooks(user);
    assert.equal(pagination.totalAvailable, expected.length);
    assert.deepEqual(user.workbooks.map((workbook) => workbook.name).sort(), expected);
    assert.ok(user.workbooks.every((workbook) => workbook.ownerId === mia.id));

    const pages = (options: RequestOptions): Promise<Page<WorkbookItem>> =>
      env.server.users.populateWorkbooks(user, options).then((page) => [user.workbooks, page]);
    const paged: string[] = [];
    for await (const workbook of new Pager(pages, new RequestOptions(1, 2))) paged.push(workbook.name!);
    assert.deepEqual(paged.sort(), expected);
  });

  it("populates a user's favorite projects, workbooks, views and data sources", async function () {
    const alice = await env.server.users.getById(seeded(env.sandbox.state, 'alice').id);
    assert.throws(() => alice.favorites, /populateFavorites/);
    await env.server.users.populateFavorites(alice);
    assert.deepEqual(alice.favorites.projects.map((project) => project.name), ['Sales', 'Executive Dashboards']);
    // The demo seed also favorites the Default site's first published workbook, view and data source for alice.
    const seededContent = env.sandbox.state.content;
    const defaultSite = env.sandbox.state.findSiteByContentUrl('')!.id;
    assert.deepEqual(alice.favorites.workbooks.map((w) => w.id), seededContent.workbooks.listSite(defaultSite).slice(0, 1).map((w) => w.id));
    assert.deepEqual(alice.favorites.views.map((v) => v.id), seededContent.views.listSite(defaultSite).slice(0, 1).map((v) => v.id));
    assert.deepEqual(alice.favorites.datasources.map((d) => d.id), seededContent.datasources.listSite(defaultSite).slice(0, 1).map((d) => d.id));

    const liam = await env.server.users.getById(seeded(env.sandbox.state, 'liam').id);
    await env.server.users.populateFavorites(liam);
    assert.deepEqual({ ...liam.favorites }, { workbooks: [], views: [], datasources: [], projects: [] });

    // Content favorites, added the way the web UI does (Add ... to Favorites), over raw HTTP.
    const state = env.sandbox.state;
    const site = state.findSiteByContentUrl('')!;
    const project = state.projects.listSite(site.id).find((p) => p.name === 'Operations')!;
    const owner = seeded(state, 'dave').id;
    const workbook = addWorkbookRecord(state, { siteId: site.id, projectId: project.id, ownerId: owner, name: 'Shipping KPIs' });
    const view = addViewRecord(state, workbook, 'On-Time Rate');
    const datasource = addDatasourceRecord(state, { siteId: site.id, projectId: project.id, ownerId: owner, name: 'Shipments' });
    const http = new SandboxHttp(env.sandbox.url);
    try {
      for (const [kind, id, label] of [['workbook', workbook.id, 'KPIs'], ['view', view.id, 'On time'], ['datasource', datasource.id, 'Shipments'], ['project', project.id, 'Ops']]) {
        const body = `<tsRequest><favorite label="${label}"><${kind} id="${id}"/></favorite></tsRequest>`;
        const result = await http.call('PUT', `${API}/sites/${site.id}/favorites/${liam.id}`, { token: env.server.authToken, body });
        assert.equal(result.status, 200, result.text);
      }
    } finally {
      await http.close();
    }
    await env.server.users.populateFavorites(liam);
    assert.deepEqual(liam.favorites.workbooks.map((w) => [w.id, w.name, w.projectId, w.ownerId]), [[workbook.id, 'Shipping KPIs', project.id, owner]]);
    assert.deepEqual(liam.favorites.views.map((v) => [v.id, v.name, v.workbookId]), [[view.id, 'On-Time Rate', workbook.id]]);
    assert.deepEqual(liam.favorites.datasources.map((d) => [d.id, d.name, d.datasourceType]), [[datasource.id, 'Shipments', 'postgres']]);
    assert.deepEqual(liam.favorites.projects.map((p) => p.name), ['Operations']);
  });

  it("refuses a non-administrator's sign-in an administrator's operation with a clear 403", async function () {
    const bob = await signedInAs('bob');
    await assert.rejects(
      bob.users.add(new UserItem('sneaky', UserItem.Roles.Creator)),
      serverError(403, '403000', /'bob' \(Viewer\) cannot add users to the site: only server administrators and site administrators/),
    );
    await assert.rejects(bob.users.get(), serverError(403, '403000', /lacks the permission or site role/));
    await assert.rejects(bob.users.getById(seeded(env.sandbox.state, 'alice').id), serverError(403, '403133'));
    assert.equal((await bob.users.getById(bob.userId!)).name, 'bob', 'a user may look themself up');
    assert.equal(env.sandbox.state.findUserByName('sneaky'), undefined);
  });
});

function filterByName(name: string): RequestOptions {
  const options = new RequestOptions();
  options.filter.add(new Filter(RequestOptions.Field.Name, RequestOptions.Operator.Equals, name));
  return options;
}
