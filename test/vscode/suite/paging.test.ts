import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LoadMoreNode } from '../../../src/extension/explorer/nodes';
import type { TableauExtensionApi } from '../../../src/extension/test-api';
import type { Sandbox } from '../../../src/sandbox';
import { child, childLabels, extensionWithSandbox, labelOf, serverNode, setSetting, treeItem } from '../support/extension-api';
import { allProjects, byName, withClient } from '../support/sandbox-client';

suite('Paging with Load more', () => {
  let api: TableauExtensionApi;
  let sandbox: Sandbox;
  let serverId: string;

  suiteSetup(async () => {
    ({ api, sandbox, serverId } = await extensionWithSandbox());
    await setSetting('tableau', 'pageSize', 2);
  });

  suiteTeardown(async () => {
    await setSetting('tableau', 'pageSize', undefined);
  });

  function projectPageRequests(): string[] {
    return sandbox.faults.recentRequests.filter((request) => request.method === 'GET' && /\/projects\?/.test(request.path)).map((request) => request.path);
  }

  test('a long list shows one page and a Load more… node; a double click loads the next page once', async () => {
    const expected = (await withClient(sandbox, '', allProjects)).filter((project) => !project.parentId).map((project) => project.name).sort(byName);
    assert.ok(expected.length > 3, `the Default site has more than two pages of top-level projects (${expected.length})`);
    const site = await child(api, serverNode(api, serverId), 'Default');

    let children = await api.tree.getChildren(site);
    assert.deepEqual(children.slice(0, -1).map((node) => labelOf(api, node)), expected.slice(0, 2), 'the first page, in name order');
    const more = children.at(-1) as LoadMoreNode;
    const item = treeItem(api, more);
    assert.equal(item.label, 'Load more…');
    assert.equal(item.contextValue, 'tableau.loadMore');
    assert.equal(item.description, `2 of ${expected.length} projects`);
    assert.equal(item.command?.command, 'tableau.loadMore', 'clicking the node loads more');

    const before = projectPageRequests().length;
    await Promise.all([vscode.commands.executeCommand('tableau.loadMore', more), vscode.commands.executeCommand('tableau.loadMore', more)]);
    const sent = projectPageRequests().slice(before);
    assert.equal(sent.length, 1, `one request for two clicks: ${sent.join(', ')}`);
    assert.match(sent[0], /pageNumber=2/);

    children = await api.tree.getChildren(site);
    assert.deepEqual(children.filter((node) => node.kind === 'project').map((node) => labelOf(api, node)), expected.slice(0, 4));

    for (let guard = 0; guard < 20 && children.at(-1)?.kind === 'loadMore'; guard++) {
      await vscode.commands.executeCommand('tableau.loadMore', children.at(-1));
      children = await api.tree.getChildren(site);
    }
    assert.deepEqual(children.map((node) => labelOf(api, node)), expected, 'every project once, in order, and no Load more… at the end');
  });

  test('a smaller page size applies to lists loaded after the change', async () => {
    await setSetting('tableau', 'pageSize', 3);
    const site = await child(api, serverNode(api, serverId), 'Default');
    const labels = await childLabels(api, site);
    assert.equal(labels.length, 4, `three projects and Load more…: ${labels.join(' | ')}`);
    assert.equal(labels.at(-1), 'Load more…');
    await setSetting('tableau', 'pageSize', 2);
  });
});
