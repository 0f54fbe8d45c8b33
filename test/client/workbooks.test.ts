import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ConnectionCredentials,
  Filter,
  InvalidArgumentError,
  MissingRequiredFieldError,
  ProjectItem,
  RequestOptions,
  Server,
  ServerResponseError,
  UnpopulatedPropertyError,
  WorkbookItem,
} from '../../src/client';
import { isNameConflict, startContentSandbox, type ContentSandbox } from '../support/content-sandbox';
import { workbookXml, writeTwbx, type WorkbookSpec } from '../support/documents';

const unknownId = '00000000-0000-4000-8000-000000000000';
const salesSpec: WorkbookSpec = {
  worksheets: ['Revenue', 'Margin by Region'],
  dashboards: ['Overview'],
  connections: [{ class: 'postgres', server: 'db.example.com', port: '5432', username: 'analyst', dbname: 'sales' }],
};
const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('client: workbooks', function () {
  let env: ContentSandbox;
  let twbPath: string;
  let twbxPath: string;

  before(async function () {
    env = await startContentSandbox();
    twbPath = join(env.dir, 'Sales.twb');
    await writeFile(twbPath, workbookXml(salesSpec));
    twbxPath = join(env.dir, 'Packaged Sales.twbx');
    await writeTwbx(twbxPath, salesSpec, [{ name: 'Data/extract.hyper', content: { fillerBytes: 200_000 } }]);
  });

  after(async function () {
    await env?.close();
  });

  it('publishes a .twb with the file name as default name, and getById reads it back with its views', async function () {
    const published = await env.server.workbooks.publish(new WorkbookItem(env.projectId), twbPath, Server.PublishMode.CreateNew);
    assert.ok(published.id);
    assert.equal(published.name, 'Sales');
    assert.equal(published.projectId, env.projectId);

    const fetched = await env.server.workbooks.getById(published.id);
    assert.equal(fetched.name, 'Sales');
    assert.equal(fetched.projectId, env.projectId);
    assert.ok(fetched.projectName);
    assert.equal(fetched.ownerId, env.server.userId);
    assert.ok(fetched.createdAt instanceof Date);
    assert.ok(fetched.contentUrl);
    assert.deepEqual(fetched.views.map((view) => view.name).sort(), ['Margin by Region', 'Overview', 'Revenue']);
  });

  it('publishes a packaged .twbx under the given name with showTabs and credentials', async function () {
    const item = new WorkbookItem(env.projectId, 'Quarterly Sales', true);
    const published = await env.server.workbooks.publish(item, twbxPath, 'CreateNew', new ConnectionCredentials('analyst', 's3cret', true));
    assert.equal(published.name, 'Quarterly Sales');
    assert.equal(published.showTabs, true);
    const [found] = await env.server.workbooks.get(nameFilter('Quarterly Sales'));
    assert.equal(found.length, 1);
    assert.equal(found[0].id, published.id);
  });

  it('lists workbooks as [items, pagination] with paging', async function () {
    for (const name of ['Paged A', 'Paged B', 'Paged C']) {
      await env.server.workbooks.publish(new WorkbookItem(env.projectId, name), twbPath, 'CreateNew');
    }
    const [all, pagination] = await env.server.workbooks.get();
    assert.ok(pagination.totalAvailable >= 3);
    assert.equal(all.length, pagination.totalAvailable);
    const [page, second] = await env.server.workbooks.get(new RequestOptions(2, 2));
    assert.equal(second.pageNumber, 2);
    assert.equal(second.pageSize, 2);
    assert.ok(page.length <= 2 && page.length > 0);
    assert.throws(() => all[0].connections, UnpopulatedPropertyError);
  });

  it('refuses a name that exists with CreateNew (403007) and replaces it with Overwrite', async function () {
    const first = await env.server.workbooks.publish(new WorkbookItem(env.projectId, 'Conflict'), twbPath, 'CreateNew');
    await assert.rejects(
      env.server.workbooks.publish(new WorkbookItem(env.projectId, 'Conflict'), twbPath, 'CreateNew'),
      isNameConflict,
    );
    const overwritten = await env.server.workbooks.publish(new WorkbookItem(env.projectId, 'Conflict'), twbxPath, Server.PublishMode.Overwrite);
    assert.equal(overwritten.id, first.id);
    const [matches] = await env.server.workbooks.get(nameFilter('Conflict'));
    assert.equal(matches.length, 1);
  });

  describe('validation before anything is sent', function () {
    async function assertRefusedLocally(promise: Promise<unknown>, errorClass: Function, message: string): Promise<void> {
      const before = env.sandbox.faults.requestCount;
      await assert.rejects(promise, (error: unknown) => error instanceof errorClass && (error as Error).message === message);
      assert.equal(env.sandbox.faults.requestCount, before, 'no request may reach the server');
    }

    it('a missing file', async function () {
      await assertRefusedLocally(
        env.server.workbooks.publish(new WorkbookItem(env.projectId), join(env.dir, 'nope.twbx'), 'CreateNew'),
        InvalidArgumentError,
        'File path does not lead to an existing file.',
      );
    });

    it('a folder instead of a file', async function () {
      await assertRefusedLocally(env.server.workbooks.publish(new WorkbookItem(env.projectId), env.dir, 'CreateNew'), InvalidArgumentError, 'File path does not lead to an existing file.');
    });

    it('an unknown mode', async function () {
      await assertRefusedLocally(env.server.workbooks.publish(new WorkbookItem(env.projectId), twbPath, 'Replace'), InvalidArgumentError, 'Invalid mode defined.');
    });

    it('a file type that is not a workbook', async function () {
      const tds = join(env.dir, 'source.tds');
      await writeFile(tds, '<datasource />');
      await assertRefusedLocally(
        env.server.workbooks.publish(new WorkbookItem(env.projectId), tds, 'CreateNew'),
        InvalidArgumentError,
        'Only .twb or twbx files can be published as workbooks.',
      );
    });

    it('appending to a workbook', async function () {
      await assertRefusedLocally(env.server.workbooks.publish(new WorkbookItem(env.projectId), twbPath, Server.PublishMode.Append), InvalidArgumentError, 'Workbooks cannot be appended.');
    });

    it('missing ids, with TSC messages', async function () {
      const unsaved = new WorkbookItem(env.projectId, 'Unsaved');
      await assertRefusedLocally(env.server.workbooks.getById(''), MissingRequiredFieldError, 'Workbook ID undefined.');
      await assertRefusedLocally(env.server.workbooks.delete(''), MissingRequiredFieldError, 'Workbook ID undefined.');
      await assertRefusedLocally(env.server.workbooks.download(''), MissingRequiredFieldError, 'Workbook ID undefined.');
      const itemMessage = 'Workbook item missing ID. Workbook must be retrieved from server first.';
      await assertRefusedLocally(env.server.workbooks.update(unsaved), MissingRequiredFieldError, itemMessage);
      await assertRefusedLocally(env.server.workbooks.populateViews(unsaved), MissingRequiredFieldError, itemMessage);
      await assertRefusedLocally(env.server.workbooks.populateConnections(unsaved), MissingRequiredFieldError, itemMessage);
      await assertRefusedLocally(env.server.workbooks.populatePreviewImage(unsaved), MissingRequiredFieldError, itemMessage);
    });
  });

  it('answers unknown ids with a 404 ServerResponseError', async function () {
    const is404 = (error: unknown) => error instanceof ServerResponseError && error.status === 404 && error.code.startsWith('404');
    const ghost = Object.assign(new WorkbookItem(env.projectId, 'Ghost'), { id: unknownId });
    await assert.rejects(env.server.workbooks.getById(unknownId), is404);
    await assert.rejects(env.server.workbooks.delete(unknownId), is404);
    await assert.rejects(env.server.workbooks.update(ghost), is404);
    await assert.rejects(env.server.workbooks.populateViews(ghost), is404);
    await assert.rejects(env.server.workbooks.populateConnections(ghost), is404);
    await assert.rejects(env.server.workbooks.populatePreviewImage(ghost), is404);
    await assert.rejects(env.server.workbooks.download(unknownId, env.dir), is404);
    await assert.rejects(env.server.workbooks.publish(new WorkbookItem(unknownId, 'Orphan'), twbPath, 'CreateNew'), is404);
  });

  it('updates name, showTabs, project and owner', async function () {
    const published = await env.server.workbooks.publish(new WorkbookItem(env.projectId, 'Before Update'), twbPath, 'CreateNew');
    const otherProject = await env.server.projects.create(new ProjectItem(`Archive ${Date.now()}`));
    const site = env.sandbox.state.findSiteByContentUrl(env.sandbox.credentials.siteContentUrl)!;
    const analyst = env.sandbox.state.addUser({ name: `analyst-${Date.now()}` });
    env.sandbox.state.setMembership(site.id, analyst.id, 'Creator');

    published.name = 'After Update';
    published.showTabs = true;
    published.projectId = otherProject.id!;
    published.ownerId = analyst.id;
    const updated = await env.server.workbooks.update(published);
    assert.equal(updated.name, 'After Update');
    assert.equal(updated.showTabs, true);
    assert.equal(updated.projectId, otherProject.id);
    assert.equal(updated.ownerId, analyst.id);

    const fetched = await env.server.workbooks.getById(published.id!);
    assert.equal(fetched.name, 'After Update');
    assert.equal(fetched.projectId, otherProject.id);
    assert.equal(fetched.ownerId, analyst.id);
  });

  it('deletes a workbook', async function () {
    const published = await env.server.workbooks.publish(new WorkbookItem(env.projectId, 'Doomed'), twbPath, 'CreateNew');
    await env.server.workbooks.delete(published.id!);
    await assert.rejects(env.server.workbooks.getById(published.id!), (error: unknown) => error instanceof ServerResponseError && error.status === 404);
  });

  it('populates views, connections and the preview image, each failing loudly before', async function () {
    const published = await env.server.workbooks.publish(new WorkbookItem(env.projectId, 'Populated'), twbxPath, 'CreateNew');
    const [[listed]] = await env.server.workbooks.get(nameFilter('Populated'));
    assert.throws(() => listed.views, (error: unknown) => error instanceof UnpopulatedPropertyError && /populateViews/.test((error as Error).message));
    assert.throws(() => listed.connections, /populateConnections/);
    assert.throws(() => listed.previewImage, /populatePreviewImage/);

    await env.server.workbooks.populateViews(listed);
    assert.deepEqual(listed.views.map((view) => view.name).sort(), ['Margin by Region', 'Overview', 'Revenue']);
    for (const view of listed.views) {
      assert.ok(view.id);
      assert.equal(view.workbookId, published.id);
      assert.ok(view.contentUrl);
    }

    await env.server.workbooks.populateConnections(listed);
    assert.equal(listed.connections.length, 1);
    const [connection] = listed.connections;
    assert.ok(connection.id);
    assert.equal(connection.connectionType, 'postgres');
    assert.equal(connection.serverAddress, 'db.example.com');
    assert.equal(connection.serverPort, '5432');
    assert.equal(connection.username, 'analyst');

    await env.server.workbooks.populatePreviewImage(listed);
    assert.ok(listed.previewImage.subarray(0, 8).equals(pngSignature), 'the preview image is a PNG');
  });

  it('updates a connection and returns it as updated', async function () {
    const published = await env.server.workbooks.publish(new WorkbookItem(env.projectId, 'Reconnected'), twbPath, 'CreateNew');
    await env.server.workbooks.populateConnections(published);
    const connection = published.connections[0];
    connection.serverAddress = 'replica.example.com';
    connection.serverPort = '6543';
    connection.username = 'reporter';
    connection.password = 'n3w-secret';
    connection.embedPassword = true;
    const updated = await env.server.workbooks.updateConnection(published, connection);
    assert.equal(updated.id, connection.id);
    assert.equal(updated.serverAddress, 'replica.example.com');
    assert.equal(updated.serverPort, '6543');
    assert.equal(updated.username, 'reporter');
    assert.equal(updated.embedPassword, true);

    const again = await env.server.workbooks.getById(published.id!);
    await env.server.workbooks.populateConnections(again);
    assert.equal(again.connections[0].serverAddress, 'replica.example.com');
  });

  it('downloads what was published, byte for byte', async function () {
    const published = await env.server.workbooks.publish(new WorkbookItem(env.projectId, 'Round Trip'), twbxPath, 'CreateNew');
    const target = join(env.dir, 'round-trip-copy.twbx');
    const written = await env.server.workbooks.download(published.id!, target);
    assert.equal(written, target);
    assert.ok((await readFile(written)).equals(await readFile(twbxPath)));
  });
});

function nameFilter(name: string): RequestOptions {
  const options = new RequestOptions();
  options.filter.add(new Filter(RequestOptions.Field.Name, RequestOptions.Operator.Equals, name));
  return options;
}

