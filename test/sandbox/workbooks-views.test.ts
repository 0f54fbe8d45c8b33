import assert from 'node:assert/strict';
import { errorCode, list, type SignedIn, type XmlObject } from '../support/sandbox-http';
import { useSandbox } from '../support/sandbox-fixture';
import { projectNamed, publishFile, sitePath, UNKNOWN_ID } from '../support/content-requests';
import { workbookXml } from '../support/documents';
import { decodePng } from '../support/png';

/** Workbooks and views of the demo seed over raw HTTP: listing, filters, updates, permissions, connections, images. */
describe('sandbox: workbooks and views', function () {
  const f = useSandbox({ seed: 'demo' });
  let admin: SignedIn;

  before(async function () {
    admin = await f.signInAdmin();
  });

  const get = (path: string, session: SignedIn = admin) => f.http.call('GET', `${sitePath(session)}${path}`, { token: session.token });
  const put = (path: string, body: string, session: SignedIn = admin) => f.http.call('PUT', `${sitePath(session)}${path}`, { token: session.token, body });
  const workbooks = async (query = ''): Promise<XmlObject[]> => list((await get(`/workbooks${query}`)).xml?.workbooks.workbook);
  const workbookNamed = async (name: string): Promise<XmlObject> => (await workbooks(`?filter=name:eq:${encodeURIComponent(name)}`))[0];

  it('lists the seeded workbooks with project, owner, tags, size and dates', async function () {
    const all = await workbooks('?pageSize=1000');
    const sales = all.find((w) => w['@_name'] === 'Regional Sales');
    assert.ok(sales, 'Regional Sales is seeded');
    assert.equal(sales.project['@_name'], 'Sales');
    assert.equal(sales.owner['@_name'], 'alice');
    assert.deepEqual(list(sales.tags.tag).map((tag) => tag['@_label']), ['sales', 'kpi']);
    assert.equal(sales['@_size'], '2');
    assert.equal(sales['@_hasExtracts'], 'true');
    assert.equal(sales['@_createdAt'], '2024-02-05T09:12:00Z');
    assert.equal(sales.views, undefined, 'lists leave views out');
  });

  it('filters on projectName (as the explorer does), ownerName, tags and dates, and sorts', async function () {
    assert.deepEqual((await workbooks('?filter=projectName:eq:Logistics')).map((w) => w['@_name']), ['Carrier Performance']);
    assert.deepEqual((await workbooks('?filter=ownerName:eq:dave&sort=name:asc')).map((w) => w['@_name']), ['Carrier Performance', 'EMEA Bookings']);
    assert.deepEqual((await workbooks('?filter=tags:eq:kpi&sort=name:desc')).map((w) => w['@_name']), ['Regional Sales', 'Company KPIs']);
    assert.deepEqual((await workbooks('?filter=createdAt:gte:2024-05-01T00:00:00Z')).map((w) => w['@_name']), ['Company KPIs']);
    const unknownField = await get('/workbooks?filter=colour:eq:red');
    assert.equal(errorCode(unknownField), '400065');
  });

  it('Query Workbook includes the views in tab order; hidden sheets are not views', async function () {
    const sales = await workbookNamed('Regional Sales');
    const workbook = (await get(`/workbooks/${sales['@_id']}`)).xml?.workbook;
    const views = list(workbook.views.view);
    assert.deepEqual(views.map((view) => view['@_name']), ['Sales Overview', 'Revenue by Region', 'Bookings Trend', 'Top Accounts']);
    assert.deepEqual(views.map((view) => view['@_sheetType']), ['dashboard', 'worksheet', 'worksheet', 'worksheet']);
    assert.equal(views[1]['@_contentUrl'], 'RegionalSales/sheets/RevenuebyRegion');
    assert.equal(workbook['@_defaultViewId'], views[0]['@_id']);
    assert.equal(workbook['@_sheetCount'], '4');
  });

  it('Query Views for Workbook, with usage when asked (400008 for a bad flag)', async function () {
    const sales = await workbookNamed('Regional Sales');
    const plain = list((await get(`/workbooks/${sales['@_id']}/views`)).xml?.views.view);
    assert.equal(plain[0].usage, undefined);
    const withUsage = list((await get(`/workbooks/${sales['@_id']}/views?includeUsageStatistics=true`)).xml?.views.view);
    assert.equal(withUsage[0].usage['@_totalViewCount'], '412');
    assert.equal(errorCode(await get(`/workbooks/${sales['@_id']}/views?includeUsageStatistics=maybe`)), '400008');
    assert.equal(errorCode(await get(`/workbooks/${UNKNOWN_ID}/views`)), '404006');
  });

  it('Query Views for Site filters and sorts (workbookName, sheetType, hitsTotal) and names each view’s workbook, owner and project', async function () {
    const dashboards = list((await get('/views?filter=sheetType:eq:dashboard&sort=hitsTotal:desc&includeUsageStatistics=true')).xml?.views.view);
    assert.equal(dashboards[0]['@_name'], 'Executive Summary');
    assert.ok(dashboards.every((view) => view['@_sheetType'] === 'dashboard'));
    const carrier = list((await get('/views?filter=workbookName:eq:Carrier%20Performance')).xml?.views.view);
    assert.deepEqual(carrier.map((view) => view['@_name']), ['Carrier Scorecard', 'On-Time Delivery', 'Cost per Shipment']);
    assert.ok(carrier[0].workbook['@_id'] && carrier[0].owner['@_id'] && carrier[0].project['@_id']);
    const one = (await get(`/views/${carrier[1]['@_id']}`)).xml?.view;
    assert.equal(one['@_name'], 'On-Time Delivery');
    assert.equal(one['@_viewUrlName'], 'On-TimeDelivery');
    assert.equal(errorCode(await get(`/views/${UNKNOWN_ID}`)), '404011');
  });

  it('view images and preview images are PNGs: standard 800×600, high resolution 1600×1200, previews 400×300', async function () {
    const sales = await workbookNamed('Regional Sales');
    const [view] = list((await get(`/workbooks/${sales['@_id']}/views`)).xml?.views.view);
    const image = async (path: string) => {
      const response = await f.http.agent.request({ origin: f.sandbox.url, path: `${sitePath(admin)}${path}`, method: 'GET', headers: { 'x-tableau-auth': admin.token } });
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['content-type'], 'image/png');
      return decodePng(Buffer.from(await response.body.arrayBuffer()));
    };
    for (const [path, width, height] of [
      [`/views/${view['@_id']}/image`, 800, 600],
      [`/views/${view['@_id']}/image?resolution=high`, 1600, 1200],
      [`/workbooks/${sales['@_id']}/previewImage`, 400, 300],
      [`/workbooks/${sales['@_id']}/views/${view['@_id']}/previewImage`, 400, 300],
    ] as const) {
      const png = await image(path);
      assert.deepEqual([png.width, png.height, png.bitDepth, png.colourType], [width, height, 8, 2], path);
      assert.equal(png.scanlines.length, (width * 3 + 1) * height, `${path}: one filter byte and ${width} RGB pixels per row`);
      assert.ok(new Set(png.scanlines.subarray(1, width * 3 + 1)).size > 1 || new Set(png.scanlines).size > 3, 'the image is not blank');
    }
    const other = list((await get('/views?filter=name:eq:Revenue')).xml?.views.view)[0];
    const a = await image(`/views/${view['@_id']}/image`);
    const b = await image(`/views/${other['@_id']}/image`);
    assert.ok(!a.scanlines.equals(b.scanlines), 'different views get different pictures');
    assert.equal(errorCode(await get(`/views/${UNKNOWN_ID}/image`)), '404011');
    assert.equal(errorCode(await get(`/workbooks/${sales['@_id']}/views/${other['@_id']}/previewImage`)), '404011');
  });

  it('updates name, showTabs, project and owner; refuses a name taken in the target project (409013)', async function () {
    const pipeline = await workbookNamed('Pipeline Review');
    const carol = f.sandbox.state.findUserByName('carol')!;
    const updated = await put(
      `/workbooks/${pipeline['@_id']}`,
      `<tsRequest><workbook name="Pipeline Review 2026" showTabs="false"><project id="${projectNamed(f, admin, 'EMEA')}"/><owner id="${carol.id}"/></workbook></tsRequest>`,
    );
    assert.equal(updated.status, 200, updated.text);
    assert.equal(updated.xml?.workbook['@_name'], 'Pipeline Review 2026');
    assert.equal(updated.xml?.workbook['@_showTabs'], 'false');
    assert.equal(updated.xml?.workbook.project['@_name'], 'EMEA');
    assert.equal(updated.xml?.workbook.owner['@_id'], carol.id);
    assert.equal(updated.xml?.workbook['@_contentUrl'], 'PipelineReview', 'the content URL stays');
    const clash = await put(`/workbooks/${pipeline['@_id']}`, '<tsRequest><workbook name="emea bookings"/></tsRequest>');
    assert.equal(clash.status, 409);
    assert.equal(errorCode(clash), '409013');
    assert.equal(errorCode(await put(`/workbooks/${pipeline['@_id']}`, `<tsRequest><workbook><project id="${UNKNOWN_ID}"/></workbook></tsRequest>`)), '404005');
    assert.equal(errorCode(await put(`/workbooks/${pipeline['@_id']}`, `<tsRequest><workbook><owner id="${UNKNOWN_ID}"/></workbook></tsRequest>`)), '404002');
    assert.equal(errorCode(await put(`/workbooks/${UNKNOWN_ID}`, '<tsRequest><workbook name="x"/></tsRequest>')), '404006');
  });

  it('non-administrators: the owner may update; others get 403027; owner changes need an administrator; Viewers cannot download (403019)', async function () {
    const alice = await f.signInAs('alice');
    const dave = await f.signInAs('dave');
    const bob = await f.signInAs('bob');
    const sales = await workbookNamed('Regional Sales');
    assert.equal((await put(`/workbooks/${sales['@_id']}`, '<tsRequest><workbook showTabs="true"/></tsRequest>', alice)).status, 200);
    assert.equal(errorCode(await put(`/workbooks/${sales['@_id']}`, '<tsRequest><workbook showTabs="true"/></tsRequest>', dave)), '403027');
    assert.equal(errorCode(await put(`/workbooks/${sales['@_id']}`, `<tsRequest><workbook><owner id="${dave.userId}"/></workbook></tsRequest>`, alice)), '403027');
    assert.equal(errorCode(await f.http.call('DELETE', `${sitePath(dave)}/workbooks/${sales['@_id']}`, { token: dave.token })), '403004');
    assert.equal(errorCode(await get(`/workbooks/${sales['@_id']}/content`, bob)), '403019');
    assert.equal((await get(`/workbooks/${sales['@_id']}`, bob)).status, 200, 'Viewers can still see it');
  });

  it('connections: listed with their embedded data source, updated (password never echoed), 404020 for an unknown one', async function () {
    const carrier = await workbookNamed('Carrier Performance');
    const [connection] = list((await get(`/workbooks/${carrier['@_id']}/connections`)).xml?.connections.connection);
    assert.deepEqual([connection['@_type'], connection['@_serverAddress'], connection['@_serverPort'], connection['@_userName']], ['mysql', 'ops-db.example.com', '3306', 'ops_reader']);
    assert.equal(connection.datasource['@_name'], 'Shipments (ops)');
    const updated = await put(
      `/workbooks/${carrier['@_id']}/connections/${connection['@_id']}`,
      '<tsRequest><connection serverAddress="ops-replica.example.com" serverPort="3307" userName="ops2" password="hunter2" embedPassword="true"/></tsRequest>',
    );
    assert.equal(updated.status, 200, updated.text);
    assert.equal(updated.xml?.connection['@_serverAddress'], 'ops-replica.example.com');
    assert.equal(updated.xml?.connection['@_embedPassword'], 'true');
    assert.ok(!updated.text.includes('hunter2'));
    const again = list((await get(`/workbooks/${carrier['@_id']}/connections`)).xml?.connections.connection)[0];
    assert.equal(again['@_serverPort'], '3307');
    assert.equal(errorCode(await put(`/workbooks/${carrier['@_id']}/connections/${connection['@_id']}`, '<tsRequest><connection serverPort="http"/></tsRequest>')), '400000');
    assert.equal(errorCode(await put(`/workbooks/${carrier['@_id']}/connections/${UNKNOWN_ID}`, '<tsRequest><connection userName="x"/></tsRequest>')), '404020');
    const dave = await f.signInAs('dave');
    const alice = await f.signInAs('alice');
    assert.equal((await put(`/workbooks/${carrier['@_id']}/connections/${connection['@_id']}`, '<tsRequest><connection userName="d"/></tsRequest>', dave)).status, 200, 'the owner may');
    assert.equal(errorCode(await put(`/workbooks/${carrier['@_id']}/connections/${connection['@_id']}`, '<tsRequest><connection userName="a"/></tsRequest>', alice)), '403029');
  });

  it('deleting a workbook deletes its views; deleting a project deletes its workbooks', async function () {
    const project = projectNamed(f, admin, 'Executive Dashboards');
    const published = await publishFile(f, admin, 'workbook', { name: 'Doomed', projectId: project, fileName: 'Doomed.twb', body: workbookXml({ worksheets: ['Gone Soon'] }) });
    const id = published.xml?.workbook['@_id'];
    const viewId = list(published.xml?.workbook.views.view)[0]['@_id'];
    assert.equal((await f.http.call('DELETE', `${sitePath(admin)}/workbooks/${id}`, { token: admin.token })).status, 204);
    assert.equal(errorCode(await get(`/workbooks/${id}`)), '404006');
    assert.equal(errorCode(await get(`/views/${viewId}`)), '404011');
    const kpis = await workbookNamed('Company KPIs');
    assert.equal((await f.http.call('DELETE', `${sitePath(admin)}/projects/${project}`, { token: admin.token })).status, 204);
    assert.equal(errorCode(await get(`/workbooks/${kpis['@_id']}`)), '404006');
  });
});
