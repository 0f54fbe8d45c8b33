import assert from 'node:assert/strict';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DatasourceItem, RequestAbortedError, Filter, RequestOptions, WorkbookItem, type UploadProgress } from '../../src/client';
import { startContentSandbox, type ContentSandbox } from '../support/content-sandbox';
import { datasourceXml, sha256File, writeTwbx, writeZip } from '../support/documents';

const kib = 1024;
const mib = 1024 * kib;
/** Forces an upload session for small files, so that chunking is exercised without generating 64 MB. */
const chunked = { singleRequestLimitBytes: 256 * kib, chunkSizeBytes: 256 * kib };
const spec = { worksheets: ['Sheet 1'], connections: [{ class: 'postgres', server: 'pg.example.com', port: '5432', username: 'u' }] };

describe('client: publishing large files', function () {
  this.timeout(120_000);
  let env: ContentSandbox;
  let mediumPath: string;

  before(async function () {
    env = await startContentSandbox();
    mediumPath = join(env.dir, 'Medium.twbx');
    await writeTwbx(mediumPath, spec, [{ name: 'Data/extract.hyper', content: { fillerBytes: 3 * mib } }]);
  });

  after(async function () {
    await env?.close();
  });

  afterEach(function () {
    env.sandbox.faults.clear();
  });

  async function roundTrip(workbookId: string, original: string): Promise<void> {
    const copy = await env.server.workbooks.download(workbookId, join(env.dir, `copy-${workbookId}.twbx`));
    assert.equal(await sha256File(copy), await sha256File(original), 'the downloaded file is the published file, byte for byte');
  }

  function fileUploadRequests() {
    return env.sandbox.faults.recentRequests.filter((request) => /\/fileUploads/.test(request.path));
  }

  it('uploads in blocks through an upload session, reporting progress up to the full size', async function () {
    const progress: UploadProgress[] = [];
    env.sandbox.faults.resetCount();
    const size = (await stat(mediumPath)).size;
    const published = await env.server.workbooks.publish(new WorkbookItem(env.projectId, 'Chunked'), mediumPath, 'CreateNew', undefined, {
      ...chunked,
      onProgress: (p) => progress.push(p),
    });
    const uploads = fileUploadRequests();
    assert.equal(uploads.filter((request) => request.method === 'POST').length, 1, 'one upload session');
    assert.equal(uploads.filter((request) => request.method === 'PUT').length, Math.ceil(size / chunked.chunkSizeBytes));
    const commit = env.sandbox.faults.recentRequests.find((request) => request.method === 'POST' && /\/workbooks\?/.test(request.path));
    assert.match(commit?.path ?? '', /uploadSessionId=/);
    assert.match(commit?.path ?? '', /workbookType=twbx/);

    assert.ok(progress.length > 3);
    assert.deepEqual(progress.at(-1), { bytesSent: size, totalBytes: size });
    for (let i = 1; i < progress.length; i++) assert.ok(progress[i].bytesSent > progress[i - 1].bytesSent, 'progress only moves forward');
    await roundTrip(published.id!, mediumPath);
  });

  it('sends a small file in one request', async function () {
    env.sandbox.faults.resetCount();
    const published = await env.server.workbooks.publish(new WorkbookItem(env.projectId, 'Single'), mediumPath, 'CreateNew');
    assert.equal(fileUploadRequests().length, 0);
    await roundTrip(published.id!, mediumPath);
  });

  it('retries a block whose connection is dropped, then publishes the whole file', async function () {
    env.sandbox.faults.dropNext(1, { method: 'PUT', path: /fileUploads\// });
    env.sandbox.faults.resetCount();
    const published = await env.server.workbooks.publish(new WorkbookItem(env.projectId, 'Dropped Block'), mediumPath, 'CreateNew', undefined, chunked);
    const size = (await stat(mediumPath)).size;
    assert.equal(fileUploadRequests().filter((request) => request.method === 'PUT').length, Math.ceil(size / chunked.chunkSizeBytes) + 1, 'one block was sent twice');
    await roundTrip(published.id!, mediumPath);
  });

  it('retries a block answered 503 or 429 with Retry-After', async function () {
    env.sandbox.faults.failNext(1, { status: 503, retryAfterSeconds: 0, method: 'PUT', path: /fileUploads\// });
    env.sandbox.faults.failNext(1, { status: 429, retryAfterSeconds: 0, method: 'PUT', path: /fileUploads\// });
    const published = await env.server.workbooks.publish(new WorkbookItem(env.projectId, 'Throttled Block'), mediumPath, 'CreateNew', undefined, chunked);
    assert.equal(env.sandbox.faults.pending.length, 0, 'both faults were met');
    await roundTrip(published.id!, mediumPath);
  });

  it('stops a chunked upload when cancelled, and publishes nothing', async function () {
    const controller = new AbortController();
    env.sandbox.faults.resetCount();
    await assert.rejects(
      env.server.workbooks.publish(new WorkbookItem(env.projectId, 'Cancelled Chunked'), mediumPath, 'CreateNew', undefined, {
        ...chunked,
        signal: controller.signal,
        onProgress: ({ bytesSent }) => {
          if (bytesSent >= 1 * mib) controller.abort();
        },
      }),
      RequestAbortedError,
    );
    const size = (await stat(mediumPath)).size;
    const puts = fileUploadRequests().filter((request) => request.method === 'PUT').length;
    assert.ok(puts < Math.ceil(size / chunked.chunkSizeBytes), 'the remaining blocks were not sent');
    assert.ok(!env.sandbox.faults.recentRequests.some((request) => request.method === 'POST' && /\/workbooks\?/.test(request.path)), 'the publish request was never sent');
    await assertNotPublished('Cancelled Chunked');
  });

  it('stops a single-request upload when cancelled, and publishes nothing', async function () {
    const bigger = join(env.dir, 'Bigger.twbx');
    await writeTwbx(bigger, spec, [{ name: 'Data/extract.hyper', content: { fillerBytes: 24 * mib } }]);
    const controller = new AbortController();
    await assert.rejects(
      env.server.workbooks.publish(new WorkbookItem(env.projectId, 'Cancelled Single'), bigger, 'CreateNew', undefined, {
        signal: controller.signal,
        onProgress: ({ bytesSent }) => {
          if (bytesSent >= 2 * mib) controller.abort();
        },
      }),
      RequestAbortedError,
    );
    await assertNotPublished('Cancelled Single');
  });

  it('refuses to start when the signal is already aborted', async function () {
    const tds = join(env.dir, 'Never.tdsx');
    await writeZip(tds, [{ name: 'Never.tds', content: datasourceXml({ class: 'mysql', server: 'm' }) }]);
    env.sandbox.faults.resetCount();
    await assert.rejects(env.server.datasources.publish(new DatasourceItem(env.projectId), tds, 'CreateNew', undefined, { signal: AbortSignal.abort() }), RequestAbortedError);
    assert.equal(env.sandbox.faults.requestCount, 0);
  });

  it('publishes a data source through an upload session with datasourceType', async function () {
    const tdsx = join(env.dir, 'Chunked Source.tdsx');
    await writeZip(tdsx, [
      { name: 'Chunked Source.tds', content: datasourceXml({ class: 'mysql', server: 'mysql.example.com', port: '3306', username: 'reader' }) },
      { name: 'Data/Extracts/chunked.hyper', content: { fillerBytes: 1 * mib } },
    ]);
    env.sandbox.faults.resetCount();
    const published = await env.server.datasources.publish(new DatasourceItem(env.projectId), tdsx, 'CreateNew', undefined, chunked);
    assert.equal(published.name, 'Chunked Source');
    const commit = env.sandbox.faults.recentRequests.find((request) => request.method === 'POST' && /\/datasources\?/.test(request.path));
    assert.match(commit?.path ?? '', /uploadSessionId=/);
    assert.match(commit?.path ?? '', /datasourceType=tdsx/);
    const copy = await env.server.datasources.download(published.id!, join(env.dir, 'chunked-copy.tdsx'));
    assert.equal(await sha256File(copy), await sha256File(tdsx));
  });

  it('round-trips a file larger than 64 MB, chunked with the default sizes, byte for byte', async function () {
    this.timeout(300_000);
    const large = join(env.dir, 'Large.twbx');
    await writeTwbx(large, spec, [{ name: 'Data/extract.hyper', content: { fillerBytes: 66 * mib } }]);
    const size = (await stat(large)).size;
    assert.ok(size > 64 * mib);
    env.sandbox.faults.resetCount();
    let last: UploadProgress | undefined;
    const published = await env.server.workbooks.publish(new WorkbookItem(env.projectId, 'Large'), large, 'CreateNew', undefined, { onProgress: (p) => (last = p) });
    assert.equal(fileUploadRequests().filter((request) => request.method === 'PUT').length, 2, 'two blocks of at most 50 MiB');
    assert.deepEqual(last, { bytesSent: size, totalBytes: size });
    await roundTrip(published.id!, large);
  });

  async function assertNotPublished(name: string): Promise<void> {
    const options = new RequestOptions();
    options.filter.add(new Filter(RequestOptions.Field.Name, RequestOptions.Operator.Equals, name));
    const [found] = await env.server.workbooks.get(options);
    assert.equal(found.length, 0, `${name} must not exist on the server`);
  }
});
