import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errorCode, list, type SignedIn } from '../support/sandbox-http';
import { useSandbox } from '../support/sandbox-fixture';
import { defaultProjectId, projectNamed, publishFile, sendMultipart, sitePath, UNKNOWN_ID } from '../support/content-requests';
import { datasourceXml, samplesDir, samplesPresent, workbookXml, writeTwbx, writeZip } from '../support/documents';
import { publishPayload } from '../support/multipart';

const SALES = workbookXml({
  worksheets: ['Revenue', 'Margin by Region'],
  dashboards: ['Overview'],
  connections: [{ class: 'postgres', server: 'db.example.com', port: '5432', username: 'analyst', dbname: 'sales' }],
});

describe('sandbox: publishing workbooks and data sources in one request', function () {
  const f = useSandbox({ seed: 'demo' });
  let admin: SignedIn;
  let project: string;
  let scratch: string;
  let twbx: Buffer;
  let tdsx: Buffer;

  before(async function () {
    admin = await f.signInAdmin();
    project = defaultProjectId(f, admin);
    scratch = await mkdtemp(join(tmpdir(), 'sandbox-publish-'));
    await writeTwbx(join(scratch, 'Sales.twbx'), { worksheets: ['Revenue'], connections: [{ class: 'mysql', server: 'm', port: '3306' }] }, [
      { name: 'Data/Extracts/sales.hyper', content: { fillerBytes: 50_000 } },
    ]);
    twbx = await readFile(join(scratch, 'Sales.twbx'));
    await writeZip(join(scratch, 'Source.tdsx'), [
      { name: 'Source.tds', content: datasourceXml({ class: 'sqlserver', server: 'dw', port: '1433', username: 'etl' }) },
      { name: 'Data/Extracts/source.hyper', content: { fillerBytes: 10_000 } },
    ]);
    tdsx = await readFile(join(scratch, 'Source.tdsx'));
  });

  after(async function () {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  const workbookNames = async (): Promise<string[]> =>
    list((await f.http.call('GET', `${sitePath(admin)}/workbooks?pageSize=1000`, { token: admin.token })).xml?.workbooks.workbook).map((w) => w['@_name']);

  /** Nothing half-received is left in the sandbox's folder for bodies being received. */
  async function assertNoLeftovers(): Promise<void> {
    const tmp = join(f.sandbox.state.dataDir, 'tmp');
    assert.deepEqual(existsSync(tmp) ? await readdir(tmp) : [], []);
  }

  it('publishes a .twb (201) with its views in tab order, owner, project and a content URL', async function () {
    const published = await publishFile(f, admin, 'workbook', { name: 'Quarterly Sales', projectId: project, fileName: 'Sales.twb', body: SALES, payloadExtra: ' showTabs="true"' });
    assert.equal(published.status, 201, published.text);
    const workbook = published.xml?.workbook;
    assert.equal(workbook['@_name'], 'Quarterly Sales');
    assert.equal(workbook['@_contentUrl'], 'QuarterlySales');
    assert.equal(workbook['@_showTabs'], 'true');
    assert.equal(workbook['@_size'], '1');
    assert.equal(workbook.project['@_id'], project);
    assert.equal(workbook.owner['@_id'], admin.userId);
    // windows order: the generated document lists worksheets, then dashboards
    assert.deepEqual(list(workbook.views.view).map((view) => view['@_name']), ['Revenue', 'Margin by Region', 'Overview']);
    assert.equal(list(workbook.views.view)[1]['@_contentUrl'], 'QuarterlySales/sheets/MarginbyRegion');
    assert.equal(workbook['@_defaultViewId'], list(workbook.views.view)[0]['@_id']);
  });

  it('publishes a packaged .twbx and a .tdsx, noting their extracts', async function () {
    const workbook = await publishFile(f, admin, 'workbook', { name: 'Packaged', projectId: project, fileName: 'Sales.twbx', body: twbx });
    assert.equal(workbook.status, 201, workbook.text);
    assert.equal(workbook.xml?.workbook['@_hasExtracts'], 'true');
    const datasource = await publishFile(f, admin, 'datasource', { name: 'Warehouse', projectId: project, fileName: 'Source.tdsx', body: tdsx });
    assert.equal(datasource.status, 201, datasource.text);
    assert.equal(datasource.xml?.datasource['@_type'], 'sqlserver');
    assert.equal(datasource.xml?.datasource['@_hasExtracts'], 'true');
  });

  it('refuses the same name in the same project (403007, as real servers do) but not in another project', async function () {
    const again = await publishFile(f, admin, 'workbook', { name: 'quarterly sales', projectId: project, fileName: 'Sales.twb', body: SALES });
    assert.equal(again.status, 403);
    assert.equal(errorCode(again), '403007');
    assert.match(again.xml?.error.detail, /overwrite/);
    const elsewhere = await publishFile(f, admin, 'workbook', { name: 'Quarterly Sales', projectId: projectNamed(f, admin, 'Sales'), fileName: 'Sales.twb', body: SALES });
    assert.equal(elsewhere.status, 201);
  });

  it('overwrite=true replaces the file and keeps the id and the views whose sheets kept their names', async function () {
    const first = await publishFile(f, admin, 'workbook', { name: 'Overwritten', projectId: project, fileName: 'Sales.twb', body: SALES });
    const views = list(first.xml?.workbook.views.view);
    const changed = workbookXml({ worksheets: ['Revenue', 'Forecast'] });
    const second = await publishFile(f, admin, 'workbook', { name: 'Overwritten', projectId: project, fileName: 'Sales.twb', body: changed, query: '?overwrite=true' });
    assert.equal(second.status, 201, second.text);
    assert.equal(second.xml?.workbook['@_id'], first.xml?.workbook['@_id']);
    const after = list(second.xml?.workbook.views.view);
    assert.deepEqual(after.map((view) => view['@_name']), ['Revenue', 'Forecast']);
    assert.equal(after[0]['@_id'], views[0]['@_id'], 'the Revenue view kept its id');
    const download = await f.http.call('GET', `${sitePath(admin)}/workbooks/${first.xml?.workbook['@_id']}/content`, { token: admin.token });
    assert.equal(download.text, changed);
  });

  it('overwrite=true with no such workbook publishes a new one', async function () {
    const created = await publishFile(f, admin, 'workbook', { name: 'Brand New', projectId: project, fileName: 'Sales.twb', body: SALES, query: '?overwrite=true' });
    assert.equal(created.status, 201, created.text);
  });

  it('refuses bad modes: append on a workbook (400008), overwrite with append (400055), asJob, a bad flag value', async function () {
    const cases: Array<[string, 'workbook' | 'datasource', string, string]> = [
      ['?append=true', 'workbook', '400008', 'Sales.twb'],
      ['?overwrite=true&append=true', 'datasource', '400055', 'Source.tdsx'],
      ['?asJob=true', 'workbook', '400008', 'Sales.twb'],
      ['?overwrite=yes', 'workbook', '400008', 'Sales.twb'],
    ];
    for (const [query, kind, code, fileName] of cases) {
      const body = kind === 'workbook' ? SALES : tdsx;
      const refused = await publishFile(f, admin, kind, { name: `Mode ${code}`, projectId: project, fileName, body, query });
      assert.equal(refused.status, 400, `${query}: ${refused.text}`);
      assert.equal(errorCode(refused), code, query);
    }
    assert.ok(!(await workbookNames()).some((name) => name.startsWith('Mode ')));
  });

  it('appends only extracts onto an extract (201), refuses a live data source (400011) and a missing one (404004)', async function () {
    const extract = Buffer.from('stand-in hyper bytes');
    const created = await publishFile(f, admin, 'datasource', { name: 'Orders Extract', projectId: project, fileName: 'orders.hyper', body: extract });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.xml?.datasource['@_type'], 'hyper');
    const appended = await publishFile(f, admin, 'datasource', { name: 'Orders Extract', projectId: project, fileName: 'more.hyper', body: extract, query: '?append=true' });
    assert.equal(appended.status, 201, appended.text);
    assert.equal(appended.xml?.datasource['@_id'], created.xml?.datasource['@_id']);
    const tds = datasourceXml({ class: 'postgres', server: 'pg' });
    await publishFile(f, admin, 'datasource', { name: 'Live Orders', projectId: project, fileName: 'live.tds', body: tds });
    const ontoLive = await publishFile(f, admin, 'datasource', { name: 'Live Orders', projectId: project, fileName: 'more.hyper', body: extract, query: '?append=true' });
    assert.equal(ontoLive.status, 400);
    assert.equal(errorCode(ontoLive), '400011');
    const missing = await publishFile(f, admin, 'datasource', { name: 'Nothing Here', projectId: project, fileName: 'more.hyper', body: extract, query: '?append=true' });
    assert.equal(errorCode(missing), '404004');
    await assertNoLeftovers();
  });

  it('refuses files that are not workbooks or data sources with a 400011 that says why, and stores nothing', async function () {
    const cases: Array<['workbook' | 'datasource', string, string | Buffer, RegExp]> = [
      ['workbook', 'Broken.twbx', 'definitely not a zip', /not a packaged workbook/],
      ['workbook', 'Broken.twb', '<workbook><worksheets>', /not well-formed XML/],
      ['workbook', 'Broken.twb', "<?xml version='1.0'?><datasource />", /root element is <datasource>/],
      ['workbook', 'Entity.twb', '<!DOCTYPE x [<!ENTITY a "b">]><workbook/>', /DOCTYPE/],
      ['datasource', 'Broken.tds', "<datasource><connection class='federated'/></datasource>", /no <connection>/],
    ];
    for (const [kind, fileName, body, detail] of cases) {
      const refused = await publishFile(f, admin, kind, { name: 'Refused Document', projectId: project, fileName, body });
      assert.equal(refused.status, 400, `${fileName}: ${refused.text}`);
      assert.equal(errorCode(refused), '400011');
      assert.match(refused.xml?.error.detail, detail);
    }
    assert.ok(!(await workbookNames()).includes('Refused Document'));
    await assertNoLeftovers();
  });

  it('refuses the real BadZip.zip sample (a zip with no .twb in it) with a clear detail', async function () {
    if (!samplesPresent) {
      console.log('skipped: ../shared is absent');
      this.skip();
    }
    const refused = await publishFile(f, admin, 'workbook', { name: 'Bad Zip', projectId: project, fileName: 'BadZip.twbx', body: await readFile(join(samplesDir, 'BadZip.zip')) });
    assert.equal(errorCode(refused), '400011');
    assert.match(refused.xml?.error.detail, /no \.twb file at its root \(it holds BadXML\.xml\)/);
  });

  it('derives connections from multiple_connections.twb: a published data source, and a federated one unwrapped', async function () {
    if (!samplesPresent) {
      console.log('skipped: ../shared is absent');
      this.skip();
    }
    const body = await readFile(join(samplesDir, 'multiple_connections.twb'));
    const published = await publishFile(f, admin, 'workbook', { name: 'Multiple Connections', projectId: project, fileName: 'multiple_connections.twb', body });
    assert.equal(published.status, 201, published.text);
    assert.equal(published.xml?.workbook.views, '', 'a workbook without sheets has no views');
    const connections = list((await f.http.call('GET', `${sitePath(admin)}/workbooks/${published.xml?.workbook['@_id']}/connections`, { token: admin.token })).xml?.connections.connection);
    assert.deepEqual(
      connections.map((c) => [c['@_type'], c['@_serverAddress'], c['@_serverPort'], c['@_userName'], c.datasource['@_name']]),
      [
        ['sqlproxy', 'awesomeserver', '80', '', 'xy (TestV1)'],
        ['mysql', 'mysql55', undefined, 'test', 'xy+ (Multiple Connections)'],
        ['sqlserver', 'mssql2012', undefined, 'test', 'xy+ (Multiple Connections)'],
      ],
    );
    assert.equal(connections[1].datasource['@_id'], connections[2].datasource['@_id'], 'connections of one data source share its id');
  });

  it('checks file names and types: 400020 for workbooks, 400010 for data sources', async function () {
    const workbook = await publishFile(f, admin, 'workbook', { name: 'Named', projectId: project, fileName: 'Sales.tds', body: SALES });
    assert.equal(errorCode(workbook), '400020');
    const datasource = await publishFile(f, admin, 'datasource', { name: 'Named', projectId: project, fileName: 'data.csv', body: 'a,b' });
    assert.equal(errorCode(datasource), '400010');
  });

  it('refuses malformed requests with 400000: no payload, no file, two files, a wrong part name, not multipart, cut short', async function () {
    const file = { name: 'tableau_workbook', filename: 'Sales.twb', body: SALES };
    const path = `${sitePath(admin)}/workbooks`;
    const payload = publishPayload('workbook', 'Malformed', project);
    const cases = [
      { parts: [file], detail: /no request_payload part/ },
      { parts: [payload], detail: /no tableau_workbook part and no uploadSessionId/ },
      { parts: [payload, file, file], detail: /exactly one tableau_workbook part/ },
      { parts: [payload, { ...file, name: 'tableau_datasource' }], detail: /must be named 'tableau_workbook'/ },
      { parts: [publishPayload('workbook', '', project), file], detail: /non-empty name/ },
    ];
    for (const { parts, detail } of cases) {
      const refused = await sendMultipart(f, admin, 'POST', path, parts);
      assert.equal(refused.status, 400, refused.text);
      assert.equal(errorCode(refused), '400000');
      assert.match(refused.xml?.error.detail, detail);
    }
    const notMultipart = await f.http.call('POST', path, { token: admin.token, body: SALES, headers: { 'content-type': 'application/xml' } });
    assert.match(notMultipart.xml?.error.detail, /multipart\/mixed/);
    const cut = await f.http.call('POST', path, { token: admin.token, body: `--x\r\nContent-Disposition: name="request_payload"\r\n\r\n<tsRequest/>`, headers: { 'content-type': 'multipart/mixed; boundary=x' } });
    assert.match(cut.xml?.error.detail, /closing boundary/);
    assert.ok(!(await workbookNames()).includes('Malformed'));
    await assertNoLeftovers();
  });

  it('404005 for an unknown project; 403007 for a Viewer, before any of the body is read', async function () {
    const unknown = await publishFile(f, admin, 'workbook', { name: 'Orphan', projectId: UNKNOWN_ID, fileName: 'Sales.twb', body: SALES });
    assert.equal(errorCode(unknown), '404005');
    const bob = await f.signInAs('bob');
    const viewer = await publishFile(f, bob, 'workbook', { name: 'By Bob', projectId: project, fileName: 'Sales.twb', body: SALES });
    assert.equal(viewer.status, 403);
    assert.equal(errorCode(viewer), '403007');
  });

  it('applies publish credentials to the connections; the password is never sent back', async function () {
    const payloadInner = '<connectionCredentials name="svc" password="s3cret" embed="true"/>';
    const published = await publishFile(f, admin, 'workbook', { name: 'With Credentials', projectId: project, fileName: 'Sales.twb', body: SALES, payloadInner });
    assert.equal(published.status, 201, published.text);
    const connections = await f.http.call('GET', `${sitePath(admin)}/workbooks/${published.xml?.workbook['@_id']}/connections`, { token: admin.token });
    const [connection] = list(connections.xml?.connections.connection);
    assert.equal(connection['@_userName'], 'svc');
    assert.equal(connection['@_embedPassword'], 'true');
    assert.ok(!connections.text.includes('s3cret'));
  });
});
