// Publishes the real Tableau documents in ../shared/tableau-documents/samples and checks what the server derives.
import assert from 'node:assert/strict';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DatasourceItem, ServerResponseError, WorkbookItem, type ConnectionItem } from '../../src/client';
import { startContentSandbox, type ContentSandbox } from '../support/content-sandbox';
import { samplesDir, samplesPresent, sha256File } from '../support/documents';

interface ExpectedConnection {
  connectionType: string;
  serverAddress?: string;
  serverPort?: string;
  username?: string;
}

interface WorkbookSample {
  file: string;
  /** Sheets shown as tabs: each must be a view. */
  visibleSheets: string[];
  /** Worksheets hidden behind a dashboard: whether a server lists them as views is left open. */
  hiddenSheets?: string[];
  connections: ExpectedConnection[];
}

const workbookSamples: WorkbookSample[] = [
  {
    file: 'datasource_test.twb',
    visibleSheets: ['Sheet 1', 'Sheet 2'],
    connections: [{ connectionType: 'postgres', serverAddress: 'postgres91.test.tsi.lan', serverPort: '5432', username: 'test' }],
  },
  {
    file: 'sample-superstore.twb',
    visibleSheets: ['Sheet 1'],
    connections: [{ connectionType: 'sqlserver', serverAddress: 'superstore.sample.db', username: 'testUser' }],
  },
  {
    file: 'ts_users_04.01.twb',
    visibleSheets: ['TS Users'],
    hiddenSheets: ['Active Users', 'Site Roles', 'Top Publishers ', 'Top Viewers', 'User Details', 'Users Not Accessing Views', 'Users Not Logging In'],
    connections: [{ connectionType: 'postgres', serverAddress: 'your-repository-server', serverPort: '8060', username: 'readonly' }],
  },
  {
    file: 'TABLEAU_10_TWBX.twbx',
    visibleSheets: ['Sheet 1'],
    connections: [{ connectionType: 'sqlserver', serverAddress: 'mssql2012.test.tsi.lan' }],
  },
  {
    file: 'SampleWB.twbx',
    visibleSheets: ['GDP per capita', 'GDP per Capita Dashboard', 'Health spending vs life expectancy', 'Country ranks', 'Interest rates', 'Share of World GDP'],
    hiddenSheets: ['GDP per capita by region', 'GDP per capita map'],
    connections: [],
  },
];

const datasourceSamples: Array<{ file: string; connections: ExpectedConnection[] }> = [
  { file: 'SampleDS.tds', connections: [{ connectionType: 'postgres', serverAddress: 'postgres91.test.tsi.lan', serverPort: '5432', username: 'test' }] },
  { file: 'unicode.tds', connections: [{ connectionType: 'postgres', serverAddress: 'postgres91.test.tsi.lan', serverPort: '5432', username: 'test' }] },
  { file: 'TABLEAU_93_TDS.tds', connections: [{ connectionType: 'sqlserver', serverAddress: 'mssql2012.test.tsi.lan' }] },
  { file: 'TABLEAU_10_TDSX.tdsx', connections: [{ connectionType: 'sqlserver', serverAddress: 'mssql2012.test.tsi.lan' }] },
];

function assertHasConnection(connections: ConnectionItem[], expected: ExpectedConnection, file: string): void {
  const found = connections.find((connection) => Object.entries(expected).every(([key, value]) => connection[key as keyof ExpectedConnection] === value));
  assert.ok(found, `${file}: expected a connection like ${JSON.stringify(expected)}, got ${JSON.stringify(connections.map(({ connectionType, serverAddress, serverPort, username }) => ({ connectionType, serverAddress, serverPort, username })))}`);
  assert.ok(found.id);
}

describe('client: publishing real Tableau documents', function () {
  this.timeout(60_000);
  let env: ContentSandbox;

  before(async function () {
    if (!samplesPresent) {
      console.log(`skipped: ${samplesDir} is absent`);
      this.skip();
    }
    env = await startContentSandbox();
  });

  after(async function () {
    await env?.close();
  });

  for (const sample of workbookSamples) {
    it(`${sample.file}: views and connections derived, download identical`, async function () {
      const path = join(samplesDir, sample.file);
      const published = await env.server.workbooks.publish(new WorkbookItem(env.projectId), path, 'CreateNew');
      await env.server.workbooks.populateViews(published);
      const names = published.views.map((view) => view.name);
      for (const sheet of sample.visibleSheets) assert.ok(names.includes(sheet), `${sample.file}: view '${sheet}' missing from ${JSON.stringify(names)}`);
      const allowed = new Set([...sample.visibleSheets, ...(sample.hiddenSheets ?? [])]);
      for (const name of names) assert.ok(allowed.has(name!), `${sample.file}: unexpected view '${name}'`);

      await env.server.workbooks.populateConnections(published);
      for (const expected of sample.connections) assertHasConnection(published.connections, expected, sample.file);

      const copy = await env.server.workbooks.download(published.id!, join(env.dir, `copy-${sample.file}`));
      assert.equal(await sha256File(copy), await sha256File(path));
    });
  }

  for (const sample of datasourceSamples) {
    it(`${sample.file}: connections derived, download identical`, async function () {
      const path = join(samplesDir, sample.file);
      const published = await env.server.datasources.publish(new DatasourceItem(env.projectId), path, 'CreateNew');
      await env.server.datasources.populateConnections(published);
      for (const expected of sample.connections) assertHasConnection(published.connections, expected, sample.file);
      const copy = await env.server.datasources.download(published.id!, join(env.dir, `copy-${sample.file}`));
      assert.equal(await sha256File(copy), await sha256File(path));
    });
  }

  it('refuses a file that is not a workbook (a broken zip named .twbx) with a 400', async function () {
    const fake = join(env.dir, 'BadZip.twbx');
    await copyFile(join(samplesDir, 'BadZip.zip'), fake);
    await assert.rejects(env.server.workbooks.publish(new WorkbookItem(env.projectId), fake, 'CreateNew'), (error: unknown) => error instanceof ServerResponseError && error.status === 400);
  });
});
