import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { startSandbox, type Sandbox } from '../../src/sandbox';
import { addDatasourceRecord, addViewRecord, addWorkbookRecord } from '../support/people';
import { API, SandboxHttp, type HttpResult, type SignedIn } from '../support/sandbox-http';
import { CONTENT_ROWS } from './content-rows';

const run = promisify(execFile);
const XSD = resolve(__dirname, '../../../shared/tableau-rest/ts-api_3_29.xsd');

interface Ctx {
  sandbox: Sandbox;
  http: SandboxHttp;
  admin: SignedIn;
  projectsPath: string;
  defaultProjectId: string;
}

interface Row {
  name: string;
  status: number;
  request: (ctx: Ctx) => Promise<HttpResult>;
  /**
   * Set when the published XSD disagrees with what real servers send; the response is then validated against a
   * copy of the XSD with just that definition relaxed, and the original XSD must still reject it (so the row
   * notices when a newer XSD fixes the schema).
   */
  schemaDeviation?: { type: string; relaxedPattern: string; why: string };
  /**
   * Set when real servers page a list the XSD's paginatedResponseGroup does not name (e.g. `<views>` of Query
   * Views for Site): validated against a copy of the XSD with that list added, and the original must still reject it.
   */
  paginatedListDeviation?: { element: string; type: string; why: string };
}

// `null` means "send no X-Tableau-Auth header"; omitted means "as the signed-in administrator".
const post = (ctx: Ctx, path: string, body: string, token: string | null = ctx.admin.token) =>
  ctx.http.call('POST', path, { token: token ?? undefined, body });
const put = (ctx: Ctx, path: string, body: string) => ctx.http.call('PUT', path, { token: ctx.admin.token, body });
const get = (ctx: Ctx, path: string, token: string | null = ctx.admin.token) => ctx.http.call('GET', path, { token: token ?? undefined });
const credentialsBody = (ctx: Ctx, site = '') =>
  `<tsRequest><credentials name="${ctx.sandbox.credentials.username}" password="${ctx.sandbox.credentials.password}"><site contentUrl="${site}"/></credentials></tsRequest>`;

const sitePath = (ctx: Ctx) => `${API}/sites/${ctx.admin.siteId}`;
const userId = (ctx: Ctx, name: string) => ctx.sandbox.state.findUserByName(name)?.id ?? 'missing-user';
const groupId = (ctx: Ctx, name: string) => ctx.sandbox.state.groups.listSite(ctx.admin.siteId).find((g) => g.name === name)?.id ?? 'missing-group';
const signInAs = (ctx: Ctx, name: string) => {
  const user = ctx.sandbox.state.findUserByName(name);
  return ctx.http.signInWithPassword(name, user?.password ?? '');
};

