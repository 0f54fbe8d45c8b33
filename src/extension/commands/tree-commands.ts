import * as vscode from 'vscode';
import type { ErrorNode, ExplorerNode, LoadMoreNode } from '../explorer/nodes';
import { registerCommand, type CommandContext } from './command-context';

/** Refresh (whole view or one node), Load more, Retry, Show Log. */
export function registerTreeCommands(context: CommandContext): vscode.Disposable[] {
  return [
    registerCommand(context, 'tableau.refresh', 'Refresh', (node?: ExplorerNode) => {
      // From the view title VS Code passes no node; from a row's menu, the row.
      context.tree.refresh(node && 'kind' in node ? node : undefined);
    }),
    registerCommand(context, 'tableau.loadMore', 'Load More', (node: LoadMoreNode) => context.tree.loadMore(node)),
    registerCommand(context, 'tableau.retry', 'Retry', (node: ErrorNode) => context.tree.retry(node)),
    registerCommand(context, 'tableau.showLog', 'Show Log', () => context.log.show()),
  ];
}
