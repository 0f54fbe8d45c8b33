// Reaching the extension under test and its tree from an in-host suite.
import * as vscode from 'vscode';
import type { ExplorerNode, ServerNode } from '../../../src/extension/explorer/nodes';
import type { ServerEntry } from '../../../src/extension/servers/server-entry';
import type { TableauExtensionApi } from '../../../src/extension/test-api';
import type { Sandbox } from '../../../src/sandbox';
import { ScriptedPrompter } from './scripted-prompter';

export const EXTENSION_ID = 'tableau-vscode.tableau-vscode';

export async function tableauApi(): Promise<TableauExtensionApi> {
  const extension = vscode.extensions.getExtension<TableauExtensionApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded in this window`);
  const api = await extension.activate();
  if (!api) throw new Error(`${EXTENSION_ID} returned no test API: it gives one only when VS Code runs it with extensionTestsPath`);
  return api;
}

/** Installs a scripted prompter for the duration of `body`. */
export async function withPrompts<T>(api: TableauExtensionApi, prompter: ScriptedPrompter, body: () => Thenable<T>): Promise<T> {
  const restore = api.prompts.use(prompter);
  try {
    return await body();
  } finally {
    restore();
  }
}

/** Starts the extension's sandbox (once; suites share it) and returns its entry and the running sandbox. */
export async function runningSandbox(api: TableauExtensionApi) {
  if (!api.sandbox.sandbox) await vscode.commands.executeCommand('tableau.startSandbox');
  const sandbox = api.sandbox.sandbox;
  const entry = api.sandbox.entry;
  if (!sandbox || !entry) throw new Error('Tableau: Start Sandbox Server did not start the sandbox');
  return { sandbox, entry };
}

/** What most in-host suites start from: the extension's test API, its running sandbox, and the sandbox's server id. */
export async function extensionWithSandbox(): Promise<{ api: TableauExtensionApi; sandbox: Sandbox; serverId: string }> {
  const api = await tableauApi();
  const { sandbox, entry } = await runningSandbox(api);
  return { api, sandbox, serverId: entry.id };
}

export function serverNode(api: TableauExtensionApi, entryId: string): ServerNode {
  const node = api.tree.serverNode(entryId);
  if (!node) throw new Error(`The tree shows no server with id ${entryId}`);
  return node;
}

export function labelOf(api: TableauExtensionApi, node: ExplorerNode): string {
  const label = api.tree.getTreeItem(node).label;
  return typeof label === 'string' ? label : (label?.label ?? '');
}

export function treeItem(api: TableauExtensionApi, node: ExplorerNode): vscode.TreeItem {
  return api.tree.getTreeItem(node) as vscode.TreeItem;
}

export async function childLabels(api: TableauExtensionApi, parent: ExplorerNode | undefined): Promise<string[]> {
  return (await api.tree.getChildren(parent)).map((node) => labelOf(api, node));
}

/** The child of `parent` labelled `label`; fails with the labels it saw. */
export async function child(api: TableauExtensionApi, parent: ExplorerNode | undefined, label: string): Promise<ExplorerNode> {
  const children = await api.tree.getChildren(parent);
  const found = children.find((node) => labelOf(api, node) === label);
  if (!found) throw new Error(`No child '${label}' under ${parent ? labelOf(api, parent) : 'the root'}; it shows: ${children.map((node) => labelOf(api, node)).join(' | ')}`);
  return found;
}

/** Follows labels down from a node. */
export async function path(api: TableauExtensionApi, from: ExplorerNode, ...labels: string[]): Promise<ExplorerNode> {
  let node = from;
  for (const label of labels) node = await child(api, node, label);
  return node;
}

/** Adds a server entry directly (the Add Server flow has its own suite) and returns it. */
export async function addEntry(api: TableauExtensionApi, fields: Partial<ServerEntry> & Pick<ServerEntry, 'url' | 'identity'>, secret: string): Promise<ServerEntry> {
  const entry: ServerEntry = {
    id: `test-${Math.random().toString(36).slice(2)}`,
    label: fields.label ?? 'Test server',
    siteContentUrl: '',
    authKind: 'token',
    skipTlsVerification: false,
    ...fields,
  };
  await api.registry.add(entry, secret);
  return entry;
}

/** Removes every entry a test added (all but the running sandbox's). */
export async function removeTestEntries(api: TableauExtensionApi): Promise<void> {
  for (const entry of api.registry.list()) if (!entry.sandbox) await api.registry.remove(entry.id);
}

/**
 * Changes a setting (user level) and waits until the extension host has delivered the change, so that the
 * extension has reacted before the test goes on.
 */
export async function setSetting(section: string, key: string, value: unknown): Promise<void> {
  const delivered = new Promise<void>((resolve) => {
    const listener = vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${section}.${key}`)) {
        listener.dispose();
        resolve();
      }
    });
  });
  const configuration = vscode.workspace.getConfiguration(section);
  const current = configuration.inspect(key)?.globalValue;
  if (JSON.stringify(current) === JSON.stringify(value)) return;
  await configuration.update(key, value, vscode.ConfigurationTarget.Global);
  await delivered;
}
