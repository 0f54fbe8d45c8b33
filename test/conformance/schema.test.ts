import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { startSandbox, type Sandbox } from '../../src/sandbox';
import { API, SandboxHttp, type HttpResult, type SignedIn } from '../support/sandbox-http';

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
}

// `null` means "send no X-Tableau-Auth header"; omitted means "as the signed-in administrator".
const post = (ctx: Ctx, path: string, body: string, token: string | null = ctx.admin.token) =>
  ctx.http.call('POST', path, { token: token ?? undefined, body });
const put = (ctx: Ctx, path: string, body: string) => ctx.http.call('PUT', path, { token: ctx.admin.token, body });
const get = (ctx: Ctx, path: string, token: string | null = ctx.admin.token) => ctx.http.call('GET', path, { token: token ?? undefined });
const credentialsBody = (ctx: Ctx, site = '') =>
  `<tsRequest><credentials name="${ctx.sandbox.credentials.username}" password="${ctx.sandbox.credentials.password}"><site contentUrl="${site}"/></credentials></tsRequest>`;

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
      } else {
        const outcome = await validate(result.text, file, XSD);
        assert.ok(outcome.ok, `${outcome.output}\n${result.text}`);
      }
    });
  }
});
