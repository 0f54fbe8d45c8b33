import * as vscode from 'vscode';
import type { CommandContext } from './commands/command-context';
import { registerFindCommand } from './commands/find';
import { registerSandboxCommands } from './commands/sandbox-commands';
import { registerServerCommands } from './commands/server-commands';
import { registerTreeCommands } from './commands/tree-commands';
import { serverOf } from './explorer/nodes';
import { ExplorerTreeProvider } from './explorer/provider';
import { describeError } from './messages/describe-error';
import { SandboxHost } from './sandbox/sandbox-host';
import { ServerRegistry } from './servers/registry';
import { SessionManager } from './servers/session-manager';
import { sandboxAutoStart } from './settings/explorer-settings';
import { NETWORK_SETTINGS } from './settings/network-settings';
import type { TableauExtensionApi } from './test-api';
import { PromptHost } from './ui/prompts';
import { ActiveServerStatus } from './ui/status-bar';
import { VsCodePrompter } from './ui/vscode-prompter';

let sandboxToStop: SandboxHost | undefined;

/** Wires the parts together. Does no network work: sign-in waits until a server is expanded. */
export function activate(context: vscode.ExtensionContext): TableauExtensionApi | undefined {
  const log = vscode.window.createOutputChannel('Tableau', { log: true });
  const registry = new ServerRegistry(context.globalState, context.secrets);
  const version = String((context.extension.packageJSON as { version?: unknown }).version ?? '0.0.0');
  const client = { logger: log, userAgent: `tableau-vscode/${version} (VS Code ${vscode.version})` };
  const sessions = new SessionManager(registry, client);
  const tree = new ExplorerTreeProvider(registry, sessions, (error, parent) => {
    const message = describeError(error, serverOf(parent)?.entry).message;
    log.warn(`Loading the children of ${parent.key} failed: ${message}`);
    return message;
  });
  const treeView = vscode.window.createTreeView('tableau.servers', { treeDataProvider: tree, showCollapseAll: true });
  const sandbox = new SandboxHost(registry, sessions, log);
  sandboxToStop = sandbox;
  const prompts = new PromptHost(new VsCodePrompter());
  const status = new ActiveServerStatus(registry, sessions, treeView);
  const commands: CommandContext = { registry, sessions, tree, treeView, prompts, log, client, sandbox };

  context.subscriptions.push(
    log,
    registry,
    sessions,
    tree,
    treeView,
    sandbox,
    status,
    ...registerServerCommands(commands),
    ...registerTreeCommands(commands),
    ...registerSandboxCommands(commands),
    registerFindCommand(commands),
    vscode.workspace.onDidChangeConfiguration((event) => {
      // New proxy, CA or timeout settings take effect through fresh clients; servers sign in again on next expand.
      if (NETWORK_SETTINGS.some((setting) => event.affectsConfiguration(setting))) void sessions.resetAll();
      else if (event.affectsConfiguration('tableau.pageSize')) tree.refresh();
    }),
  );

  void sandbox.removeStaleEntries().then(async () => {
    if (sandboxAutoStart()) await vscode.commands.executeCommand('tableau.startSandbox');
  });
  // The test API reaches secrets and prompts, so other extensions must never get it: only a test run does.
  if (context.extensionMode !== vscode.ExtensionMode.Test) return undefined;
  return { prompts, registry, sessions, tree, treeView, sandbox, status, globalState: context.globalState, logUri: context.logUri };
}

export async function deactivate(): Promise<void> {
  await sandboxToStop?.stop();
  sandboxToStop = undefined;
}
