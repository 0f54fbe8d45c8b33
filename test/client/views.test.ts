import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  Filter,
  ImageRequestOptions,
  MissingRequiredFieldError,
  RequestOptions,
  ServerResponseError,
  UnpopulatedPropertyError,
  ViewItem,
  WorkbookItem,
} from '../../src/client';
import { startContentSandbox, type ContentSandbox } from '../support/content-sandbox';
import { workbookXml } from '../support/documents';

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('client: views', function () {
  let env: ContentSandbox;
  let workbook: WorkbookItem;

  before(async function () {
    env = await startContentSandbox();
    const path = join(env.dir, 'Operations.twb');
    await writeFile(path, workbookXml({ worksheets: ['Backlog', 'Throughput'], dashboards: ['Ops Dashboard'], connections: [{ class: 'mysql', server: 'ops-db', port: '3306', username: 'ops' }] }));
    workbook = await env.server.workbooks.publish(new WorkbookItem(env.projectId), path, 'CreateNew');
  });

  after(async function () {
    await env?.close();
  });

  it('lists the views of the site as [items, pagination], each tied to its workbook', async function () {
    const [views, pagination] = await env.server.views.get();
    const ours = views.filter((view) => view.workbookId === workbook.id);
    assert.deepEqual(ours.map((view) => view.name).sort(), ['Backlog', 'Ops Dashboard', 'Throughput']);
    assert.ok(pagination.totalAvailable >= 3);
    for (const view of ours) {
      assert.ok(view.id);
      assert.ok(view.contentUrl);
      assert.equal(view.ownerId, env.server.userId);
      assert.equal(view.projectId, env.projectId);
    }
  });

  it('filters and pages views', async function () {
    const options = new RequestOptions(1, 1);
    options.filter.add(new Filter(RequestOptions.Field.Name, RequestOptions.Operator.Equals, 'Backlog'));
    const [views, pagination] = await env.server.views.get(options);
    assert.equal(views.length, 1);
    assert.equal(views[0].name, 'Backlog');
    assert.equal(pagination.totalAvailable, 1);
  });

  it('reports usage when asked', async function () {
    const [views] = await env.server.views.get(undefined, true);
    const backlog = views.find((view) => view.name === 'Backlog');
    assert.equal(typeof backlog?.totalViews, 'number');
  });

  it('gets one view by id', async function () {
    const [views] = await env.server.views.get();
    const wanted = views.find((view) => view.name === 'Throughput')!;
    const view = await env.server.views.getById(wanted.id!);
    assert.equal(view.id, wanted.id);
    assert.equal(view.name, 'Throughput');
    assert.equal(view.workbookId, workbook.id);
    assert.equal(view.contentUrl, wanted.contentUrl);
  });

  it('populates the preview image and the image as PNGs, failing loudly before', async function () {
    const [views] = await env.server.views.get();
    const view = views.find((candidate) => candidate.name === 'Ops Dashboard')!;
    assert.throws(() => view.previewImage, (error: unknown) => error instanceof UnpopulatedPropertyError && /populatePreviewImage/.test((error as Error).message));
    assert.throws(() => view.image, /populateImage/);
    await env.server.views.populatePreviewImage(view);
    assert.ok(view.previewImage.subarray(0, 8).equals(pngSignature));
    await env.server.views.populateImage(view, new ImageRequestOptions(ImageRequestOptions.Resolution.High));
    assert.ok(view.image.subarray(0, 8).equals(pngSignature));
  });

  it('needs ids before asking the server (TSC messages), and answers unknown ids with 404', async function () {
    const before = env.sandbox.faults.requestCount;
    const orphan = new ViewItem();
    orphan.id = 'abc';
    await assert.rejects(env.server.views.populatePreviewImage(orphan), (error: unknown) => error instanceof MissingRequiredFieldError && error.message === 'View item missing ID or workbook ID');
    await assert.rejects(env.server.views.populateImage(new ViewItem()), (error: unknown) => error instanceof MissingRequiredFieldError && error.message === 'View item missing ID.');
    await assert.rejects(env.server.views.getById(''), MissingRequiredFieldError);
    assert.equal(env.sandbox.faults.requestCount, before);

    const is404 = (error: unknown) => error instanceof ServerResponseError && error.status === 404;
    const ghost = new ViewItem();
    ghost.id = '00000000-0000-4000-8000-000000000000';
    ghost.workbookId = workbook.id;
    await assert.rejects(env.server.views.getById(ghost.id), is404);
    await assert.rejects(env.server.views.populatePreviewImage(ghost), is404);
    await assert.rejects(env.server.views.populateImage(ghost), is404);
  });
});
