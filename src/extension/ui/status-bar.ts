import * as vscode from 'vscode';
import { serverOf, siteOf, type ExplorerNode } from '../explorer/nodes';
import type { ServerRegistry } from '../servers/registry';
import type { SessionManager } from '../servers/session-manager';

interface Active {
  entryId: string;
  siteContentUrl: string;
  siteName?: string;
}

/** Shows the server and site in use: the last one signed in to or switched to, or the one selected in the tree. */
export class ActiveServerStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('tableau.activeServer', vscode.StatusBarAlignment.Left, 10);
  private active: Active | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly registry: ServerRegistry,
    sessions: SessionManager,
    treeView: vscode.TreeView<ExplorerNode>,
  ) {
    this.item.name = 'Tableau Server';
    this.item.command = 'tableau.servers.focus';
    this.subscriptions = [
      sessions.onDidSignIn((session) => this.show({ entryId: session.entry.id, siteContentUrl: session.siteContentUrl ?? session.entry.siteContentUrl })),
      sessions.onDidSignOut((id) => id === this.active?.entryId && this.show(undefined)),
      registry.onDidChange(() => this.show(this.active)),
      treeView.onDidChangeSelection((event) => {
        const node = event.selection[0];
        const server = serverOf(node);
        const site = siteOf(node);
        if (server) this.show({ entryId: server.entry.id, siteContentUrl: site?.scope.siteContentUrl ?? server.entry.siteContentUrl, siteName: site?.scope.siteName });
      }),
    ];
  }

  /** The text shown, e.g. "$(server) Sandbox · Default" ('' when hidden). */
  get text(): string {
    return this.active ? this.item.text : '';
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.item.dispose();
  }

  private show(active: Active | undefined): void {
    const entry = active && this.registry.get(active.entryId);
    if (!active || !entry) {
      this.active = undefined;
      this.item.hide();
      return;
    }
    // A sign-in event knows only the content URL; keep a name learned from the tree for the same site.
    const siteName = active.siteName ?? (this.active?.entryId === active.entryId && this.active.siteContentUrl === active.siteContentUrl ? this.active.siteName : undefined);
    this.active = { ...active, siteName };
    const site = siteName ?? (active.siteContentUrl || 'Default');
    this.item.text = `$(${entry.sandbox ? 'beaker' : 'server'}) ${entry.label} · ${site}`;
    this.item.tooltip = `Tableau: ${entry.label} (${entry.url}), site ${site}`;
    this.item.show();
  }
}
