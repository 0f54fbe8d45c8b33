import type * as vscode from 'vscode';
import type { ExplorerNode } from './explorer/nodes';
import type { ExplorerTreeProvider } from './explorer/provider';
import type { SandboxHost } from './sandbox/sandbox-host';
import type { ServerRegistry } from './servers/registry';
import type { SessionManager } from './servers/session-manager';
import type { PromptHost } from './ui/prompts';
import type { ActiveServerStatus } from './ui/status-bar';

/**
 * What `activate()` returns. The in-host tests use it to answer prompts with a script (`prompts.use(...)`), to read
 * the server list and the tree as VS Code sees them, and to reach the sandbox's fault injection.
 */
export interface TableauExtensionApi {
  prompts: PromptHost;
  registry: ServerRegistry;
  sessions: SessionManager;
  tree: ExplorerTreeProvider;
  treeView: vscode.TreeView<ExplorerNode>;
  sandbox: SandboxHost;
  status: ActiveServerStatus;
  /** Where the server list is stored; tests check that no secret ever lands in it. */
  globalState: vscode.Memento;
  /** The extension's log folder (the Tableau log channel writes its file here). */
  logUri: vscode.Uri;
}
