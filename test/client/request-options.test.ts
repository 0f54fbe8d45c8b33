import assert from 'node:assert/strict';
import { Filter, ProjectItem, RequestOptions, Sort } from '../../src/client';
import { useClient } from '../support/client-fixture';

const { Field, Operator, Direction } = RequestOptions;

describe('client: RequestOptions query strings', function () {
  it('writes paging, filters and sorts the way the REST API reads them', function () {
    const options = new RequestOptions(3, 50);
    options.filter.add(new Filter(Field.Name, Operator.Equals, 'My WB'));
    options.filter.add(new Filter(Field.Tags, Operator.In, ['a', 'b']));
    options.sort.add(new Sort(Field.Name, Direction.Asc));
    options.sort.add(new Sort(Field.UpdatedAt, Direction.Desc));
    assert.equal(options.toQueryString(), 'pageNumber=3&pageSize=50&filter=name:eq:My%20WB,tags:in:[a,b]&sort=name:asc,updatedAt:desc');
  });

  it('encodes awkward values and writes dates as UTC instants', function () {
    const options = new RequestOptions();
    options.filter.add(new Filter(Field.Name, Operator.Equals, 'a:b,c [x] & y+z %'));
    options.filter.add(new Filter(Field.CreatedAt, Operator.GreaterThanOrEqual, new Date('2024-05-06T07:08:09.123Z')));
    assert.equal(
      options.toQueryString(),
      'pageNumber=1&pageSize=100&filter=name:eq:a%3Ab%2Cc%20%5Bx%5D%20%26%20y%2Bz%20%25,createdAt:gte:2024-05-06T07%3A08%3A09Z',
    );
  });

  it('defaults to page 1 of 100, as TSC does', function () {
    const options = new RequestOptions();
    assert.equal(options.pageNumber, 1);
    assert.equal(options.pageSize, 100);
  });
});

describe('client: filtering and sorting against the sandbox', function () {
  const env = useClient({ seed: 'empty' });
  const awkwardNames = ['Sales: EMEA, 2024', 'R&D [core] + 100%', 'Café 東京', 'plain'];
  const created: ProjectItem[] = [];

  before(async function () {
    for (const name of awkwardNames) created.push(await env.server.projects.create(new ProjectItem(name)));
  });

  async function names(...filters: Filter[]): Promise<string[]> {
    const options = new RequestOptions(1, 1000);
    for (const filter of filters) options.filter.add(filter);
    const [projects] = await env.server.projects.get(options);
    return projects.map((project) => project.name).sort();
  }

  for (const name of awkwardNames) {
    it(`finds exactly the project named ${JSON.stringify(name)} with eq`, async function () {
      assert.deepEqual(await names(new Filter(Field.Name, Operator.Equals, name)), [name]);
    });
  }

  it('finds a set of names with in, including awkward ones', async function () {
    assert.deepEqual(await names(new Filter(Field.Name, Operator.In, ['plain', 'Café 東京', 'missing'])), ['Café 東京', 'plain']);
  });

  it('compares dates with gt, gte, lt and lte', async function () {
    const all = await env.server.projects.get(new RequestOptions(1, 1000));
    const times = all[0].map((project) => project.createdAt!.getTime()).sort((a, b) => a - b);
    const middle = new Date(times[Math.floor(times.length / 2)]);
    const count = async (operator: string) => (await names(new Filter(Field.CreatedAt, operator, middle))).length;
    const before = times.filter((t) => t < middle.getTime()).length;
    const after = times.filter((t) => t > middle.getTime()).length;
    const equal = times.length - before - after;
    assert.equal(await count(Operator.GreaterThan), after);
    assert.equal(await count(Operator.GreaterThanOrEqual), after + equal);
    assert.equal(await count(Operator.LessThan), before);
    assert.equal(await count(Operator.LessThanOrEqual), before + equal);
  });

  it('sorts ascending and descending', async function () {
    const sorted = async (direction: string) => {
      const options = new RequestOptions(1, 1000);
      options.sort.add(new Sort(Field.Name, direction));
      return (await env.server.projects.get(options))[0].map((project) => project.name);
    };
    const ascending = await sorted(Direction.Asc);
    const descending = await sorted(Direction.Desc);
    assert.ok(ascending.length >= awkwardNames.length);
    assert.deepEqual([...descending].reverse(), ascending);
    assert.notDeepEqual(ascending, descending);
  });

  it('reports an unknown filter field as the server does (400)', async function () {
    const options = new RequestOptions();
    options.filter.add(new Filter('noSuchField', Operator.Equals, 'x'));
    await assert.rejects(env.server.projects.get(options), (error: Error & { status?: number }) => error.status === 400);
  });
});
