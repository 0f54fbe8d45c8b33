import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ErrorNode, ExplorerNode } from '../../../src/extension/explorer/nodes';
import type { TableauExtensionApi } from '../../../src/extension/test-api';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { addEntry, child, childLabels, extensionWithSandbox, labelOf, removeTestEntries, serverNode, setSetting, treeItem } from '../support/extension-api';
import { closedPort } from '../support/sandbox-client';

suite('Error and Retry nodes', () => {
  let api: TableauExtensionApi;
  let sandbox: Sandbox;
  let serverId: string;

  suiteSetup(async () => {
    ({ api, sandbox, serverId } = await extensionWithSandbox());
  });

  teardown(async () => {
    sandbox.faults.clear();
    await removeTestEntries(api);
    await setSetting('tableau', 'pageSize', undefined);
  });

  async function onlyError(parent: ExplorerNode): Promise<ErrorNode> {
    const children = await api.tree.getChildren(parent);
    const errors = children.filter((node): node is ErrorNode => node.kind === 'error');
    assert.equal(errors.length, 1, `one error node, got: ${children.map((node) => labelOf(api, node)).join(' | ')}`);
    return errors[0];
  }

  test('a list the server fails to answer shows the reason and Retry; Retry loads it', async () => {
    const site = await child(api, serverNode(api, serverId), 'Default');
    api.tree.refresh(site);
    // More failures than the client's retries, so that the failure reaches the tree.
    sandbox.faults.failNext(10, { status: 503, retryAfterSeconds: 0, path: '/projects' });
    const error = await onlyError(site);
    const item = treeItem(api, error);
    assert.equal(item.contextValue, 'tableau.error');
    assert.match(String(item.label), /503/);
    assert.equal(item.description, 'Retry');
    assert.equal(item.command?.command, 'tableau.retry', 'clicking the error retries');

    sandbox.faults.clear();
    await vscode.commands.executeCommand('tableau.retry', error);
    const labels = await childLabels(api, site);
    assert.ok(labels.includes('Sales'), `after Retry the projects show: ${labels.join(' | ')}`);
  });

  test('a failed Load more… becomes an error node, and Retry loads that page', async () => {
    await setSetting('tableau', 'pageSize', 2);
    const site = await child(api, serverNode(api, serverId), 'Default');
    const more = (await api.tree.getChildren(site)).at(-1);
    assert.equal(more?.kind, 'loadMore');
    sandbox.faults.failNext(10, { status: 503, retryAfterSeconds: 0, path: 'pageNumber=2' });
    await vscode.commands.executeCommand('tableau.loadMore', more);
    const error = await onlyError(site);
    assert.equal((await api.tree.getChildren(site)).filter((node) => node.kind === 'project').length, 2, 'the first page stays');

    sandbox.faults.clear();
    await vscode.commands.executeCommand('tableau.retry', error);
    const children = await api.tree.getChildren(site);
    assert.equal(children.filter((node) => node.kind === 'project').length, 4, 'the second page loaded');
    assert.ok(!children.some((node) => node.kind === 'error'));
  });

  test('a server that has stopped says so; Retry signs in once it is back', async () => {
    const port = await closedPort();
    const credentials = { tokenName: 'retry-token', tokenSecret: 'retry-secret-value', username: 'admin', password: 'retry-password', siteContentUrl: '' };
    const entry = await addEntry(api, { label: 'Comes back', url: `http://127.0.0.1:${port}`, identity: credentials.tokenName }, credentials.tokenSecret);
    const server = serverNode(api, entry.id);
    const error = await onlyError(server);
    assert.match(error.message, new RegExp(`Nothing accepts connections at 127\\.0\\.0\\.1:${port}`));

    const revived = await startSandbox({ port, seed: 'demo', credentials });
    try {
      await vscode.commands.executeCommand('tableau.retry', error);
      assert.ok((await childLabels(api, server)).includes('Default'), 'after Retry the sites show');
    } finally {
      await api.sessions.reset(entry.id);
      await revived.stop();
    }
  });

  test('a refused sign-in shows what to fix on the server node', async () => {
    const entry = await addEntry(api, { label: 'Wrong secret', url: sandbox.url, identity: sandbox.credentials.tokenName }, 'not-the-secret');
    const error = await onlyError(serverNode(api, entry.id));
    assert.match(error.message, /refused the sign-in/);
    assert.match(error.message, /token secret/);
  });
});
