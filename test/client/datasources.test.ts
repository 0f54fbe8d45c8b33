import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ConnectionCredentials,
  DatasourceItem,
  Filter,
  InvalidArgumentError,
  MissingRequiredFieldError,
  ProjectItem,
  RequestOptions,
  Server,
  ServerResponseError,
  UnpopulatedPropertyError,
} from '../../src/client';
import { isNameConflict, startContentSandbox, type ContentSandbox } from '../support/content-sandbox';
import { datasourceXml, writeZip, type ConnectionSpec } from '../support/documents';

const unknownId = '00000000-0000-4000-8000-000000000000';
const warehouse: ConnectionSpec = { class: 'sqlserver', server: 'warehouse.example.com', port: '1433', username: 'etl', dbname: 'dw' };

describe('client: data sources', function () {
  let env: ContentSandbox;
  let tdsPath: string;
  let tdsxPath: string;

  before(async function () {
    env = await startContentSandbox();
    tdsPath = join(env.dir, 'Warehouse.tds');
    await writeFile(tdsPath, datasourceXml(warehouse));
    tdsxPath = join(env.dir, 'Packaged Warehouse.tdsx');
    await writeZip(tdsxPath, [
      { name: 'Warehouse.tds', content: datasourceXml(warehouse) },
      { name: 'Data/Extracts/warehouse.hyper', content: { fillerBytes: 100_000 } },
    ]);
  });

  after(async function () {
    await env?.close();
  });

  it('publishes a .tds under the file name and reads it back', async function () {
    const published = await env.server.datasources.publish(new DatasourceItem(env.projectId), tdsPath, Server.PublishMode.CreateNew);
    assert.ok(published.id);
    assert.equal(published.name, 'Warehouse');
    const fetched = await env.server.datasources.getById(published.id);
    assert.equal(fetched.name, 'Warehouse');
    assert.equal(fetched.projectId, env.projectId);
    assert.ok(fetched.projectName);
    assert.equal(fetched.ownerId, env.server.userId);
    assert.equal(fetched.datasourceType, 'sqlserver');
    assert.ok(fetched.contentUrl);
    assert.ok(fetched.createdAt instanceof Date);
    assert.throws(() => fetched.connections, (error: unknown) => error instanceof UnpopulatedPropertyError && /populateConnections/.test((error as Error).message));
  });

  it('publishes a packaged .tdsx with credentials, lists it, and refuses a duplicate name (403007)', async function () {
    const item = new DatasourceItem(env.projectId, 'Packaged Warehouse');
    const published = await env.server.datasources.publish(item, tdsxPath, 'CreateNew', new ConnectionCredentials('etl', 'pa55', false));
    assert.equal(published.name, 'Packaged Warehouse');
    const [found, pagination] = await env.server.datasources.get(nameFilter('Packaged Warehouse'));
    assert.equal(found.length, 1);
    assert.equal(pagination.totalAvailable, 1);
    assert.equal(found[0].id, published.id);
    await assert.rejects(
      env.server.datasources.publish(new DatasourceItem(env.projectId, 'Packaged Warehouse'), tdsxPath, 'CreateNew'),
      isNameConflict,
    );
    const overwritten = await env.server.datasources.publish(new DatasourceItem(env.projectId, 'Packaged Warehouse'), tdsPath, 'Overwrite');
    assert.equal(overwritten.id, published.id);
  });

  describe('validation before anything is sent', function () {
    async function assertRefusedLocally(promise: Promise<unknown>, errorClass: Function, message: string): Promise<void> {
      const before = env.sandbox.faults.requestCount;
      await assert.rejects(promise, (error: unknown) => error instanceof errorClass && (error as Error).message === message);
      assert.equal(env.sandbox.faults.requestCount, before, 'no request may reach the server');
    }

    it('a missing file, an unknown mode, a file type that is not a data source', async function () {
      await assertRefusedLocally(
        env.server.datasources.publish(new DatasourceItem(env.projectId), join(env.dir, 'missing.tdsx'), 'CreateNew'),
        InvalidArgumentError,
        'File path does not lead to an existing file.',
      );
      await assertRefusedLocally(env.server.datasources.publish(new DatasourceItem(env.projectId), tdsPath, 'Upsert'), InvalidArgumentError, 'Invalid mode defined.');
      const csv = join(env.dir, 'data.csv');
      await writeFile(csv, 'a,b\n1,2\n');
      await assertRefusedLocally(
        env.server.datasources.publish(new DatasourceItem(env.projectId), csv, 'CreateNew'),
        InvalidArgumentError,
        'Only .tds, tdsx, .tde or .hyper files can be published as datasources.',
      );
    });

    it('missing ids, with TSC messages', async function () {
      const unsaved = new DatasourceItem(env.projectId, 'Unsaved');
      await assertRefusedLocally(env.server.datasources.getById(''), MissingRequiredFieldError, 'Datasource ID undefined.');
      await assertRefusedLocally(env.server.datasources.delete(''), MissingRequiredFieldError, 'Datasource ID undefined.');
      await assertRefusedLocally(env.server.datasources.download(''), MissingRequiredFieldError, 'Datasource ID undefined.');
      const itemMessage = 'Datasource item missing ID. Datasource must be retrieved from server first.';
      await assertRefusedLocally(env.server.datasources.update(unsaved), MissingRequiredFieldError, itemMessage);
      await assertRefusedLocally(env.server.datasources.populateConnections(unsaved), MissingRequiredFieldError, itemMessage);
    });
  });

  it('answers unknown ids with a 404 ServerResponseError', async function () {
    const is404 = (error: unknown) => error instanceof ServerResponseError && error.status === 404;
    const ghost = Object.assign(new DatasourceItem(env.projectId, 'Ghost'), { id: unknownId });
    await assert.rejects(env.server.datasources.getById(unknownId), is404);
    await assert.rejects(env.server.datasources.delete(unknownId), is404);
    await assert.rejects(env.server.datasources.update(ghost), is404);
    await assert.rejects(env.server.datasources.populateConnections(ghost), is404);
    await assert.rejects(env.server.datasources.download(unknownId, env.dir), is404);
  });

  it('updates name, project and owner; deletes', async function () {
    const published = await env.server.datasources.publish(new DatasourceItem(env.projectId, 'Renamable'), tdsPath, 'CreateNew');
    const otherProject = await env.server.projects.create(new ProjectItem(`Certified ${Date.now()}`));
    const site = env.sandbox.state.findSiteByContentUrl(env.sandbox.credentials.siteContentUrl)!;
    const steward = env.sandbox.state.addUser({ name: `steward-${Date.now()}` });
    env.sandbox.state.setMembership(site.id, steward.id, 'Creator');
    published.name = 'Renamed';
    published.projectId = otherProject.id!;
    published.ownerId = steward.id;
    const updated = await env.server.datasources.update(published);
    assert.equal(updated.name, 'Renamed');
    assert.equal(updated.projectId, otherProject.id);
    assert.equal(updated.ownerId, steward.id);

    await env.server.datasources.delete(published.id!);
    await assert.rejects(env.server.datasources.getById(published.id!), (error: unknown) => error instanceof ServerResponseError && error.status === 404);
  });

  it('populates connections and updates one', async function () {
    const published = await env.server.datasources.publish(new DatasourceItem(env.projectId, 'Connected'), tdsPath, 'CreateNew');
    await env.server.datasources.populateConnections(published);
    assert.equal(published.connections.length, 1);
    const [connection] = published.connections;
    assert.equal(connection.connectionType, 'sqlserver');
    assert.equal(connection.serverAddress, 'warehouse.example.com');
    assert.equal(connection.serverPort, '1433');
    assert.equal(connection.username, 'etl');

    connection.serverAddress = 'warehouse-2.example.com';
    connection.username = 'etl2';
    connection.password = 'x';
    connection.embedPassword = true;
    const updated = await env.server.datasources.updateConnection(published, connection);
    assert.equal(updated.serverAddress, 'warehouse-2.example.com');
    assert.equal(updated.username, 'etl2');
    assert.equal(updated.embedPassword, true);
  });

  it('downloads a .tdsx byte for byte, and asks for no extract with noExtract', async function () {
    const published = await env.server.datasources.publish(new DatasourceItem(env.projectId, 'Downloadable'), tdsxPath, 'CreateNew');
    const written = await env.server.datasources.download(published.id!, env.dir);
    assert.equal(written, join(env.dir, 'Downloadable.tdsx'));
    assert.ok((await readFile(written)).equals(await readFile(tdsxPath)));

    env.sandbox.faults.resetCount();
    await env.server.datasources.download(published.id!, join(env.dir, 'no-extract.tdsx'), true);
    const request = env.sandbox.faults.recentRequests.find((entry) => entry.path.includes('/content'));
    assert.match(request?.path ?? '', /includeExtract=false/);
  });

  describe('append', function () {
    it('appends an extract onto a data source published from an extract', async function () {
      const hyper = join(env.dir, 'Sales Extract.hyper');
      await writeZip(hyper, [{ name: 'stand-in', content: { fillerBytes: 50_000 } }]);
      const first = await env.server.datasources.publish(new DatasourceItem(env.projectId, 'Appendable'), hyper, 'CreateNew');
      assert.equal(first.hasExtracts, true);
      env.sandbox.faults.resetCount();
      const appended = await env.server.datasources.publish(new DatasourceItem(env.projectId, 'Appendable'), hyper, Server.PublishMode.Append);
      assert.equal(appended.id, first.id);
      assert.match(env.sandbox.faults.recentRequests.at(-1)?.path ?? '', /append=true/);
      assert.match(env.sandbox.faults.recentRequests.at(-1)?.path ?? '', /datasourceType=hyper/);
    });

    it('refuses Append onto a data source without an extract with a 400', async function () {
      await env.server.datasources.publish(new DatasourceItem(env.projectId, 'Live Only'), tdsPath, 'CreateNew');
      await assert.rejects(
        env.server.datasources.publish(new DatasourceItem(env.projectId, 'Live Only'), tdsPath, 'Append'),
        (error: unknown) => error instanceof ServerResponseError && error.status === 400,
      );
    });
  });
});

function nameFilter(name: string): RequestOptions {
  const options = new RequestOptions();
  options.filter.add(new Filter(RequestOptions.Field.Name, RequestOptions.Operator.Equals, name));
  return options;
}

