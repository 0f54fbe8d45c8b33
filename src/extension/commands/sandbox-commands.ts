import * as vscode from 'vscode';
import { registerCommand, type CommandContext } from './command-context';

/** Start and Stop Sandbox Server. */
export function registerSandboxCommands(context: CommandContext): vscode.Disposable[] {
  return [
    registerCommand(context, 'tableau.startSandbox', 'Start Sandbox Server', () => startSandbox(context)),
    registerCommand(context, 'tableau.stopSandbox', 'Stop Sandbox Server', () => stopSandbox(context)),
  ];
}

/** Starts the sandbox (or finds the running one) and shows its server, expanded one level, in the tree. */
export async function startSandbox(context: CommandContext): Promise<void> {
  const entry = await context.prompts.prompter.withProgress('Starting the Tableau sandbox…', () => context.sandbox.start());
  const node = context.tree.serverNode(entry.id);
  if (node) await context.treeView.reveal(node, { select: true, focus: false, expand: true });
}

async function stopSandbox(context: CommandContext): Promise<void> {
  if (await context.sandbox.stop()) return;
  void context.prompts.prompter.message({ id: 'sandbox.notRunning', kind: 'info', message: 'The Tableau sandbox is not running.' });
}
