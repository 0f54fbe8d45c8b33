import assert from 'node:assert/strict';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidArgumentError, NetworkError, RequestAbortedError, Server, TableauAuth, WorkbookItem, type DownloadProgress } from '../../src/client';
import { startContentSandbox, type ContentSandbox } from '../support/content-sandbox';
import { sha256File, workbookXml, writeTwbx } from '../support/documents';

const mib = 1024 * 1024;
const spec = { worksheets: ['Sheet 1'], connections: [{ class: 'postgres', server: 'pg.example.com', port: '5432', username: 'u' }] };

describe('client: downloading', function () {
  this.timeout(60_000);
  let env: ContentSandbox;
  let packaged: WorkbookItem;
  let packagedPath: string;
  let plain: WorkbookItem;

  before(async function () {
    env = await startContentSandbox();
    packagedPath = join(env.dir, 'source', 'Regional Sales.twbx');
    await mkdir(join(env.dir, 'source'));
    await writeTwbx(packagedPath, spec, [{ name: 'Data/extract.hyper', content: { fillerBytes: 16 * mib } }]);
    packaged = await env.server.workbooks.publish(new WorkbookItem(env.projectId, 'Regional Sales'), packagedPath, 'CreateNew');
    const twb = join(env.dir, 'source', 'Plain.twb');
    await writeFile(twb, workbookXml(spec));
    plain = await env.server.workbooks.publish(new WorkbookItem(env.projectId, 'Plain Workbook'), twb, 'CreateNew');
  });

  after(async function () {
    await env?.close();
  });

  afterEach(function () {
    env.sandbox.faults.clear();
  });

  async function freshFolder(name: string): Promise<string> {
    const folder = join(env.dir, name);
    await mkdir(folder);
    return folder;
  }

  it('into a folder, under the name the server gives, reporting progress', async function () {
    const folder = await freshFolder('into-folder');
    const progress: DownloadProgress[] = [];
    const written = await env.server.workbooks.download(packaged.id!, folder, false, { onProgress: (p) => progress.push(p) });
    assert.equal(written, join(folder, 'Regional Sales.twbx'));
    assert.equal(await sha256File(written), await sha256File(packagedPath));
    const last = progress.at(-1)!;
    assert.equal(last.bytesReceived, last.totalBytes);
    assert.ok(progress.length > 2);
    assert.deepEqual(await readdir(folder), ['Regional Sales.twbx'], 'no temporary file is left behind');
  });

  it('a plain workbook gets .twb', async function () {
    const folder = await freshFolder('plain');
    const written = await env.server.workbooks.download(plain.id!, folder);
    assert.equal(written, join(folder, 'Plain Workbook.twb'));
  });

  it('to an explicit file path, as given, without doubling the extension', async function () {
    const folder = await freshFolder('explicit');
    const target = join(folder, 'my copy.twbx');
    assert.equal(await env.server.workbooks.download(packaged.id!, target), target);
    const bare = join(folder, 'bare');
    assert.equal(await env.server.workbooks.download(packaged.id!, bare), `${bare}.twbx`, 'a path without extension gets the file type');
    assert.deepEqual((await readdir(folder)).sort(), ['bare.twbx', 'my copy.twbx']);
  });

  it('into the current directory when no path is given', async function () {
    const folder = await freshFolder('cwd');
    const previous = process.cwd();
    process.chdir(folder);
    try {
      const written = await env.server.workbooks.download(plain.id!);
      assert.equal(written, join(folder, 'Plain Workbook.twb'));
    } finally {
      process.chdir(previous);
    }
  });

  it('refuses a destination folder that does not exist, before downloading', async function () {
    env.sandbox.faults.resetCount();
    await assert.rejects(env.server.workbooks.download(packaged.id!, join(env.dir, 'no-such-folder', 'x.twbx')), InvalidArgumentError);
    assert.equal(env.sandbox.faults.requestCount, 0);
  });

  it('cancelled midway: no file is left and an existing file keeps its contents', async function () {
    const folder = await freshFolder('cancelled');
    const existing = join(folder, 'Regional Sales.twbx');
    await writeFile(existing, 'precious earlier download');
    const controller = new AbortController();
    await assert.rejects(
      env.server.workbooks.download(packaged.id!, folder, false, {
        signal: controller.signal,
        onProgress: ({ bytesReceived }) => {
          if (bytesReceived > 0) controller.abort();
        },
      }),
      RequestAbortedError,
    );
    assert.deepEqual(await readdir(folder), ['Regional Sales.twbx']);
    assert.equal(await readFile(existing, 'utf8'), 'precious earlier download');
  });

  it('cut off (the connection keeps dropping): no file is left and an existing file keeps its contents', async function () {
    const folder = await freshFolder('cut');
    const existing = join(folder, 'Regional Sales.twbx');
    await writeFile(existing, 'precious earlier download');
    const server = new Server(env.sandbox.url, { retry: { maxRetries: 1, baseDelayMs: 10 } });
    try {
      const { username, password, siteContentUrl } = env.sandbox.credentials;
      await server.auth.signIn(new TableauAuth(username, password, siteContentUrl));
      env.sandbox.faults.dropNext(2, { method: 'GET', path: /\/content/ });
      await assert.rejects(server.workbooks.download(packaged.id!, folder), (error: unknown) => error instanceof NetworkError && error.kind === 'reset');
    } finally {
      await server.auth.signOut();
      await server.close();
    }
    assert.deepEqual(await readdir(folder), ['Regional Sales.twbx']);
    assert.equal(await readFile(existing, 'utf8'), 'precious earlier download');
  });

  it('a dropped connection is retried and the download completes', async function () {
    const folder = await freshFolder('retried');
    env.sandbox.faults.dropNext(1, { method: 'GET', path: /\/content/ });
    const written = await env.server.workbooks.download(packaged.id!, folder);
    assert.equal(await sha256File(written), await sha256File(packagedPath));
  });

  it('replaces an existing file with the complete download', async function () {
    const folder = await freshFolder('replace');
    const existing = join(folder, 'Regional Sales.twbx');
    await writeFile(existing, 'stale');
    const written = await env.server.workbooks.download(packaged.id!, folder);
    assert.equal(written, existing);
    assert.equal(await sha256File(written), await sha256File(packagedPath));
  });
});