/** One row per kind of response the sandbox emits. Later tasks add rows for their endpoints. */
const ROWS: Row[] = [
  {
    name: 'Server Info',
    status: 200,
    request: (ctx) => get(ctx, `${API}/serverinfo`, null),
    schemaDeviation: {
      type: 'restApiVersion',
      relaxedPattern: '[0-9]+\\.[0-9]+',
      why: 'the 3.29 XSD gives restApiVersion the build-number pattern, but servers send e.g. "3.29"',
    },
  },
  { name: 'Sign In', status: 200, request: (ctx) => post(ctx, `${API}/auth/signin`, credentialsBody(ctx), null) },
  {
    name: 'Switch Site',
    status: 200,
    request: async (ctx) => {
      const fresh = await ctx.http.signInWithPassword(ctx.sandbox.credentials.username, ctx.sandbox.credentials.password);
      return post(ctx, `${API}/auth/switchSite`, '<tsRequest><site contentUrl="finance"/></tsRequest>', fresh.token);
    },
  },
  { name: 'Query Sites (with usage)', status: 200, request: (ctx) => get(ctx, `${API}/sites?includeUsageStatistics=true`) },
  { name: 'Query Site', status: 200, request: (ctx) => get(ctx, `${API}/sites/marketing?key=contentUrl`) },
  {
    name: 'Create Site',
    status: 201,
    request: (ctx) => post(ctx, `${API}/sites`, '<tsRequest><site name="Conformance" contentUrl="conformance" userQuota="10" storageQuota="500"/></tsRequest>'),
  },
  {
    name: 'Update Site',
    status: 200,
    request: (ctx) => put(ctx, `${API}/sites/${ctx.admin.siteId}`, '<tsRequest><site revisionLimit="-1" adminMode="ContentOnly"/></tsRequest>'),
  },
  { name: 'Query Projects', status: 200, request: (ctx) => get(ctx, `${ctx.projectsPath}?pageSize=5&sort=name:asc`) },
  { name: 'Query Projects (empty page)', status: 200, request: (ctx) => get(ctx, `${ctx.projectsPath}?filter=name:eq:nothing`) },
  {
    name: 'Create Project',
    status: 201,
    request: (ctx) =>
      post(ctx, ctx.projectsPath, `<tsRequest><project name="Conformance" parentProjectId="${ctx.defaultProjectId}" description="x &lt; y" contentPermissions="LockedToProject"/></tsRequest>`),
  },
  {
    name: 'Update Project',
    status: 200,
    request: (ctx) => put(ctx, `${ctx.projectsPath}/${ctx.defaultProjectId}`, '<tsRequest><project description="Updated"/></tsRequest>'),
  },
  { name: 'error 400000 (malformed XML)', status: 400, request: (ctx) => post(ctx, ctx.projectsPath, '<tsRequest><project') },
  { name: 'error 400065 (filter)', status: 400, request: (ctx) => get(ctx, `${ctx.projectsPath}?filter=colour:eq:red`) },
  { name: 'error 400066 (sort)', status: 400, request: (ctx) => get(ctx, `${ctx.projectsPath}?sort=colour:asc`) },
  { name: 'error 400007 (page size)', status: 400, request: (ctx) => get(ctx, `${ctx.projectsPath}?pageSize=0`) },
  { name: 'error 401000 (no token)', status: 401, request: (ctx) => get(ctx, ctx.projectsPath, null) },
  { name: 'error 401001 (sign-in)', status: 401, request: (ctx) => post(ctx, `${API}/auth/signin`, credentialsBody(ctx, 'nowhere'), null) },
  { name: 'error 401002 (bad token)', status: 401, request: (ctx) => get(ctx, ctx.projectsPath, 'not-a-token') },
  { name: 'error 403014 (page size limit)', status: 403, request: (ctx) => get(ctx, `${ctx.projectsPath}?pageSize=5000`) },
  { name: 'error 404000 (site)', status: 404, request: (ctx) => get(ctx, `${API}/sites/nowhere?key=contentUrl`) },
  {
    name: 'error 404005 (project)',
    status: 404,
    request: (ctx) => put(ctx, `${ctx.projectsPath}/00000000-0000-4000-8000-000000000000`, '<tsRequest><project name="x"/></tsRequest>'),
  },
  { name: 'error 405000 (method)', status: 405, request: (ctx) => ctx.http.call('PATCH', `${API}/serverinfo`) },
  { name: 'error 409006 (project name)', status: 409, request: (ctx) => post(ctx, ctx.projectsPath, '<tsRequest><project name="Default"/></tsRequest>') },
  // Users, groups, favorites, schedules.
  { name: 'Get Users on Site', status: 200, request: (ctx) => get(ctx, `${sitePath(ctx)}/users?pageSize=5&sort=lastLogin:desc`) },
  { name: 'Query User On Site', status: 200, request: (ctx) => get(ctx, `${sitePath(ctx)}/users/${userId(ctx, 'alice')}`) },
  {
    name: 'Add User to Site',
    status: 201,
    request: (ctx) => post(ctx, `${sitePath(ctx)}/users`, '<tsRequest><user name="conformance-user" siteRole="Viewer" authSetting="ServerDefault"/></tsRequest>'),
  },
  {
    name: 'Update User',
    status: 200,
    request: (ctx) =>
      put(ctx, `${sitePath(ctx)}/users/${userId(ctx, 'liam')}`, '<tsRequest><user fullName="Liam L." email="liam.l@example.com" siteRole="Explorer" password="s3cret!"/></tsRequest>'),
  },
  { name: 'Get Groups for a User', status: 200, request: (ctx) => get(ctx, `${sitePath(ctx)}/users/${userId(ctx, 'alice')}/groups`) },
  { name: 'Query Workbooks for User (empty)', status: 200, request: (ctx) => get(ctx, `${sitePath(ctx)}/users/${userId(ctx, 'liam')}/workbooks`) },
  { name: 'Query Groups', status: 200, request: (ctx) => get(ctx, `${sitePath(ctx)}/groups?sort=name:asc`) },
  { name: 'Create Group', status: 201, request: (ctx) => post(ctx, `${sitePath(ctx)}/groups`, '<tsRequest><group name="Conformance" minimumSiteRole="Viewer"/></tsRequest>') },
  { name: 'Update Group', status: 200, request: (ctx) => put(ctx, `${sitePath(ctx)}/groups/${groupId(ctx, 'Contractors')}`, '<tsRequest><group name="Vendors"/></tsRequest>') },
  { name: 'Get Users in Group', status: 200, request: (ctx) => get(ctx, `${sitePath(ctx)}/groups/${groupId(ctx, 'Sales Analysts')}/users`) },
  {
    name: 'Add User to Group',
    status: 200,
    request: (ctx) => post(ctx, `${sitePath(ctx)}/groups/${groupId(ctx, 'New Hires')}/users`, `<tsRequest><user id="${userId(ctx, 'liam')}"/></tsRequest>`),
  },
  { name: 'Get Favorites for User', status: 200, request: (ctx) => get(ctx, `${sitePath(ctx)}/favorites/${userId(ctx, 'alice')}`) },
  { name: 'Get Favorites for User (none)', status: 200, request: (ctx) => get(ctx, `${sitePath(ctx)}/favorites/${userId(ctx, 'liam')}`) },
  {
    name: 'Add Project to Favorites',
    status: 200,
    request: (ctx) => put(ctx, `${sitePath(ctx)}/favorites/${userId(ctx, 'liam')}`, `<tsRequest><favorite label="Home"><project id="${ctx.defaultProjectId}"/></favorite></tsRequest>`),
  },
  {
    name: 'Add Workbook to Favorites, Get Favorites for User (every kind)',
    status: 200,
    request: async (ctx) => {
      const state = ctx.sandbox.state;
      const base = { siteId: ctx.admin.siteId, projectId: ctx.defaultProjectId, ownerId: userId(ctx, 'mia') };
      const workbook = addWorkbookRecord(state, { ...base, name: 'Conformance Workbook' });
      const view = addViewRecord(state, workbook, 'Conformance View');
      const datasource = addDatasourceRecord(state, { ...base, name: 'Conformance Source' });
      for (const [kind, id] of [['workbook', workbook.id], ['view', view.id], ['datasource', datasource.id]]) {
        const added = await put(ctx, `${sitePath(ctx)}/favorites/${userId(ctx, 'mia')}`, `<tsRequest><favorite label="${kind}"><${kind} id="${id}"/></favorite></tsRequest>`);
        assert.equal(added.status, 200, added.text);
      }
      return get(ctx, `${sitePath(ctx)}/favorites/${userId(ctx, 'mia')}`);
    },
  },
  { name: 'Query Workbooks for User', status: 200, request: (ctx) => get(ctx, `${sitePath(ctx)}/users/${userId(ctx, 'mia')}/workbooks?ownedBy=true`) },
  { name: 'List Server Schedules', status: 200, request: (ctx) => get(ctx, `${API}/schedules?pageSize=100`) },
  { name: 'error 400005 (favorite label)', status: 400, request: (ctx) => put(ctx, `${sitePath(ctx)}/favorites/${userId(ctx, 'liam')}`, `<tsRequest><favorite label=" "><project id="${ctx.defaultProjectId}"/></favorite></tsRequest>`) },
  { name: 'error 400013 (site role)', status: 400, request: (ctx) => post(ctx, `${sitePath(ctx)}/users`, '<tsRequest><user name="legacy" siteRole="Publisher"/></tsRequest>') },
  { name: 'error 403133 (query user)', status: 403, request: async (ctx) => get(ctx, `${sitePath(ctx)}/users/${userId(ctx, 'alice')}`, (await signInAs(ctx, 'bob')).token) },
  { name: 'error 404002 (user)', status: 404, request: (ctx) => get(ctx, `${sitePath(ctx)}/users/00000000-0000-4000-8000-000000000000`) },
  { name: 'error 404010 (not a favorite)', status: 404, request: (ctx) => ctx.http.call('DELETE', `${sitePath(ctx)}/favorites/${userId(ctx, 'bob')}/projects/${ctx.defaultProjectId}`, { token: ctx.admin.token }) },
  { name: 'error 404012 (group)', status: 404, request: (ctx) => get(ctx, `${sitePath(ctx)}/groups/00000000-0000-4000-8000-000000000000/users`) },
  { name: 'error 409000 (user name)', status: 409, request: (ctx) => post(ctx, `${sitePath(ctx)}/users`, '<tsRequest><user name="alice" siteRole="Viewer"/></tsRequest>') },
  { name: 'error 409005 (guest)', status: 409, request: (ctx) => post(ctx, `${sitePath(ctx)}/users`, '<tsRequest><user name="visitor" siteRole="Guest"/></tsRequest>') },
  { name: 'error 409009 (group name)', status: 409, request: (ctx) => post(ctx, `${sitePath(ctx)}/groups`, '<tsRequest><group name="all users"/></tsRequest>') },
  {
    name: 'error 409011 (already in group)',
    status: 409,
    request: (ctx) => post(ctx, `${sitePath(ctx)}/groups/${groupId(ctx, 'Sales Analysts')}/users`, `<tsRequest><user id="${userId(ctx, 'alice')}"/></tsRequest>`),
  },
  { name: 'error 409003 (user owns content)', status: 409, request: (ctx) => ctx.http.call('DELETE', `${sitePath(ctx)}/users/${userId(ctx, 'dave')}`, { token: ctx.admin.token }) },
  ...CONTENT_ROWS,
  {
    name: 'error 503 (injected fault)',
    status: 503,
    request: (ctx) => {
      ctx.sandbox.faults.failNext(1, { status: 503, retryAfterSeconds: 1 });
      return get(ctx, `${API}/serverinfo`, null);
    },
  },
];

