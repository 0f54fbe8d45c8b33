import assert from 'node:assert/strict';
import {
  Filter,
  GroupItem,
  MissingRequiredFieldError,
  Pager,
  RequestOptions,
  TableauAuth,
  UnpopulatedPropertyError,
  UserItem,
  type Page,
} from '../../src/client';
import { useClient } from '../support/client-fixture';
import { serverError } from '../support/server-errors';

function missingField(message: string) {
  return (error: unknown) => error instanceof MissingRequiredFieldError && error.message === message;
}

const groupMissingId = 'Group item missing ID. Group must be retrieved from server first.';

describe('client: groups', function () {
  const env = useClient({ seed: 'demo' });

  async function groupNamed(name: string): Promise<GroupItem> {
    const options = new RequestOptions();
    options.filter.add(new Filter(RequestOptions.Field.Name, RequestOptions.Operator.Equals, name));
    const [[group]] = await env.server.groups.get(options);
    assert.ok(group, `group '${name}' exists`);
    return group;
  }

  async function memberNames(group: GroupItem): Promise<string[]> {
    await env.server.groups.populateUsers(group);
    return group.users.map((user) => user.name).sort();
  }

  const userId = (name: string) => env.sandbox.state.findUserByName(name)!.id;

  it('lists the groups of the site, All Users first, each in the local domain', async function () {
    const [groups, pagination] = await env.server.groups.get();
    assert.equal(groups[0].name, 'All Users');
    assert.equal(pagination.totalAvailable, groups.length);
    assert.ok(['Sales Analysts', 'Executives', 'Data Stewards', 'Contractors', 'New Hires'].every((name) => groups.some((g) => g.name === name)));
    assert.ok(groups.every((group) => group.id && group.domainName === 'local'));
  });

  it('populates the members of a group, and of All Users (every user of the site)', async function () {
    const analysts = await groupNamed('Sales Analysts');
    assert.throws(() => analysts.users, UnpopulatedPropertyError);
    const pagination = await env.server.groups.populateUsers(analysts);
    assert.equal(pagination.totalAvailable, 3);
    assert.deepEqual(analysts.users.map((user) => user.name).sort(), ['alice', 'dave', 'kate']);
    assert.ok(analysts.users.every((user) => user.id && user.siteRole));

    const [siteUsers] = await env.server.users.get(new RequestOptions(1, 1000));
    assert.deepEqual(await memberNames(await groupNamed('All Users')), siteUsers.map((user) => user.name).sort());
    assert.deepEqual(await memberNames(await groupNamed('New Hires')), []);
  });

  it('pages through the members with Pager over populateUsers', async function () {
    const everyone = await groupNamed('All Users');
    const pages = (options: RequestOptions): Promise<Page<UserItem>> =>
      env.server.groups.populateUsers(everyone, options).then((pagination) => [everyone.users, pagination]);
    const names: string[] = [];
    for await (const user of new Pager(pages, new RequestOptions(1, 2))) names.push(user.name);
    const [siteUsers] = await env.server.users.get(new RequestOptions(1, 1000));
    assert.deepEqual(names.sort(), siteUsers.map((user) => user.name).sort());
  });

  it('creates a group, adds and removes members, and deletes it', async function () {
    const created = await env.server.groups.create(new GroupItem('Forecasting'));
    assert.ok(created.id);
    assert.equal(created.name, 'Forecasting');
    assert.equal(created.domainName, 'local');

    const added = await env.server.groups.addUser(created, userId('liam'));
    assert.equal(added.name, 'liam');
    await env.server.groups.addUser(created, userId('mia'));
    assert.deepEqual(await memberNames(created), ['liam', 'mia']);

    await env.server.groups.removeUser(created, userId('liam'));
    assert.deepEqual(await memberNames(created), ['mia']);

    await env.server.groups.delete(created.id!);
    const [groups] = await env.server.groups.get();
    assert.ok(!groups.some((group) => group.id === created.id));
    await assert.rejects(env.server.groups.populateUsers(created), serverError(404, '404012'));
  });

  it('refuses a duplicate group name (409009), a member twice (409011), and strangers (404002)', async function () {
    await assert.rejects(env.server.groups.create(new GroupItem('sales analysts')), serverError(409, '409009', /Sales Analysts/));
    const analysts = await groupNamed('Sales Analysts');
    await assert.rejects(env.server.groups.addUser(analysts, userId('alice')), serverError(409, '409011'));
    await assert.rejects(env.server.groups.addUser(await groupNamed('All Users'), userId('alice')), serverError(409, '409011'));
    await assert.rejects(env.server.groups.addUser(analysts, userId('erin')), serverError(404, '404002'), 'erin is not on the Default site');
    await assert.rejects(env.server.groups.removeUser(analysts, userId('bob')), serverError(404, '404002', /not a member/));
  });

  it('keeps All Users whole: it cannot be deleted or lose a member', async function () {
    const everyone = await groupNamed('All Users');
    await assert.rejects(env.server.groups.delete(everyone.id!), serverError(403, '403000', /All Users/));
    await assert.rejects(env.server.groups.removeUser(everyone, userId('bob')), serverError(403, '403000', /All Users/));
  });

  it('checks ids before any request, with TSC messages', async function () {
    const unsaved = new GroupItem('Unsaved');
    await assert.rejects(env.server.groups.delete(''), missingField('Group ID undefined.'));
    await assert.rejects(env.server.groups.populateUsers(unsaved), missingField(groupMissingId));
    await assert.rejects(env.server.groups.addUser(unsaved, userId('bob')), missingField(groupMissingId));
    await assert.rejects(env.server.groups.removeUser(unsaved, userId('bob')), missingField(groupMissingId));
    await assert.rejects(env.server.groups.addUser(await groupNamed('Executives'), ''), missingField('User ID undefined.'));
  });

  it('lets a non-administrator list groups but not change them', async function () {
    const kate = env.newServer();
    const record = env.sandbox.state.findUserByName('kate')!;
    await kate.auth.signIn(new TableauAuth(record.name, record.password));
    const [groups] = await kate.groups.get();
    assert.ok(groups.length > 0);
    await assert.rejects(kate.groups.create(new GroupItem('Shadow IT')), serverError(403, '403000', /cannot create groups/));
    await assert.rejects(kate.groups.addUser(groups[1], record.id), serverError(403, '403000'));
  });
});
