import assert from 'node:assert/strict';
import { Filter, Pager, PaginationItem, ProjectItem, RequestOptions, Sort, type Page } from '../../src/client';
import { generateProjects } from '../../src/sandbox/state/generate';
import { useClient } from '../support/client-fixture';

describe('client: Pager', function () {
  const env = useClient({ seed: 'empty' });
  let expected: string[];

  before(async function () {
    const site = env.sandbox.state.findSiteByContentUrl('')!;
    const admin = env.sandbox.state.findUserByName(env.sandbox.credentials.username)!;
    generateProjects(env.sandbox.state, { siteId: site.id, count: 260, ownerId: admin.id, namePrefix: 'Paged' });
    const all = env.sandbox.state.projects.listSite(site.id).map((project) => project.name);
    expected = all.sort((a, b) => a.localeCompare(b));
  });

  function byName(pageSize: number): RequestOptions {
    const options = new RequestOptions(1, pageSize);
    options.sort.add(new Sort(RequestOptions.Field.Name, RequestOptions.Direction.Asc));
    return options;
  }

  it('walks every page in order, sequentially', async function () {
    env.sandbox.faults.resetCount();
    const names: string[] = [];
    for await (const project of new Pager(env.server.projects, byName(25))) names.push(project.name);
    assert.deepEqual(names, expected);
    assert.equal(env.sandbox.faults.requestCount, Math.ceil(expected.length / 25));
  });

  it('yields the same items in the same order when prefetching pages concurrently', async function () {
    const names: string[] = [];
    for await (const project of new Pager(env.server.projects, byName(25), { prefetch: 4 })) names.push(project.name);
    assert.deepEqual(names, expected);
  });

  it('keeps the filters on every page', async function () {
    const options = byName(10);
    const wanted = expected.filter((_name, index) => index % 7 === 0);
    options.filter.add(new Filter(RequestOptions.Field.Name, RequestOptions.Operator.In, wanted));
    const names: string[] = [];
    for await (const project of new Pager(env.server.projects, options, { prefetch: 2 })) names.push(project.name);
    assert.ok(wanted.length > 30);
    assert.deepEqual(names, wanted);
  });

  it('stops fetching when the caller breaks early', async function () {
    env.sandbox.faults.resetCount();
    let seen = 0;
    for await (const project of new Pager(env.server.projects, byName(10))) {
      assert.ok(project instanceof ProjectItem);
      if (++seen === 15) break;
    }
    assert.equal(env.sandbox.faults.requestCount, 2);
  });

  it('pages through a populate-style function as well', async function () {
    const calls: number[] = [];
    const fetchPage = async (options: RequestOptions): Promise<Page<string>> => {
      calls.push(options.pageNumber);
      const [projects, pagination] = await env.server.projects.get(options);
      return [projects.map((project) => project.name), pagination];
    };
    const names: string[] = [];
    for await (const name of new Pager(fetchPage, byName(100))) names.push(name);
    assert.deepEqual(names, expected);
    assert.deepEqual(calls, [1, 2, 3]);
  });

  it('surfaces a failing page as an error of the loop', async function () {
    env.sandbox.faults.failNext(20, { status: 503, path: 'pageNumber=3' });
    const server = env.newServer({ retry: { maxRetries: 0 } });
    await server.auth.signIn(env.adminAuth());
    await assert.rejects(async () => {
      for await (const project of new Pager(server.projects, byName(10), { prefetch: 3 })) void project;
    }, /HTTP 503|Service Unavailable/);
    env.sandbox.faults.clear();
  });

  it('handles an empty list', async function () {
    const options = new RequestOptions();
    options.filter.add(new Filter(RequestOptions.Field.Name, RequestOptions.Operator.Equals, 'nothing has this name'));
    const items = [];
    for await (const project of new Pager(env.server.projects, options)) items.push(project);
    assert.deepEqual(items, []);
    assert.ok(new PaginationItem() instanceof PaginationItem);
  });
});
