import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProjectItem, WorkbookItem, type DatasourceItem } from '../../../src/client';
import type { ExplorerNode, ProjectNode } from '../../../src/extension/explorer/nodes';
import type { TableauExtensionApi } from '../../../src/extension/test-api';
import type { Sandbox } from '../../../src/sandbox';
import { addEntry, child, childLabels, extensionWithSandbox, labelOf, path, serverNode, treeItem } from '../support/extension-api';
import { workbookXml } from '../../support/documents';
import { allProjects, byName, withClient } from '../support/sandbox-client';

function markdownSource(item: vscode.TreeItem): string {
  const tooltip = item.tooltip;
  return typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? '');
}

/** The tooltip as a person reads it: Markdown escapes and non-breaking spaces undone. */
function markdown(item: vscode.TreeItem): string {
  return markdownSource(item)
    .replace(/&nbsp;/g, ' ')
    .replace(/\\([\\`*_{}[\]()#+\-.!~|<>])/g, '$1');
}

function icon(item: vscode.TreeItem): string {
  return item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : '';
}

suite('The Servers tree against the sandbox', () => {
  let api: TableauExtensionApi;
  let sandbox: Sandbox;
  let serverId: string;

  suiteSetup(async () => {
    ({ api, sandbox, serverId } = await extensionWithSandbox());
  });

  setup(() => api.tree.refresh());

  test('the sandbox server shows every site, by name', async () => {
    const server = serverNode(api, serverId);
    const item = treeItem(api, server);
    assert.equal(item.contextValue, 'tableau.server.sandbox');
    assert.match(String(item.description), /^127\.0\.0\.1:\d+/);
    assert.equal(icon(item), 'beaker');
    const expected = [...sandbox.state.sites.values()].map((site) => site.name).sort(byName);
    assert.deepEqual(await childLabels(api, server), expected);
    const site = await child(api, server, 'Default');
    assert.equal(treeItem(api, site).contextValue, 'tableau.site');
    assert.equal(icon(treeItem(api, site)), 'globe');
  });

  test('projects nest by parent: top-level ones under the site, the others under their parent', async () => {
    const site = await path(api, serverNode(api, serverId), 'Default');
    const projects = await withClient(sandbox, '', allProjects);
    const namesUnder = (parentId: string | undefined) =>
      projects.filter((project) => project.parentId === parentId).map((project) => project.name).sort(byName);

    assert.deepEqual(await childLabels(api, site), namesUnder(undefined));
    const sales = (await child(api, site, 'Sales')) as ProjectNode;
    const salesChildren = await childLabels(api, sales);
    for (const name of namesUnder(sales.project.id)) assert.ok(salesChildren.includes(name), `Sales shows its sub-project ${name}`);
    const pipeline = await path(api, sales, 'North America', 'Pipeline');
    const item = treeItem(api, pipeline);
    assert.equal(item.contextValue, 'tableau.project');
    assert.equal(icon(item), 'folder');
    assert.match(markdown(item), /Sales \/ North America \/ Pipeline/, 'the tooltip shows the project path');
    assert.match(markdown(item), new RegExp(`Id: ${(pipeline as ProjectNode).project.id}`));
  });

  test('each project lists exactly its own workbooks and data sources; a workbook lists its views', async () => {
    const { projects, workbooks, datasources } = await withClient(sandbox, '', async (client) => ({
      projects: await allProjects(client),
      workbooks: (await client.workbooks.get()).at(0) as WorkbookItem[],
      datasources: (await client.datasources.get()).at(0) as DatasourceItem[],
    }));
    assert.ok(workbooks.length > 0, 'the demo seed has workbooks on the Default site');
    const withWorkbooks = projects.find((project) => workbooks.some((workbook) => workbook.projectId === project.id));
    assert.ok(withWorkbooks, 'some project holds workbooks');
    const node = await openProject(withWorkbooks.id ?? '', projects);
    const labels = await childLabels(api, node);
    const ownWorkbooks = workbooks.filter((workbook) => workbook.projectId === withWorkbooks.id).map((workbook) => workbook.name ?? '');
    const ownDatasources = datasources.filter((datasource) => datasource.projectId === withWorkbooks.id).map((datasource) => datasource.name ?? '');
    const subProjects = projects.filter((project) => project.parentId === withWorkbooks.id).map((project) => project.name);
    assert.deepEqual(labels, [...subProjects.sort(byName), ...ownWorkbooks.sort(byName), ...ownDatasources.sort(byName)]);

    const workbookNode = await child(api, node, ownWorkbooks[0]);
    const workbookItem = treeItem(api, workbookNode);
    assert.equal(workbookItem.contextValue, 'tableau.workbook');
    assert.equal(icon(workbookItem), 'book');
    assert.match(String(workbookItem.description), /updated \d{4}-\d{2}-\d{2}/);
    assert.match(markdown(workbookItem), /Project: /);
    const workbook = workbooks.find((candidate) => candidate.name === ownWorkbooks[0]);
    const views = await withClient(sandbox, '', async (client) => {
      await client.workbooks.populateViews(workbook as WorkbookItem);
      return (workbook as WorkbookItem).views.map((view) => view.name ?? '');
    });
    assert.deepEqual(await childLabels(api, workbookNode), views);
    const view = await child(api, workbookNode, views[0]);
    assert.equal(treeItem(api, view).contextValue, 'tableau.view');
    assert.equal(treeItem(api, view).collapsibleState, vscode.TreeItemCollapsibleState.None);

    if (ownDatasources.length > 0) {
      const datasource = treeItem(api, await child(api, node, ownDatasources[0]));
      assert.equal(datasource.contextValue, 'tableau.datasource');
      assert.equal(icon(datasource), 'database');
    }
  });

  test('projects with the same name under different parents each show only their own workbooks', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tableau-twins-'));
    const file = join(dir, 'Twin.twb');
    await writeFile(file, workbookXml({ worksheets: ['Only sheet'] }));
    const created = await withClient(sandbox, '', async (client) => {
      const projects = await allProjects(client);
      const parents = ['Sales', 'Operations'].map((name) => projects.find((project) => project.name === name && !project.parentId));
      const twins: ProjectItem[] = [];
      for (const [index, parent] of parents.entries()) {
        const twin = await client.projects.create(new ProjectItem('Twins', undefined, undefined, parent?.id));
        await client.workbooks.publish(new WorkbookItem(twin.id ?? '', `Twin workbook ${index + 1}`), file, 'CreateNew');
        twins.push(twin);
      }
      return twins;
    });
    try {
      const site = await child(api, serverNode(api, serverId), 'Default');
      assert.deepEqual(await childLabels(api, await path(api, site, 'Sales', 'Twins')), ['Twin workbook 1']);
      assert.deepEqual(await childLabels(api, await path(api, site, 'Operations', 'Twins')), ['Twin workbook 2']);
    } finally {
      await withClient(sandbox, '', async (client) => {
        for (const twin of created) await client.projects.delete(twin.id ?? '');
      });
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('expanding another site switches the session to it, and the status bar follows', async () => {
    const projects = await withClient(sandbox, 'marketing', allProjects);
    const marketing = await child(api, serverNode(api, serverId), 'Marketing');
    const expected = projects.filter((project) => !project.parentId).map((project) => project.name).sort(byName);
    assert.deepEqual(await childLabels(api, marketing), expected);
    assert.equal(api.sessions.peek(serverId)?.siteContentUrl, 'marketing');
    assert.match(api.status.text, /Sandbox · marketing/);
    await api.treeView.reveal(marketing, { select: true });
    assert.match(api.status.text, /Sandbox · Marketing/);
  });

  test('an empty project says so, and server strings in tooltips are shown as text', async () => {
    const name = `[Open me](command:tableau.removeServer) *${Date.now()}*`;
    const created = await withClient(sandbox, 'finance', (client) => client.projects.create(new ProjectItem(name, 'A project with <b>nothing</b> in it.')));
    try {
      const finance = await child(api, serverNode(api, serverId), 'Finance');
      const project = await child(api, finance, name);
      const children = await api.tree.getChildren(project);
      assert.equal(children.length, 1);
      assert.equal(labelOf(api, children[0]), 'This project is empty');
      const source = markdownSource(treeItem(api, project));
      assert.ok(!/[^\\]\[Open/.test(source), `the name's Markdown is escaped in the tooltip source: ${source}`);
      assert.ok(markdown(treeItem(api, project)).includes(name), 'the name reads literally');
      const markdownTooltip = treeItem(api, project).tooltip as vscode.MarkdownString;
      assert.ok(!markdownTooltip.isTrusted, 'tooltips never run commands');
    } finally {
      await withClient(sandbox, 'finance', (client) => client.projects.delete(created.id ?? ''));
    }
  });

  test('Refresh reloads a node from the server', async () => {
    const site = await child(api, serverNode(api, serverId), 'Default');
    const before = await childLabels(api, site);
    const created = await withClient(sandbox, '', (client) => client.projects.create(new ProjectItem(`AAA refreshed ${Date.now()}`)));
    try {
      assert.deepEqual(await childLabels(api, site), before, 'until refreshed the tree shows what it loaded');
      await vscode.commands.executeCommand('tableau.refresh', site);
      assert.ok((await childLabels(api, site)).includes(created.name), 'after Refresh the new project shows');
    } finally {
      await withClient(sandbox, '', (client) => client.projects.delete(created.id ?? ''));
    }
  });

  test('a user who is not a server administrator sees only their own sites', async () => {
    const carol = sandbox.state.findUserByName('carol');
    assert.ok(carol, 'the demo seed has carol');
    const entry = await addEntry(api, { label: 'Carol', url: sandbox.url, identity: 'carol', authKind: 'password' }, carol.password);
    try {
      const expected = sandbox.state.sitesOf(carol.id).map((site) => site.name).sort(byName);
      assert.ok(expected.length < sandbox.state.sites.size, 'carol is not on every site');
      assert.deepEqual(await childLabels(api, serverNode(api, entry.id)), expected);
    } finally {
      await api.registry.remove(entry.id);
    }
  });

  /** Opens the path of projects down to `projectId` on the Default site. */
  async function openProject(projectId: string, projects: ProjectItem[]): Promise<ExplorerNode> {
    const chain: string[] = [];
    for (let project = projects.find((p) => p.id === projectId); project; project = projects.find((p) => p.id === project?.parentId)) chain.unshift(project.name);
    return path(api, serverNode(api, serverId), 'Default', ...chain);
  }
});
