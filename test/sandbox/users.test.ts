import assert from 'node:assert/strict';
import { request } from 'undici';
import { API, errorCode, list, type HttpResult, type SignedIn } from '../support/sandbox-http';
import { useSandbox } from '../support/sandbox-fixture';

describe('sandbox: users of a site', () => {
  const f = useSandbox({ seed: 'demo' });
  let admin: SignedIn;

  before(async () => {
    admin = await f.signInAdmin();
  });

  const usersPath = (session: SignedIn = admin) => `${API}/sites/${session.siteId}/users`;
  const idOf = (name: string) => f.sandbox.state.findUserByName(name)?.id ?? 'missing';
  const addUser = (attrs: string, session: SignedIn = admin) =>
    f.http.call('POST', usersPath(session), { token: session.token, body: `<tsRequest><user ${attrs}/></tsRequest>` });
  const updateUser = (userId: string, attrs: string, session: SignedIn = admin) =>
    f.http.call('PUT', `${usersPath(session)}/${userId}`, { token: session.token, body: `<tsRequest><user ${attrs}/></tsRequest>` });
  const removeUser = (userId: string, session: SignedIn = admin, query = '') =>
    f.http.call('DELETE', `${usersPath(session)}/${userId}${query}`, { token: session.token });
  const detail = (result: HttpResult): string => result.xml?.error?.detail ?? '';

  it('refuses each legacy site role with 400013, naming the role that replaced it', async () => {
    const replacements: Record<string, string> = {
      Interactor: 'Explorer',
      Publisher: 'ExplorerCanPublish',
      SiteAdministrator: 'SiteAdministratorExplorer',
      ViewerWithPublish: 'Viewer',
      UnlicensedWithPublish: 'Unlicensed',
    };
    for (const [legacy, current] of Object.entries(replacements)) {
      const result = await addUser(`name="legacy-${legacy}" siteRole="${legacy}"`);
      assert.equal(result.status, 400);
      assert.equal(errorCode(result), '400013');
      assert.match(detail(result), new RegExp(`'${legacy}' is a legacy site role .* use ${current} instead`));
    }
    const serverAdmin = await addUser('name="wannabe" siteRole="ServerAdministrator"');
    assert.equal(errorCode(serverAdmin), '400013');
    const update = await updateUser(idOf('liam'), 'siteRole="Publisher"');
    assert.equal(errorCode(update), '400013');
    assert.equal(f.sandbox.state.findUserByName('legacy-Publisher'), undefined);
  });

  it('adds an existing server user to another site: same user, same password', async () => {
    const erin = f.sandbox.state.findUserByName('erin')!;
    const result = await addUser('name="erin" siteRole="Viewer"');
    assert.equal(result.status, 201);
    assert.equal(result.xml?.user['@_id'], erin.id);
    assert.equal(result.xml?.user['@_siteRole'], 'Viewer');
    const session = await f.signInAs('erin', '');
    assert.equal(session.userId, erin.id);
  });

  it('adds users as Unlicensed once the site user quota is used up', async () => {
    const site = f.sandbox.state.addSite({ name: 'Small', contentUrl: 'small', userQuota: 2 });
    const smallAdmin = await f.signInAdmin('small');
    assert.equal(smallAdmin.siteId, site.id);
    const first = await addUser('name="small-one" siteRole="Creator"', smallAdmin);
    assert.equal(first.xml?.user['@_siteRole'], 'Creator', 'the administrator and this user fill the quota of 2');
    const second = await addUser('name="small-two" siteRole="Creator"', smallAdmin);
    assert.equal(second.status, 201);
    assert.equal(second.xml?.user['@_siteRole'], 'Unlicensed');
  });

  it('lets a user look themself up but refuses them the user list', async () => {
    const bob = await f.signInAs('bob');
    const self = await f.http.call('GET', `${usersPath(bob)}/${bob.userId}`, { token: bob.token });
    assert.equal(self.status, 200);
    assert.equal(self.xml?.user['@_name'], 'bob');
    const everyone = await f.http.call('GET', usersPath(bob), { token: bob.token });
    assert.equal(everyone.status, 403);
    assert.match(detail(everyone), /only server administrators and site administrators/);
  });

  it('validates Update User: email, empty password, self role change, promotion to server administrator', async () => {
    const bad = await updateUser(idOf('liam'), 'email="not-an-email"');
    assert.equal(bad.status, 400);
    assert.match(detail(bad), /Invalid email address/);
    assert.equal(errorCode(await updateUser(idOf('liam'), 'password=""')), '400000');

    const ivan = await f.signInAs('ivan');
    const selfRole = await updateUser(ivan.userId, 'siteRole="Viewer"', ivan);
    assert.equal(errorCode(selfRole), '403009');
    const sameRole = await updateUser(ivan.userId, 'siteRole="SiteAdministratorCreator" fullName="Ivan I."', ivan);
    assert.equal(sameRole.status, 200, 'sending back an unchanged role is fine');
    assert.equal(sameRole.xml?.user['@_id'], undefined, 'Update User answers without the id, like Tableau');
    assert.equal(errorCode(await updateUser(idOf('mia'), 'siteRole="ServerAdministrator"', ivan)), '403000');

    const promoted = await updateUser(idOf('mia'), 'siteRole="ServerAdministrator"');
    assert.equal(promoted.status, 200);
    const mia = idOf('mia');
    for (const site of f.sandbox.state.sites.values()) assert.equal(f.sandbox.state.siteRoleOf(mia, site.id), 'ServerAdministrator');
  });

  it("limits a site administrator to accounts that live only on sites they administer", async () => {
    const carol = await f.signInAs('carol', 'marketing');
    const kate = await updateUser(idOf('kate'), 'email="kate@elsewhere.example.com"', carol);
    assert.equal(kate.status, 403, 'kate is also on the Default site, where carol is no administrator');
    assert.match(detail(kate), /also a member of site\(s\) 'Default'/);
    const roleOnly = await updateUser(idOf('kate'), 'siteRole="Explorer"', carol);
    assert.equal(roleOnly.status, 200, 'the site role on her own site is hers to change');

    const added = await addUser('name="marketing-intern" siteRole="Viewer"', carol);
    const internId = added.xml?.user['@_id'];
    const email = await updateUser(internId, 'email="intern@example.com" password="pw-1234"', carol);
    assert.equal(email.status, 200);
    assert.equal(email.xml?.user['@_email'], 'intern@example.com');
    const intern = await f.http.signInWithPassword('marketing-intern', 'pw-1234', 'marketing');
    assert.equal(intern.userId, internId);
  });

  it('leaves user management to server administrators on a ContentOnly site', async () => {
    const marketing = f.sandbox.state.findSiteByContentUrl('marketing')!;
    marketing.adminMode = 'ContentOnly';
    try {
      const carol = await f.signInAs('carol', 'marketing');
      const result = await addUser('name="blocked" siteRole="Viewer"', carol);
      assert.equal(result.status, 403);
      assert.match(detail(result), /ContentOnly/);
      const group = await f.http.call('POST', `${API}/sites/${carol.siteId}/groups`, { token: carol.token, body: '<tsRequest><group name="Still fine"/></tsRequest>' });
      assert.equal(group.status, 201, 'groups are still theirs to manage');
    } finally {
      marketing.adminMode = 'ContentAndUsers';
    }
  });

  it('removing a user takes their site membership, groups, favorites and sessions; the last site deletes them', async () => {
    const added = await addUser('name="leaver" siteRole="Viewer"');
    const leaverId = added.xml?.user['@_id'];
    await updateUser(leaverId, 'password="leave-now"');
    const leaver = await f.http.signInWithPassword('leaver', 'leave-now');
    const groups = list((await f.http.call('GET', `${API}/sites/${admin.siteId}/groups`, { token: admin.token })).xml?.groups.group);
    const hires = groups.find((g) => g['@_name'] === 'New Hires');
    await f.http.call('POST', `${API}/sites/${admin.siteId}/groups/${hires['@_id']}/users`, { token: admin.token, body: `<tsRequest><user id="${leaverId}"/></tsRequest>` });

    const removed = await removeUser(leaverId);
    assert.equal(removed.status, 204);
    assert.equal(f.sandbox.state.users.get(leaverId), undefined, 'no site left: the user is gone from the server');
    const afterwards = await f.http.call('GET', `${API}/sites/${admin.siteId}/projects`, { token: leaver.token });
    assert.equal(errorCode(afterwards), '401002', "the removed user's session ended");
    const members = await f.http.call('GET', `${API}/sites/${admin.siteId}/groups/${hires['@_id']}/users`, { token: admin.token });
    assert.ok(!list(members.xml?.users.user).some((user) => user['@_id'] === leaverId));

    // erin joined the Default site earlier; leaving it keeps her on Finance.
    assert.equal((await removeUser(idOf('erin'))).status, 204);
    assert.ok(f.sandbox.state.findUserByName('erin'), 'still a server user');
    assert.equal(f.sandbox.state.siteRoleOf(idOf('erin'), admin.siteId), undefined);
  });

  it('refuses to remove oneself, a server administrator, or with an unknown heir', async () => {
    const heidi = await f.signInAs('heidi');
    assert.equal(errorCode(await removeUser(heidi.userId, heidi)), '403000');
    assert.equal(errorCode(await removeUser(idOf('admin'), heidi)), '403000');
    const result = await removeUser(idOf('judy'), admin, '?mapAssetsTo=00000000-0000-4000-8000-000000000000');
    assert.equal(errorCode(result), '404002');
    assert.match(detail(result), /mapAssetsTo/);
  });

  it('lists the groups of a user and, for the user or an administrator, the workbooks they own', async () => {
    const groups = await f.http.call('GET', `${usersPath()}/${idOf('alice')}/groups`, { token: admin.token });
    assert.deepEqual(list(groups.xml?.groups.group).map((g) => g['@_name']), ['All Users', 'Sales Analysts']);
    const bob = await f.signInAs('bob');
    assert.equal((await f.http.call('GET', `${usersPath(bob)}/${idOf('alice')}/groups`, { token: bob.token })).status, 403);
    const workbooks = await f.http.call('GET', `${usersPath(bob)}/${idOf('alice')}/workbooks`, { token: bob.token });
    assert.equal(errorCode(workbooks), '403018');
    const badFlag = await f.http.call('GET', `${usersPath()}/${idOf('alice')}/workbooks?ownedBy=maybe`, { token: admin.token });
    assert.equal(errorCode(badFlag), '400000');
  });

  it('generates users in bulk through /_sandbox/generate, checking what it is given', async () => {
    const generate = async (body: object) => {
      const response = await request(`${f.sandbox.url}/_sandbox/generate`, { method: 'POST', body: JSON.stringify(body), dispatcher: f.http.agent });
      return { status: response.statusCode, body: (await response.body.json()) as Record<string, unknown> };
    };
    const made = await generate({ kind: 'users', count: 25, siteContentUrl: 'finance', namePrefix: 'fin', siteRole: 'Viewer' });
    assert.equal(made.status, 201);
    assert.equal(made.body.created, 25);
    const finance = f.sandbox.state.findSiteByContentUrl('finance')!;
    assert.equal(f.sandbox.state.siteRoleOf(made.body.firstId as string, finance.id), 'Viewer');
    assert.equal((await generate({ kind: 'users', count: 0 })).status, 400);
    assert.equal((await generate({ kind: 'users', count: 5, siteRole: 'Publisher' })).status, 400);
    assert.equal((await generate({ kind: 'users', count: 5, siteContentUrl: 'nowhere' })).status, 404);
  });
});
