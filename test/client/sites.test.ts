import assert from 'node:assert/strict';
import { MissingRequiredFieldError, ServerResponseError, SiteItem, TableauAuth } from '../../src/client';
import { useClient } from '../support/client-fixture';

describe('client: sites', function () {
  const env = useClient({ seed: 'demo' });

  it('lists every site for a server administrator', async function () {
    const [sites, pagination] = await env.server.sites.get();
    const contentUrls = sites.map((site) => site.contentUrl);
    assert.ok(contentUrls.includes('') && contentUrls.includes('marketing') && contentUrls.includes('finance'), contentUrls.join(','));
    assert.equal(pagination.totalAvailable, sites.length);
    assert.ok(sites.every((site) => site.id && site.state === 'Active'));
  });

  it('creates, reads by id, name and content URL, updates and deletes a site', async function () {
    const created = await env.server.sites.create(new SiteItem('Ops Team', 'opsteam', SiteItem.AdminMode.ContentAndUsers, 15, 1000, true));
    assert.ok(created.id);
    assert.equal(created.userQuota, 15);
    assert.equal(created.disableSubscriptions, true);
    assert.equal((await env.server.sites.getById(created.id!)).name, 'Ops Team');
    assert.equal((await env.server.sites.getByName('Ops Team')).id, created.id);
    assert.equal((await env.server.sites.getByContentUrl('opsteam')).id, created.id);

    created.name = 'Operations';
    created.revisionHistoryEnabled = true;
    const updated = await env.server.sites.update(created);
    assert.equal(updated.name, 'Operations');
    assert.equal(updated.revisionHistoryEnabled, true);

    await env.server.sites.delete(created.id!);
    await assert.rejects(env.server.sites.getById(created.id!), (error: unknown) => error instanceof ServerResponseError && error.status === 404);
  });

  it('refuses a second site with the same content URL (409)', async function () {
    await assert.rejects(env.server.sites.create(new SiteItem('Another marketing', 'marketing')), (error: unknown) => {
      assert.ok(error instanceof ServerResponseError);
      assert.equal(error.status, 409);
      return true;
    });
  });

  it("raises TSC's errors before sending anything", async function () {
    await assert.rejects(env.server.sites.getById(''), new MissingRequiredFieldError('Site ID undefined.'));
    await assert.rejects(env.server.sites.getByName(''), new MissingRequiredFieldError('Site Name undefined.'));
    await assert.rejects(env.server.sites.update(new SiteItem('x', 'x')), new MissingRequiredFieldError('Site item missing ID.'));
    await assert.rejects(env.server.sites.delete(''), new MissingRequiredFieldError('Site ID undefined.'));
    const contentOnly = new SiteItem('x', 'x', SiteItem.AdminMode.ContentOnly, 10);
    contentOnly.id = 'abc';
    await assert.rejects(env.server.sites.update(contentOnly), /cannot set admin_mode to ContentOnly and also set a user quota/);
  });

  it('refuses site creation to a user who is not a server administrator (403)', async function () {
    const creator = [...env.sandbox.state.users.values()].find((user) => !user.serverAdministrator)!;
    const server = env.newServer();
    await server.auth.signIn(new TableauAuth(creator.name, creator.password));
    await assert.rejects(server.sites.create(new SiteItem('Mine', 'mine')), (error: unknown) => {
      assert.ok(error instanceof ServerResponseError);
      assert.equal(error.status, 403);
      assert.match(error.message, /permission or site role/);
      return true;
    });
  });
});
