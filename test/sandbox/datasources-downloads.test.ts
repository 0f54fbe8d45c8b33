import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { open as openZip, type Entry } from 'yauzl';
import { errorCode, list, type SignedIn, type XmlObject } from '../support/sandbox-http';
import { useSandbox } from '../support/sandbox-fixture';
import { defaultProjectId, publishFile, sitePath, UNKNOWN_ID } from '../support/content-requests';
import { datasourceXml, workbookXml } from '../support/documents';

/** Zip entry names, read with yauzl from bytes written to a scratch file. */
async function zipEntries(bytes: Buffer, scratch: string): Promise<string[]> {
  const path = join(scratch, `check-${Date.now()}-${Math.random()}.zip`);
  await writeFile(path, bytes);
  return new Promise((resolve, reject) =>
    openZip(path, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const names: string[] = [];
      zip.on('entry', (entry: Entry) => {
        names.push(entry.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
      zip.readEntry();
    }),
  );
}

describe('sandbox: data sources and downloads', function () {
  const f = useSandbox({ seed: 'demo' });
  let admin: SignedIn;
  let scratch: string;

  before(async function () {
    admin = await f.signInAdmin();
    scratch = await mkdtemp(join(tmpdir(), 'sandbox-downloads-'));
  });

  after(async function () {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  const get = (path: string, session: SignedIn = admin) => f.http.call('GET', `${sitePath(session)}${path}`, { token: session.token });
  const put = (path: string, body: string, session: SignedIn = admin) => f.http.call('PUT', `${sitePath(session)}${path}`, { token: session.token, body });
  const datasources = async (query = ''): Promise<XmlObject[]> => list((await get(`/datasources${query}`)).xml?.datasources.datasource);
  const named = async (name: string) => (await datasources(`?filter=name:eq:${encodeURIComponent(name)}`))[0];

  /** The raw bytes and headers of a download. */
  async function download(path: string): Promise<{ status: number; headers: Record<string, unknown>; bytes: Buffer }> {
    const response = await f.http.agent.request({ origin: f.sandbox.url, path: `${sitePath(admin)}${path}`, method: 'GET', headers: { 'x-tableau-auth': admin.token } });
    return { status: response.statusCode, headers: response.headers, bytes: Buffer.from(await response.body.arrayBuffer()) };
  }

  it('lists the seeded data sources: several connection types, extracts, certification', async function () {
    const all = await datasources('?sort=name:asc');
    const types = new Map(all.map((d) => [d['@_name'], d['@_type']]));
    assert.equal(types.get('Sales Warehouse'), 'postgres');
    assert.equal(types.get('CRM Accounts'), 'sqlserver');
    assert.equal(types.get('Shipping Extract'), 'hyper');
    assert.equal(types.get('Inventory Sheets'), 'excel-direct');
    const warehouse = all.find((d) => d['@_name'] === 'Sales Warehouse');
    assert.ok(warehouse);
    assert.equal(warehouse['@_isCertified'], 'true');
    assert.equal(warehouse['@_certificationNote'], 'Owned by Sales Ops.');
    assert.equal(warehouse.project['@_name'], 'Sales');
  });

  it('filters data sources on type, hasExtracts, projectName and tags', async function () {
    assert.deepEqual((await datasources('?filter=type:eq:hyper')).map((d) => d['@_name']), ['Shipping Extract']);
    assert.deepEqual((await datasources('?filter=hasExtracts:eq:true&sort=name:asc')).map((d) => d['@_name']), ['CRM Accounts', 'Shipping Extract']);
    assert.deepEqual((await datasources('?filter=projectName:eq:Operations')).map((d) => d['@_name']), ['Inventory Sheets']);
    assert.equal(errorCode(await get('/datasources?filter=type:in:[hyper,postgres]')), '400065', 'type takes eq only');
  });

  it('updates a data source (certification, name) and refuses a name taken in the project (409015)', async function () {
    const crm = await named('CRM Accounts');
    const updated = await put(`/datasources/${crm['@_id']}`, '<tsRequest><datasource name="CRM Accounts (certified)" isCertified="true" certificationNote="Checked by IT"/></tsRequest>');
    assert.equal(updated.status, 200, updated.text);
    assert.equal(updated.xml?.datasource['@_isCertified'], 'true');
    const [connection] = list((await get(`/datasources/${crm['@_id']}/connections`)).xml?.connections.connection);
    assert.equal(connection.datasource['@_name'], 'CRM Accounts (certified)', "a data source's connections belong to it, under its current name");
    const project = defaultProjectId(f, admin);
    await publishFile(f, admin, 'datasource', { name: 'Taken', projectId: project, fileName: 'taken.tds', body: datasourceXml({ class: 'postgres', server: 'pg' }) });
    const clash = await put(`/datasources/${crm['@_id']}`, `<tsRequest><datasource name="taken"><project id="${project}"/></datasource></tsRequest>`);
    assert.equal(errorCode(clash), '409015');
    assert.equal(errorCode(await get(`/datasources/${UNKNOWN_ID}`)), '404004');
    assert.equal(errorCode(await get(`/datasources/${UNKNOWN_ID}/connections`)), '404004');
  });

  it('updates a data source connection; others than the owner get 403023', async function () {
    const warehouse = await named('Sales Warehouse');
    const [connection] = list((await get(`/datasources/${warehouse['@_id']}/connections`)).xml?.connections.connection);
    assert.equal(connection['@_serverAddress'], 'sales-db.example.com');
    const updated = await put(`/datasources/${warehouse['@_id']}/connections/${connection['@_id']}`, '<tsRequest><connection serverAddress="sales-db-2.example.com" password="x" embedPassword="true"/></tsRequest>');
    assert.equal(updated.xml?.connection['@_serverAddress'], 'sales-db-2.example.com');
    const dave = await f.signInAs('dave');
    assert.equal(errorCode(await put(`/datasources/${warehouse['@_id']}/connections/${connection['@_id']}`, '<tsRequest><connection userName="d"/></tsRequest>', dave)), '403023');
  });

  it('downloads seeded files as real documents, named after the item, with Content-Disposition', async function () {
    const sales = list((await get('/workbooks?filter=name:eq:Regional%20Sales')).xml?.workbooks.workbook)[0];
    const packaged = await download(`/workbooks/${sales['@_id']}/content`);
    assert.equal(packaged.status, 200);
    assert.equal(packaged.headers['content-disposition'], 'attachment; filename="Regional Sales.twbx"');
    assert.equal(packaged.headers['content-type'], 'application/octet-stream');
    assert.equal(Number(packaged.headers['content-length']), packaged.bytes.length);
    assert.deepEqual(await zipEntries(packaged.bytes, scratch), ['Regional Sales.twb', 'Data/Extracts/regional_sales.hyper']);
    const warehouse = await named('Sales Warehouse');
    const plain = await download(`/datasources/${warehouse['@_id']}/content`);
    assert.equal(plain.headers['content-disposition'], 'attachment; filename="Sales Warehouse.tds"');
    assert.match(plain.bytes.toString(), /^<\?xml[\s\S]*<connection class='postgres'/);
  });

  it('a seeded workbook republished from its download derives the same views and connections', async function () {
    const carrier = list((await get('/workbooks?filter=name:eq:Carrier%20Performance')).xml?.workbooks.workbook)[0];
    const views = async (id: string) => list((await get(`/workbooks/${id}/views`)).xml?.views.view).map((view) => [view['@_name'], view['@_sheetType']]);
    const connections = async (id: string) =>
      list((await get(`/workbooks/${id}/connections`)).xml?.connections.connection).map((c) => [c['@_type'], c['@_serverAddress'], c['@_serverPort'], c['@_userName']]);
    const file = await download(`/workbooks/${carrier['@_id']}/content`);
    const republished = await publishFile(f, admin, 'workbook', { name: 'Carrier Copy', projectId: defaultProjectId(f, admin), fileName: 'Carrier.twbx', body: file.bytes });
    assert.equal(republished.status, 201, republished.text);
    const copy = republished.xml?.workbook['@_id'];
    assert.deepEqual(await views(copy), await views(carrier['@_id']));
    assert.deepEqual(await connections(copy), await connections(carrier['@_id']));
    assert.equal(republished.xml?.workbook['@_size'], carrier['@_size']);
  });

  it('includeExtract=false leaves the extract out of a packaged file, byte-identical otherwise', async function () {
    const crm = (await datasources('?filter=type:eq:sqlserver'))[0];
    const whole = await download(`/datasources/${crm['@_id']}/content`);
    const stripped = await download(`/datasources/${crm['@_id']}/content?includeExtract=false`);
    assert.equal(stripped.status, 200);
    assert.ok(stripped.bytes.length < whole.bytes.length);
    assert.equal(Number(stripped.headers['content-length']), stripped.bytes.length);
    assert.deepEqual(await zipEntries(whole.bytes, scratch), ['CRM Accounts.tds', 'Data/Extracts/crm_accounts.hyper']);
    assert.deepEqual(await zipEntries(stripped.bytes, scratch), ['CRM Accounts.tds']);
    const path = join(scratch, 'stripped.tdsx');
    await writeFile(path, stripped.bytes);
    const republished = await publishFile(f, admin, 'datasource', { name: 'Republished', projectId: defaultProjectId(f, admin), fileName: 'stripped.tdsx', body: await readFile(path) });
    assert.equal(republished.status, 201, 'the stripped package is a valid .tdsx');
    const extractOnly = (await datasources('?filter=type:eq:hyper'))[0];
    assert.equal(errorCode(await get(`/datasources/${extractOnly['@_id']}/content?includeExtract=false`)), '400008');
    assert.equal(errorCode(await get(`/datasources/${extractOnly['@_id']}/content?includeExtract=nope`)), '400008');
  });

  it('names non-ASCII items with RFC 5987 filename* and an ASCII fallback', async function () {
    const published = await publishFile(f, admin, 'workbook', { name: 'Café "Ventes"', projectId: defaultProjectId(f, admin), fileName: 'cafe.twb', body: workbookXml({ worksheets: ['S'] }) });
    assert.equal(published.status, 201, published.text);
    const response = await download(`/workbooks/${published.xml?.workbook['@_id']}/content`);
    assert.equal(response.headers['content-disposition'], `attachment; filename="Caf_ _Ventes_.twb"; filename*=UTF-8''Caf%C3%A9%20%22Ventes%22.twb`);
  });

  it('Viewers cannot download data sources (403028); unknown ids answer 404004', async function () {
    const bob = await f.signInAs('bob');
    const warehouse = await named('Sales Warehouse');
    assert.equal(errorCode(await get(`/datasources/${warehouse['@_id']}/content`, bob)), '403028');
    assert.equal(errorCode(await get(`/datasources/${UNKNOWN_ID}/content`)), '404004');
    assert.equal(errorCode(await get(`/workbooks/${UNKNOWN_ID}/content`)), '404006');
  });

  it('deletes a data source (204) and its file', async function () {
    const inventory = await named('Inventory Sheets');
    const path = f.sandbox.state.content.datasources.get(admin.siteId, inventory['@_id'])!.file.path;
    assert.equal((await f.http.call('DELETE', `${sitePath(admin)}/datasources/${inventory['@_id']}`, { token: admin.token })).status, 204);
    assert.equal(errorCode(await get(`/datasources/${inventory['@_id']}`)), '404004');
    await assert.rejects(readFile(path), /ENOENT/);
  });
});
