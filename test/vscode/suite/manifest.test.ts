import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ProjectItem } from '../../../src/client';
import type { ExplorerNode } from '../../../src/extension/explorer/nodes';
import type { TableauExtensionApi } from '../../../src/extension/test-api';
import type { Sandbox } from '../../../src/sandbox';
import { EXTENSION_ID, addEntry, extensionWithSandbox, removeTestEntries, serverNode, setSetting, treeItem } from '../support/extension-api';
import { withClient } from '../support/sandbox-client';

interface Manifest {
  contributes: {
    commands: Array<{ command: string; category?: string }>;
    menus: Record<string, Array<{ command: string; when?: string }>>;
  };
}

suite('Manifest', () => {
  let api: TableauExtensionApi;
  let sandbox: Sandbox;
  let manifest: Manifest;

  suiteSetup(async () => {
    ({ api, sandbox } = await extensionWithSandbox());
    manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as Manifest;
  });

  teardown(async () => {
    sandbox.faults.clear();
    await removeTestEntries(api);
    await setSetting('tableau', 'pageSize', undefined);
  });

  test('every contributed command is registered, in the Tableau category, and every menu entry names one', async () => {
    const contributed = manifest.contributes.commands.map((entry) => entry.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.filter((command) => !registered.has(command)), [], 'contributed but not registered');
    assert.deepEqual(manifest.contributes.commands.filter((entry) => entry.category !== 'Tableau').map((entry) => entry.command), [], 'outside the Tableau category');
    const inMenus = Object.values(manifest.contributes.menus).flat().map((entry) => entry.command);
    assert.deepEqual(inMenus.filter((command) => !contributed.includes(command)), [], 'menus name commands that are not contributed');
  });

  test('every contextValue a menu keys on is one that a node in the tree really has', async () => {
    const seen = await contextValuesOfARealTree();
    const clauses = Object.values(manifest.contributes.menus).flat().map((entry) => entry.when ?? '');
    const equals = clauses.flatMap((when) => [...when.matchAll(/viewItem\s*==\s*([\w.-]+)/g)].map((match) => match[1]));
    const patterns = clauses.flatMap((when) => [...when.matchAll(/viewItem\s*=~\s*\/(.+?)\/(?=\s|$|\))/g)].map((match) => match[1]));
    assert.ok(equals.length + patterns.length > 0, 'the menus key on contextValues');
    for (const value of equals) assert.ok(seen.has(value), `menus key on '${value}', which no node has (nodes have: ${[...seen].join(', ')})`);
    for (const pattern of patterns) {
      const regex = new RegExp(pattern.replace(/\\\\/g, '\\'));
      const matches = [...seen].filter((value) => regex.test(value));
      assert.ok(matches.length > 0, `menus key on /${pattern}/, which matches no node's contextValue`);
    }
  });

  /**
   * Walks a real tree on the sandbox and collects the contextValue of every kind of node: servers (sandbox and
   * ordinary), sites, projects, workbooks, views, data sources, Load more…, an error and an empty folder.
   */
  async function contextValuesOfARealTree(): Promise<Set<string>> {
    const seen = new Set<string>();
    const visit = async (node: ExplorerNode, depth: number): Promise<void> => {
      const value = treeItem(api, node).contextValue;
      if (value) seen.add(value);
      if (depth === 0) return;
      for (const child of await api.tree.getChildren(node)) await visit(child, depth - 1);
    };
    const empty = await withClient(sandbox, '', (client) => client.projects.create(new ProjectItem(`Empty for the manifest ${Date.now()}`)));
    try {
      const ordinary = await addEntry(api, { label: 'Ordinary', url: sandbox.url, identity: sandbox.credentials.tokenName }, sandbox.credentials.tokenSecret);
      await setSetting('tableau', 'pageSize', 1000);
      await visit(serverNode(api, api.sandbox.entry?.id ?? ''), 8);
      await setSetting('tableau', 'pageSize', 2);
      await visit(serverNode(api, ordinary.id), 3);
      const broken = await addEntry(api, { label: 'Broken', url: sandbox.url, identity: sandbox.credentials.tokenName }, 'wrong secret');
      await visit(serverNode(api, broken.id), 1);
    } finally {
      await withClient(sandbox, '', (client) => client.projects.delete(empty.id ?? ''));
    }
    return seen;
  }
});
