// Conformance rows for workbooks, views, data sources and file uploads (used by schema.test.ts).
import type { Sandbox } from '../../src/sandbox';
import { multipartMixed, publishPayload, type TestPart } from '../support/multipart';
import { API, type HttpResult, type SandboxHttp, type SignedIn } from '../support/sandbox-http';

interface ContentCtx {
  sandbox: Sandbox;
  http: SandboxHttp;
  admin: SignedIn;
  defaultProjectId: string;
}

interface ContentRow {
  name: string;
  status: number;
  request: (ctx: ContentCtx) => Promise<HttpResult>;
  paginatedListDeviation?: { element: string; type: string; why: string };
}

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const site = (ctx: ContentCtx) => `${API}/sites/${ctx.admin.siteId}`;
const workbook = (ctx: ContentCtx, name: string) => ctx.sandbox.state.content.workbooks.listSite(ctx.admin.siteId).find((w) => w.name === name);
const datasource = (ctx: ContentCtx, name: string) => ctx.sandbox.state.content.datasources.listSite(ctx.admin.siteId).find((d) => d.name === name);
const workbookPath = (ctx: ContentCtx, name: string) => `${site(ctx)}/workbooks/${workbook(ctx, name)?.id ?? UNKNOWN}`;
const datasourcePath = (ctx: ContentCtx, name: string) => `${site(ctx)}/datasources/${datasource(ctx, name)?.id ?? UNKNOWN}`;
const call = (ctx: ContentCtx, method: string, path: string, body?: string) => ctx.http.call(method, path, { token: ctx.admin.token, body });

const TWB = `<?xml version='1.0' encoding='utf-8' ?><workbook version='18.1'><datasources><datasource caption='Orders' name='pg.1'><connection class='postgres' server='db.example.com' port='5432' username='u' dbname='d' /></datasource></datasources><worksheets><worksheet name='Sheet 1' /></worksheets><windows><window class='worksheet' name='Sheet 1' /></windows></workbook>`;
const TDS = `<?xml version='1.0' encoding='utf-8' ?><datasource version='18.1'><connection class='mysql' server='mysql.example.com' port='3306' username='r' dbname='d' /></datasource>`;

function publish(ctx: ContentCtx, resource: 'workbooks' | 'datasources', query: string, parts: TestPart[]): Promise<HttpResult> {
  const { body, contentType } = multipartMixed(parts);
  return ctx.http.call('POST', `${site(ctx)}/${resource}${query}`, { token: ctx.admin.token, body, headers: { 'content-type': contentType } });
}

const twbPart: TestPart = { name: 'tableau_workbook', filename: 'Conformance.twb', body: TWB };
const tdsPart: TestPart = { name: 'tableau_datasource', filename: 'Conformance.tds', body: TDS };

async function initiateUpload(ctx: ContentCtx): Promise<string> {
  const started = await call(ctx, 'POST', `${site(ctx)}/fileUploads`);
  return started.xml?.fileUpload['@_uploadSessionId'];
}

function append(ctx: ContentCtx, id: string, bytes: string): Promise<HttpResult> {
  const { body, contentType } = multipartMixed([{ name: 'request_payload', contentType: 'text/xml', body: '' }, { name: 'tableau_file', filename: 'file', body: bytes }]);
  return ctx.http.call('PUT', `${site(ctx)}/fileUploads/${id}`, { token: ctx.admin.token, body, headers: { 'content-type': contentType } });
}

const connectionId = (ctx: ContentCtx, kind: 'workbook' | 'datasource', name: string) =>
  (kind === 'workbook' ? workbook(ctx, name) : datasource(ctx, name))?.connections[0]?.id ?? UNKNOWN;

