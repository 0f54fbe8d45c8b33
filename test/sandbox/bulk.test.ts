import assert from 'node:assert/strict';
import { request } from 'undici';
import { API, list } from '../support/sandbox-http';
import { useSandbox } from '../support/sandbox-fixture';

describe('sandbox: 20,000 generated projects', () => {
  const f = useSandbox({ seed: 'empty' });

  it('generates them through /_sandbox/generate and pages through all of them at 1000 per page', async () => {
    const response = await request(`${f.sandbox.url}/_sandbox/generate`, {
      method: 'POST',
      body: JSON.stringify({ kind: 'projects', count: 20000, siteContentUrl: '' }),
      dispatcher: f.http.agent,
    });
    assert.equal(response.statusCode, 201);
    const generated = (await response.body.json()) as { created: number };
    assert.equal(generated.created, 20000);

    const { token, siteId } = await f.signInAdmin();
    const ids = new Set<string>();
    let pages = 0;
    for (let page = 1; ; page += 1) {
      const result = await f.http.call('GET', `${API}/sites/${siteId}/projects?pageSize=1000&pageNumber=${page}`, { token });
      assert.equal(result.status, 200);
      assert.equal(result.xml?.pagination['@_totalAvailable'], '20001');
      for (const project of list(result.xml?.projects.project)) ids.add(project['@_id']);
      pages += 1;
      if (page * 1000 >= 20001) break;
    }
    assert.equal(pages, 21);
    assert.equal(ids.size, 20001);

    const filtered = await f.http.call('GET', `${API}/sites/${siteId}/projects?filter=name:eq:Generated+Project+12345`, { token });
    assert.deepEqual(list(filtered.xml?.projects.project).map((p) => p['@_name']), ['Generated Project 12345']);
  });
});
