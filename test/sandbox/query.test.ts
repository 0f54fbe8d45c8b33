import assert from 'node:assert/strict';
import { API, errorCode, list, type SignedIn } from '../support/sandbox-http';
import { useSandbox } from '../support/sandbox-fixture';

/** Filtering, sorting and paging through Query Projects on the demo seed's Default site. */
describe('sandbox: filter, sort and paging', () => {
  const f = useSandbox({ seed: 'demo' });
  let admin: SignedIn;

  before(async () => {
    admin = await f.signInAdmin();
  });

  const query = (rawQuery: string) => f.http.call('GET', `${API}/sites/${admin.siteId}/projects?${rawQuery}`, { token: admin.token });
  const names = async (rawQuery: string): Promise<string[]> => {
    const result = await query(rawQuery);
    assert.equal(result.status, 200, result.text);
    return list(result.xml?.projects?.project).map((p) => p['@_name']);
  };
  const sorted = (values: string[]) => [...values].sort();

  describe('filter operators', () => {
    it('eq and in on names', async () => {
      assert.deepEqual(await names('filter=name:eq:Operations'), ['Operations']);
      assert.deepEqual(sorted(await names('filter=name:in:[Sales,EMEA,Nope]')), ['EMEA', 'Sales']);
    });

    it('gt, gte, lt, lte on createdAt compare instants, whatever the offset notation', async () => {
      // EMEA was created 2024-02-04T11:15:00Z, North America 2024-02-03T10:00:00Z.
      const instant = '2024-02-04T11:15:00Z';
      assert.ok((await names(`filter=createdAt:gte:${instant}`)).includes('EMEA'));
      assert.ok(!(await names(`filter=createdAt:gt:${instant}`)).includes('EMEA'));
      assert.ok((await names(`filter=createdAt:lte:${instant}`)).includes('EMEA'));
      assert.ok(!(await names(`filter=createdAt:lt:${instant}`)).includes('EMEA'));
      assert.deepEqual(await names('filter=createdAt:eq:2024-02-04T12:15:00%2B01:00'), ['EMEA']);
      assert.deepEqual(
        sorted(await names('filter=createdAt:gt:2024-02-01T10:00:00Z,createdAt:lt:2024-02-04T12:00:00Z')),
        ['EMEA', 'North America'],
      );
    });

    it('boolean and id fields, and several clauses combined with AND', async () => {
      const top = await names('filter=topLevelProject:eq:true');
      assert.deepEqual(sorted(top), ['Default', 'Executive Dashboards', 'Operations', 'Sales']);
      const sales = f.sandbox.state.projects.listSite(admin.siteId).find((p) => p.name === 'Sales');
      assert.deepEqual(sorted(await names(`filter=parentProjectId:eq:${sales?.id}`)), ['EMEA', 'North America']);
      assert.deepEqual(await names('filter=ownerName:eq:dave,topLevelProject:eq:false'), ['EMEA', 'Logistics']);
    });
  });

  describe('awkward values round-trip when the client percent-encodes them', () => {
    const awkward = ['a:b,c+d e', 'x[1]&y=2', '100% sure?', 'Ünïcødé ✓ 東京', 'semi;colon/slash\\back', "quote's \"double\""];

    before(async () => {
      for (const name of awkward) {
        const body = `<tsRequest><project name="${name.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"/></tsRequest>`;
        const created = await f.http.call('POST', `${API}/sites/${admin.siteId}/projects`, { token: admin.token, body });
        assert.equal(created.status, 201, created.text);
      }
    });

    for (const name of awkward) {
      it(`eq finds exactly ${JSON.stringify(name)}`, async () => {
        assert.deepEqual(await names(`filter=name:eq:${encodeURIComponent(name)}`), [name]);
      });
    }

    it('in with several encoded values', async () => {
      const values = [awkward[0], awkward[1], 'Operations'].map(encodeURIComponent).join(',');
      assert.deepEqual(sorted(await names(`filter=name:in:[${values}]`)), sorted([awkward[0], awkward[1], 'Operations']));
    });

    it("'+' in the raw query means a space, as form encoding does", async () => {
      assert.deepEqual(await names('filter=name:eq:Executive+Dashboards'), ['Executive Dashboards']);
    });

    it('a fully encoded filter (as URLSearchParams writes it) still works for plain values', async () => {
      const params = new URLSearchParams({ filter: 'name:in:[Sales,Operations]', sort: 'name:desc' });
      assert.deepEqual(await names(params.toString()), ['Sales', 'Operations']);
    });
  });

  describe('filter errors (400065)', () => {
    const cases: Record<string, string> = {
      'an unknown field': 'filter=colour:eq:red',
      'an unknown operator': 'filter=name:like:Sal',
      'an operator the field does not support': 'filter=name:gt:M',
      'a value that is not a date': 'filter=createdAt:gt:yesterday',
      'a value that is not a boolean': 'filter=topLevelProject:eq:yes',
      'a missing value': 'filter=name:eq:',
      'a missing operator': 'filter=name',
      'in without brackets': 'filter=name:in:Sales',
      'a malformed escape': 'filter=name:eq:%E0%A4%A',
    };
    for (const [label, rawQuery] of Object.entries(cases)) {
      it(label, async () => {
        const result = await query(rawQuery);
        assert.equal(result.status, 400);
        assert.equal(errorCode(result), '400065');
        assert.ok(String(result.xml?.error.detail).length > 20);
      });
    }
  });

  describe('sort', () => {
    it('sorts ascending and descending, on several keys', async () => {
      const all = await names('sort=name:asc');
      // Case-insensitive, by code point (no locale collation), so results do not depend on the machine's ICU data.
      const caseless = (a: string, b: string) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0);
      assert.deepEqual(all, [...all].sort(caseless));
      assert.deepEqual(await names('sort=name:desc'), [...all].reverse());
      const byOwner = await names('filter=topLevelProject:eq:false&sort=ownerName:asc,createdAt:desc');
      // alice owns North America and Pipeline, dave owns EMEA and Logistics; newest first within an owner.
      assert.deepEqual(byOwner, ['Pipeline', 'North America', 'Logistics', 'EMEA']);
    });

    it('400066 for an unknown sort field or direction', async () => {
      for (const rawQuery of ['sort=colour:asc', 'sort=name:up', 'sort=name']) {
        const result = await query(rawQuery);
        assert.equal(result.status, 400, rawQuery);
        assert.equal(errorCode(result), '400066');
      }
    });
  });

  describe('paging', () => {
    it('defaults to page 1 of 100 and reports totalAvailable', async () => {
      const result = await query('');
      const total = f.sandbox.state.projects.listSite(admin.siteId).length;
      assert.deepEqual(
        [result.xml?.pagination['@_pageNumber'], result.xml?.pagination['@_pageSize'], result.xml?.pagination['@_totalAvailable']],
        ['1', '100', String(total)],
      );
    });

    it('walks pages of 3 without gaps or repeats', async () => {
      const total = f.sandbox.state.projects.listSite(admin.siteId).length;
      const seen: string[] = [];
      for (let page = 1; page <= Math.ceil(total / 3); page += 1) seen.push(...(await names(`pageSize=3&pageNumber=${page}&sort=name:asc`)));
      assert.equal(seen.length, total);
      assert.equal(new Set(seen).size, total);
    });

    it('400007 for a bad page size, 403014 above 1000, 400006 for a bad or too-high page number', async () => {
      for (const [rawQuery, status, code] of [
        ['pageSize=0', 400, '400007'],
        ['pageSize=ten', 400, '400007'],
        ['pageSize=1001', 403, '403014'],
        ['pageNumber=0', 400, '400006'],
        ['pageNumber=-2', 400, '400006'],
        ['pageSize=100&pageNumber=2', 400, '400006'],
      ] as const) {
        const result = await query(rawQuery);
        assert.equal(result.status, status, rawQuery);
        assert.equal(errorCode(result), code, rawQuery);
      }
    });
  });
});