describe('conformance: every sandbox response validates against ts-api_3_29.xsd', function () {
  const ctx = {} as Ctx;
  let workDir: string;

  before(async function () {
    if (!existsSync(XSD)) {
      console.log('skipped: ../shared is absent (no ts-api_3_29.xsd to validate against)');
      this.skip();
    }
    try {
      await run('xmllint', ['--version']);
    } catch {
      console.log('skipped: xmllint is not installed (Debian package libxml2-utils)');
      this.skip();
    }
    workDir = await mkdtemp(join(tmpdir(), 'sandbox-xsd-'));
    ctx.sandbox = await startSandbox({ seed: 'demo' });
    ctx.http = new SandboxHttp(ctx.sandbox.url);
    ctx.admin = await ctx.http.signInWithPassword(ctx.sandbox.credentials.username, ctx.sandbox.credentials.password);
    ctx.projectsPath = `${API}/sites/${ctx.admin.siteId}/projects`;
    const defaultProject = ctx.sandbox.state.projects.listSite(ctx.admin.siteId).find((p) => p.isDefault);
    ctx.defaultProjectId = defaultProject?.id ?? '';
  });

  after(async () => {
    await ctx.http?.close();
    await ctx.sandbox?.stop();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  async function validate(xml: string, file: string, schema: string): Promise<{ ok: boolean; output: string }> {
    const path = join(workDir, file);
    await writeFile(path, xml);
    try {
      const { stderr } = await run('xmllint', ['--noout', '--schema', schema, path]);
      return { ok: true, output: stderr };
    } catch (error) {
      return { ok: false, output: String((error as { stderr?: string }).stderr ?? error) };
    }
  }

  async function relaxedSchema(type: string, pattern: string): Promise<string> {
    const original = await readFile(XSD, 'utf8');
    const definition = new RegExp(`(<xs:simpleType name="${type}">\\s*<xs:restriction base="xs:string">\\s*<xs:pattern value=")[^"]*(")`);
    assert.match(original, definition, `the XSD still defines simpleType ${type} with a pattern`);
    const path = join(workDir, `relaxed-${type}.xsd`);
    await writeFile(path, original.replace(definition, `$1${pattern}$2`));
    return path;
  }

  async function schemaWithPaginatedList(element: string, type: string): Promise<string> {
    const original = await readFile(XSD, 'utf8');
    const group = /(<xs:group name="paginatedResponseGroup">[\s\S]*?)(\s*<\/xs:choice>\s*<\/xs:sequence>\s*<\/xs:group>)/;
    assert.match(original, group, 'the XSD still defines paginatedResponseGroup');
    const path = join(workDir, `paginated-${element}.xsd`);
    await writeFile(path, original.replace(group, `$1<xs:element name="${element}" type="${type}"/>$2`));
    return path;
  }

  for (const row of ROWS) {
    it(row.name, async () => {
      const result = await row.request(ctx);
      assert.equal(result.status, row.status, result.text);
      const file = `${row.name.replace(/[^A-Za-z0-9]+/g, '-')}.xml`;
      if (row.schemaDeviation) {
        const { type, relaxedPattern, why } = row.schemaDeviation;
        const strict = await validate(result.text, file, XSD);
        assert.ok(!strict.ok && strict.output.includes(type), `expected the published XSD to reject ${type} (${why}); it now says: ${strict.output}`);
        const relaxed = await validate(result.text, file, await relaxedSchema(type, relaxedPattern));
        assert.ok(relaxed.ok, relaxed.output);
      } else if (row.paginatedListDeviation) {
        const { element, type, why } = row.paginatedListDeviation;
        const strict = await validate(result.text, file, XSD);
        assert.ok(!strict.ok && strict.output.includes(`{http://tableau.com/api}${element}': This element is not expected`), `expected the published XSD to refuse a paged <${element}> (${why}); it now says: ${strict.output}`);
        const relaxed = await validate(result.text, file, await schemaWithPaginatedList(element, type));
        assert.ok(relaxed.ok, relaxed.output);
      } else {
        const outcome = await validate(result.text, file, XSD);
        assert.ok(outcome.ok, `${outcome.output}\n${result.text}`);
      }
    });
  }
});
