import * as vscode from 'vscode';
import type { ServerNode } from '../explorer/nodes';
import { describeError } from '../messages/describe-error';
import { checkSignIn } from '../servers/client-factory';
import { secretLabel } from '../servers/server-entry';
import { addServer } from './add-server';
import { registerCommand, type CommandContext } from './command-context';

/** Add Server, Sign Out, Remove Server, Edit Secret. */
export function registerServerCommands(context: CommandContext): vscode.Disposable[] {
  return [
    registerCommand(context, 'tableau.addServer', 'Add Server', () => addServer(context)),
    registerCommand(context, 'tableau.signOut', 'Sign Out', (node: ServerNode) => signOut(context, node)),
    registerCommand(context, 'tableau.removeServer', 'Remove Server', (node: ServerNode) => removeServer(context, node)),
    registerCommand(context, 'tableau.editSecret', 'Edit Secret', (node: ServerNode) => editSecret(context, node)),
  ];
}

function requireServer(node: ServerNode | undefined): ServerNode {
  if (node?.kind !== 'server') throw new Error('Choose a server in the Tableau view first.');
  return node;
}

async function signOut(context: CommandContext, node: ServerNode | undefined): Promise<void> {
  const server = requireServer(node);
  await context.sessions.reset(server.entry.id);
  context.log.info(`Signed out of '${server.entry.label}'.`);
}

/** Removes the entry after a confirmation: signs it out and deletes its secret. Resolves to true when removed. */
async function removeServer(context: CommandContext, node: ServerNode | undefined): Promise<boolean> {
  const server = requireServer(node);
  const answer = await context.prompts.prompter.message({
    id: 'removeServer.confirm',
    kind: 'warning',
    modal: true,
    message: `Remove the server '${server.entry.label}'?`,
    detail: `It is signed out and its ${secretLabel(server.entry.authKind)} is deleted from VS Code's secret storage.`,
    actions: ['Remove'],
  });
  if (answer !== 'Remove') return false;
  if (server.entry.sandbox) {
    await context.sandbox.stop();
    return true;
  }
  await context.sessions.reset(server.entry.id);
  await context.registry.remove(server.entry.id);
  context.log.info(`Removed the server '${server.entry.label}' and its stored secret.`);
  return true;
}

/** Asks for a new secret and keeps it only once a sign-in with it succeeds. Resolves to true when saved. */
async function editSecret(context: CommandContext, node: ServerNode | undefined): Promise<boolean> {
  const server = requireServer(node);
  const entry = server.entry;
  const prompter = context.prompts.prompter;
  for (;;) {
    const secret = await prompter.input({
      id: 'editSecret.secret',
      title: `Edit Secret: ${entry.label}`,
      prompt: `New ${secretLabel(entry.authKind)} for '${entry.identity}' — checked by signing in, then stored in VS Code's secret storage.`,
      password: true,
      validate: (text) => (text ? undefined : `Enter the ${secretLabel(entry.authKind)}.`),
    });
    if (secret === undefined) return false;
    try {
      await prompter.withProgress(`Signing in to ${entry.url}…`, () => checkSignIn(entry, secret, context.client));
    } catch (error) {
      const described = describeError(error, entry);
      context.log.warn(`Edit Secret: signing in to ${entry.url} failed: ${described.message}`);
      const again = await prompter.message({ id: 'editSecret.failed', kind: 'error', message: `Sign-in failed: ${described.message}`, actions: ['Try Again'] });
      if (again !== 'Try Again') return false;
      continue;
    }
    await context.registry.setSecret(entry.id, secret);
    await context.sessions.reset(entry.id);
    context.log.info(`Updated the ${secretLabel(entry.authKind)} of '${entry.label}'.`);
    return true;
  }
}