export const CONTENT_ROWS: ContentRow[] = [
  { name: 'Query Workbooks for Site', status: 200, request: (ctx) => get(ctx, `${site(ctx)}/workbooks?sort=name:asc&filter=tags:in:[sales,exec]`) },
  { name: 'Query Workbook', status: 200, request: (ctx) => get(ctx, workbookPath(ctx, 'Regional Sales')) },
  {
    name: 'Publish Workbook',
    status: 201,
    request: (ctx) => publish(ctx, 'workbooks', '', [publishPayload('workbook', 'Conformance Published', ctx.defaultProjectId, ' showTabs="true"'), twbPart]),
  },
  {
    name: 'Publish Workbook (upload session, overwrite)',
    status: 201,
    request: async (ctx) => {
      const id = await initiateUpload(ctx);
      await append(ctx, id, TWB);
      return publish(ctx, 'workbooks', `?uploadSessionId=${id}&workbookType=twb&overwrite=true`, [publishPayload('workbook', 'Conformance Published', ctx.defaultProjectId)]);
    },
  },
  { name: 'Update Workbook', status: 200, request: (ctx) => call(ctx, 'PUT', workbookPath(ctx, 'Pipeline Review'), '<tsRequest><workbook showTabs="false"/></tsRequest>') },
  { name: 'Query Views for Workbook (usage)', status: 200, request: (ctx) => get(ctx, `${workbookPath(ctx, 'Regional Sales')}/views?includeUsageStatistics=true`) },
  {
    name: 'Query Views for Site (usage)',
    status: 200,
    request: (ctx) => get(ctx, `${site(ctx)}/views?includeUsageStatistics=true&sort=name:asc&pageSize=5`),
    paginatedListDeviation: {
      element: 'views',
      type: 'viewListType',
      why: 'servers answer Query Views for Site with <pagination> then <views>, which the 3.29 paginatedResponseGroup does not list',
    },
  },
  { name: 'Get View', status: 200, request: (ctx) => get(ctx, `${site(ctx)}/views/${ctx.sandbox.state.content.views.listSite(ctx.admin.siteId)[0]?.id ?? UNKNOWN}`) },
  { name: 'Query Workbook Connections', status: 200, request: (ctx) => get(ctx, `${workbookPath(ctx, 'Carrier Performance')}/connections`) },
  {
    name: 'Update Workbook Connection',
    status: 200,
    request: (ctx) =>
      call(ctx, 'PUT', `${workbookPath(ctx, 'Carrier Performance')}/connections/${connectionId(ctx, 'workbook', 'Carrier Performance')}`, '<tsRequest><connection serverAddress="replica.example.com" serverPort="3307" userName="ops2" password="pw" embedPassword="true"/></tsRequest>'),
  },
  { name: 'Query Data Sources', status: 200, request: (ctx) => get(ctx, `${site(ctx)}/datasources?filter=hasExtracts:eq:true&sort=updatedAt:desc`) },
  { name: 'Query Data Source', status: 200, request: (ctx) => get(ctx, datasourcePath(ctx, 'Sales Warehouse')) },
  { name: 'Publish Data Source', status: 201, request: (ctx) => publish(ctx, 'datasources', '', [publishPayload('datasource', 'Conformance Published Source', ctx.defaultProjectId), tdsPart]) },
  { name: 'Update Data Source', status: 200, request: (ctx) => call(ctx, 'PUT', datasourcePath(ctx, 'CRM Accounts'), '<tsRequest><datasource isCertified="true" certificationNote="Checked"/></tsRequest>') },
  { name: 'Query Data Source Connections', status: 200, request: (ctx) => get(ctx, `${datasourcePath(ctx, 'CRM Accounts')}/connections`) },
  {
    name: 'Update Data Source Connection',
    status: 200,
    request: (ctx) =>
      call(ctx, 'PUT', `${datasourcePath(ctx, 'CRM Accounts')}/connections/${connectionId(ctx, 'datasource', 'CRM Accounts')}`, '<tsRequest><connection userName="crm2" password="pw" embedPassword="false"/></tsRequest>'),
  },
  { name: 'Initiate File Upload', status: 201, request: (ctx) => call(ctx, 'POST', `${site(ctx)}/fileUploads`) },
  { name: 'Append to File Upload', status: 200, request: async (ctx) => append(ctx, await initiateUpload(ctx), 'first block') },
  { name: 'error 400008 (append to a workbook)', status: 400, request: (ctx) => publish(ctx, 'workbooks', '?append=true', [publishPayload('workbook', 'X', ctx.defaultProjectId), twbPart]) },
  { name: 'error 400010 (data source file name)', status: 400, request: (ctx) => publish(ctx, 'datasources', '', [publishPayload('datasource', 'X', ctx.defaultProjectId), { ...tdsPart, filename: 'data.csv' }]) },
  {
    name: 'error 400011 (not a workbook)',
    status: 400,
    request: (ctx) => publish(ctx, 'workbooks', '', [publishPayload('workbook', 'Broken', ctx.defaultProjectId), { name: 'tableau_workbook', filename: 'Broken.twbx', body: 'not a zip' }]),
  },
  { name: 'error 400020 (workbook file name)', status: 400, request: (ctx) => publish(ctx, 'workbooks', '', [publishPayload('workbook', 'X', ctx.defaultProjectId), { ...twbPart, filename: 'x.tds' }]) },
  { name: 'error 400035 (workbookType)', status: 400, request: (ctx) => publish(ctx, 'workbooks', '?uploadSessionId=1:ab-1:0', [publishPayload('workbook', 'X', ctx.defaultProjectId)]) },
  { name: 'error 400055 (overwrite and append)', status: 400, request: (ctx) => publish(ctx, 'datasources', '?overwrite=true&append=true', [publishPayload('datasource', 'X', ctx.defaultProjectId), tdsPart]) },
  { name: 'error 403007 (name exists)', status: 403, request: (ctx) => publish(ctx, 'workbooks', '', [publishPayload('workbook', 'Conformance Published', ctx.defaultProjectId), twbPart]) },
  { name: 'error 404004 (data source)', status: 404, request: (ctx) => get(ctx, `${site(ctx)}/datasources/${UNKNOWN}`) },
  { name: 'error 404006 (workbook)', status: 404, request: (ctx) => get(ctx, `${site(ctx)}/workbooks/${UNKNOWN}/views`) },
  { name: 'error 404011 (view)', status: 404, request: (ctx) => get(ctx, `${site(ctx)}/views/${UNKNOWN}`) },
  { name: 'error 404015 (upload session)', status: 404, request: (ctx) => append(ctx, '123:abcdef-1:0', 'x') },
  { name: 'error 404020 (connection)', status: 404, request: (ctx) => call(ctx, 'PUT', `${workbookPath(ctx, 'Regional Sales')}/connections/${UNKNOWN}`, '<tsRequest><connection userName="x"/></tsRequest>') },
  {
    name: 'error 409013 (workbook name in project)',
    status: 409,
    request: (ctx) => call(ctx, 'PUT', workbookPath(ctx, 'Pipeline Review'), `<tsRequest><workbook name="conformance published"><project id="${ctx.defaultProjectId}"/></workbook></tsRequest>`),
  },
  {
    name: 'error 409015 (data source name in project)',
    status: 409,
    request: (ctx) => call(ctx, 'PUT', datasourcePath(ctx, 'CRM Accounts'), `<tsRequest><datasource name="Conformance Published Source"><project id="${ctx.defaultProjectId}"/></datasource></tsRequest>`),
  },
];

function get(ctx: ContentCtx, path: string): Promise<HttpResult> {
  return call(ctx, 'GET', path);
}
