import * as vscode from 'vscode';
import type { ExplorerTreeProvider } from '../explorer/provider';
import type { ExplorerNode } from '../explorer/nodes';
import { describeError } from '../messages/describe-error';
import type { SandboxHost } from '../sandbox/sandbox-host';
import type { ClientContext } from '../servers/client-factory';
import type { ServerRegistry } from '../servers/registry';
import type { SessionManager } from '../servers/session-manager';
import type { PromptHost } from '../ui/prompts';

/** What every command works with; built once in extension.ts. */
export interface CommandContext {
  registry: ServerRegistry;
  sessions: SessionManager;
  tree: ExplorerTreeProvider;
  treeView: vscode.TreeView<ExplorerNode>;
  prompts: PromptHost;
  log: vscode.LogOutputChannel;
  client: ClientContext;
  sandbox: SandboxHost;
}

/**
 * Registers a command behind the one wrapper that turns any error into a clear message (with "Open Settings" when
 * a setting fixes it) and a log line, instead of VS Code's generic "command failed".
 */
export function registerCommand(
  context: CommandContext,
  id: string,
  title: string,
  handler: (...args: never[]) => Promise<unknown> | unknown,
): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await (handler as (...a: unknown[]) => unknown)(...args);
    } catch (error) {
      reportError(context, title, error);
      return undefined;
    }
  });
}

export function reportError(context: CommandContext, title: string, error: unknown): void {
  const described = describeError(error);
  context.log.error(`${title} failed: ${described.message}`);
  const actions = described.setting ? ['Open Settings', 'Show Log'] : ['Show Log'];
  // Not awaited: a notification stays until dismissed, and the command must not hang on it.
  void context.prompts.prompter.message({ id: 'command.error', kind: 'error', message: `${title} failed: ${described.message}`, actions }).then((action) => {
    if (action === 'Show Log') context.log.show(true);
    if (action === 'Open Settings' && described.setting) void vscode.commands.executeCommand('workbench.action.openSettings', described.setting);
  });
}
