import assert from 'node:assert/strict';
import { request } from 'undici';
import { Filter, Pager, RequestOptions, Sort, UserItem, type FilterValue } from '../../src/client';
import { useClient } from '../support/client-fixture';

const { Field, Operator, Direction } = RequestOptions;

function where(...filters: Array<[string, string, FilterValue]>): RequestOptions {
  const options = new RequestOptions(1, 1000);
  for (const [field, operator, value] of filters) options.filter.add(new Filter(field, operator, value));
  options.sort.add(new Sort(Field.Name, Direction.Asc));
  return options;
}

describe('client: filtering users on every user field of RequestOptions.Field', function () {
  // Default site of the demo seed: admin, alice, bob, carol, dave, heidi, ivan, judy, kate, liam, mia.
  const env = useClient({ seed: 'demo' });

  /** The administrator's last sign-in is the suite's own (now), so it is left out of the comparisons. */
  async function names(options: RequestOptions): Promise<string[]> {
    const [users] = await env.server.users.get(options);
    return users.map((user) => user.name).filter((name) => name !== 'admin');
  }

  it('siteRole: eq and in', async function () {
    assert.deepEqual(await names(where([Field.SiteRole, Operator.Equals, UserItem.Roles.Viewer])), ['bob', 'liam']);
    assert.deepEqual(await names(where([Field.SiteRole, Operator.In, ['Creator', 'SiteAdministratorCreator']])), ['alice', 'ivan', 'kate']);
  });

  it('lastLogin: eq, gt, gte, lt, lte (users who never signed in match none)', async function () {
    assert.deepEqual(await names(where([Field.LastLogin, Operator.Equals, new Date('2026-01-15T11:20:00Z')])), ['dave']);
    assert.deepEqual(await names(where([Field.LastLogin, Operator.LessThan, new Date('2026-01-01T00:00:00Z')])), ['bob', 'judy']);
    assert.deepEqual(await names(where([Field.LastLogin, Operator.LessThanOrEqual, new Date('2025-11-20T17:45:00Z')])), ['bob', 'judy']);
    assert.deepEqual(await names(where([Field.LastLogin, Operator.GreaterThan, new Date('2026-03-03T10:30:00Z')])), ['kate']);
    assert.deepEqual(await names(where([Field.LastLogin, Operator.GreaterThanOrEqual, new Date('2026-02-01T00:00:00Z')])), ['alice', 'carol', 'heidi', 'ivan', 'kate']);
  });

  it('name: eq and in', async function () {
    assert.deepEqual(await names(where([Field.Name, Operator.Equals, 'carol'])), ['carol']);
    assert.deepEqual(await names(where([Field.Name, Operator.In, ['alice', 'bob', 'nobody']])), ['alice', 'bob']);
  });

  it('email and friendlyName (the full name, spaces and all)', async function () {
    assert.deepEqual(await names(where([Field.Email, Operator.Equals, 'mia@example.com'])), ['mia']);
    assert.deepEqual(await names(where([Field.Email, Operator.In, ['heidi@example.com', 'ivan@example.com']])), ['heidi', 'ivan']);
    assert.deepEqual(await names(where([Field.FriendlyName, Operator.Equals, 'Heidi Hopper'])), ['heidi']);
  });

  it('several filters at once, and sorting by last sign-in', async function () {
    assert.deepEqual(
      await names(where([Field.SiteRole, Operator.Equals, 'Explorer'], [Field.LastLogin, Operator.GreaterThanOrEqual, new Date('2026-01-20T00:00:00Z')])),
      ['carol', 'mia'],
    );
    const options = new RequestOptions(1, 4);
    options.filter.add(new Filter(Field.LastLogin, Operator.LessThan, new Date('2026-03-04T00:00:00Z')));
    options.filter.add(new Filter(Field.Name, Operator.In, ['alice', 'bob', 'carol', 'dave', 'heidi', 'ivan', 'judy', 'kate', 'liam', 'mia']));
    options.sort.add(new Sort(Field.LastLogin, Direction.Asc));
    const [oldest] = await env.server.users.get(options);
    assert.deepEqual(oldest.map((user) => user.name), ['judy', 'bob', 'dave', 'mia']);
    options.sort.clear();
    options.sort.add(new Sort(Field.LastLogin, Direction.Desc));
    const [newest] = await env.server.users.get(options);
    assert.deepEqual(newest.map((user) => user.name), ['ivan', 'alice', 'carol', 'heidi']);
  });
});

describe('client: paging 1,000+ users with Pager', function () {
  const env = useClient({ seed: 'empty' });
  const generated = 1234;

  before(async function () {
    const response = await request(`${env.sandbox.url}/_sandbox/generate`, {
      method: 'POST',
      body: JSON.stringify({ kind: 'users', count: generated, siteContentUrl: '', namePrefix: 'user' }),
    });
    assert.equal(response.statusCode, 201, await response.body.text());
  });

  function byName(pageSize: number): RequestOptions {
    const options = new RequestOptions(1, pageSize);
    options.sort.add(new Sort(Field.Name, Direction.Asc));
    return options;
  }

  it('walks every user once, in order, page by page', async function () {
    env.sandbox.faults.resetCount();
    const names: string[] = [];
    for await (const user of new Pager(env.server.users, byName(100))) names.push(user.name);
    assert.equal(names.length, generated + 1, 'the generated users and the administrator');
    assert.equal(new Set(names).size, names.length);
    assert.deepEqual(names, [...names].sort());
    assert.equal(names[1], 'user0001');
    assert.equal(names[names.length - 1], 'user1234');
    assert.equal(env.sandbox.faults.requestCount, Math.ceil((generated + 1) / 100));
  });

  it('gives the same users with pages prefetched concurrently, and at the 1,000 maximum page size', async function () {
    const sequential: string[] = [];
    for await (const user of new Pager(env.server.users, byName(100))) sequential.push(user.id!);
    const prefetched: string[] = [];
    for await (const user of new Pager(env.server.users, byName(100), { prefetch: 3 })) prefetched.push(user.id!);
    assert.deepEqual(prefetched, sequential);
    const large: string[] = [];
    for await (const user of new Pager(env.server.users, byName(1000))) large.push(user.id!);
    assert.deepEqual(large, sequential);
  });

  it('keeps a filter on every page', async function () {
    const options = byName(50);
    options.filter.add(new Filter(Field.SiteRole, Operator.Equals, 'Viewer'));
    const viewers: UserItem[] = [];
    for await (const user of new Pager(env.server.users, options)) viewers.push(user);
    const expected = [...env.sandbox.state.memberships.get(env.server.siteId!)!.values()].filter((role) => role === 'Viewer').length;
    assert.ok(expected > 100, 'enough viewers to span several pages');
    assert.equal(viewers.length, expected);
    assert.ok(viewers.every((user) => user.siteRole === 'Viewer'));
  });
});
