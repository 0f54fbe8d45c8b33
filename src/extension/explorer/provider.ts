import * as vscode from 'vscode';
import type { ServerRegistry } from '../servers/registry';
import type { SessionManager } from '../servers/session-manager';
import { pageSize } from '../settings/explorer-settings';
import { emptyText, OwnerNames, sectionsFor } from './loaders';
import type { EmptyNode, ErrorNode, ExplorerNode, LoadMoreNode, SectionName, ServerNode } from './nodes';
import { serverKey } from './nodes';
import { renderNode } from './render';
import { loadNextPage, newSection, visibleNodes, type SectionState } from './section-state';

interface ChildrenState {
  sections: SectionState[];
  firstLoad: Promise<void>;
  empty: EmptyNode;
}

/**
 * The Servers tree: servers from the registry at the top, everything below loaded from the server on expand, a
 * page at a time. Children are cached per node until refreshed, so nodes keep their identity (VS Code needs that
 * for refresh events and reveal).
 */
export class ExplorerTreeProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly servers = new Map<string, ServerNode>();
  private readonly children = new Map<string, ChildrenState>();
  private readonly subscriptions: vscode.Disposable[];
  private generation = 0;
  private readonly owners = new OwnerNames();

  constructor(
    private readonly registry: ServerRegistry,
    private readonly sessions: SessionManager,
    private readonly describe: (error: unknown, parent: ExplorerNode) => string,
  ) {
    this.subscriptions = [
      registry.onDidChange(() => this.syncServers()),
      sessions.onDidSignIn((session) => this.fireServer(session.entry.id)),
      sessions.onDidSignOut((id) => this.collapseServer(id)),
    ];
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    return renderNode(node, (entryId) => {
      const session = this.sessions.peek(entryId);
      return { signedIn: session?.isSignedIn ?? false, siteContentUrl: session?.siteContentUrl };
    });
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    if (!node) return this.serverNodes();
    const state = this.stateFor(node);
    if (!state) return [];
    await state.firstLoad;
    const nodes = state.sections.flatMap(visibleNodes);
    return nodes.length > 0 || state.sections.some((section) => !section.done) ? nodes : [state.empty];
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return node.parent;
  }

  /** Reloads a node's children (everything when no node is given) the next time they are shown. */
  refresh(node?: ExplorerNode): void {
    if (!node) {
      this.children.clear();
      this.owners.clear();
      this.changed.fire(undefined);
      return;
    }
    this.forget(node);
    this.changed.fire(node);
  }

  /** The next page of the section a "Load more…" node ends; a click while it loads does nothing more. */
  async loadMore(node: LoadMoreNode): Promise<void> {
    const section = this.section(node.parent, node.section);
    if (!section || !node.parent) return;
    const wasLoading = section.loading !== undefined;
    const loading = loadNextPage(node.parent, section, this.describe);
    if (!wasLoading) this.changed.fire(node.parent);
    await loading;
    if (!wasLoading) this.changed.fire(node.parent);
  }

  /** Tries a failed section again: its first page when nothing had loaded, else the page that failed. */
  async retry(node: ErrorNode): Promise<void> {
    const parent = node.parent;
    const section = this.section(parent, node.section);
    if (!section || !parent) return;
    if (section.loading) return section.loading;
    if (section.pagesLoaded === 0) {
      // A failed first page (often the sign-in) retries the whole node, as expanding it again would.
      this.refresh(parent);
      await this.getChildren(parent);
      return;
    }
    const loading = loadNextPage(parent, section, this.describe);
    this.changed.fire(parent);
    await loading;
    this.changed.fire(parent);
  }

  /**
   * Makes `child` one of `parent`'s children in `sectionName`, loading the parent's first page if needed and
   * adding the child when it is on a page not loaded yet. Returns the node the tree holds, for TreeView.reveal.
   */
  async ensureChild(parent: ExplorerNode, sectionName: SectionName, child: ExplorerNode): Promise<ExplorerNode> {
    const state = this.stateFor(parent);
    if (!state) throw new Error(`A ${parent.kind} has no ${sectionName}.`);
    await state.firstLoad;
    const section = state.sections.find((candidate) => candidate.source.name === sectionName);
    if (!section) throw new Error(`A ${parent.kind} has no ${sectionName}.`);
    if (section.error) throw new Error(section.error.message);
    const existing = section.nodes.find((node) => node.key === child.key);
    if (existing) return existing;
    section.nodes.push(child);
    this.changed.fire(parent);
    return child;
  }

  serverNode(entryId: string): ServerNode | undefined {
    this.syncServers(false);
    return this.servers.get(entryId);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }

  private serverNodes(): ServerNode[] {
    this.syncServers(false);
    return [...this.servers.values()].sort((a, b) => a.entry.label.localeCompare(b.entry.label));
  }

  /** Keeps one node object per entry (updated in place), so expansion and reveal survive registry changes. */
  private syncServers(fire = true): void {
    const entries = this.registry.list();
    const ids = new Set(entries.map((entry) => entry.id));
    for (const [id, node] of this.servers) {
      if (!ids.has(id)) {
        this.forget(node);
        this.servers.delete(id);
      }
    }
    for (const entry of entries) {
      const node = this.servers.get(entry.id);
      if (!node) this.servers.set(entry.id, { kind: 'server', key: serverKey(entry.id), parent: undefined, entry });
      else if (JSON.stringify(node.entry) !== JSON.stringify(entry)) {
        node.entry = entry;
        this.forget(node);
      }
    }
    if (fire) this.changed.fire(undefined);
  }

  /**
   * After a sign-out the server shows collapsed, so that nothing signs in again until the person expands it: a new
   * node key is a new tree element to VS Code, and new elements start collapsed.
   */
  private collapseServer(entryId: string): void {
    const node = this.servers.get(entryId);
    if (!node) return;
    this.forget(node);
    this.generation += 1;
    this.servers.set(entryId, { kind: 'server', key: `${serverKey(entryId)}#${this.generation}`, parent: undefined, entry: node.entry });
    this.changed.fire(undefined);
  }

  private fireServer(entryId: string): void {
    const node = this.servers.get(entryId);
    if (node) this.changed.fire(node);
  }

  private stateFor(node: ExplorerNode): ChildrenState | undefined {
    const existing = this.children.get(node.key);
    if (existing) return existing;
    const sources = sectionsFor(node, { sessions: this.sessions, owners: this.owners });
    if (sources.length === 0) return undefined;
    const size = pageSize();
    const sections = sources.map((source) => newSection(node, source, size));
    const state: ChildrenState = {
      sections,
      empty: { kind: 'empty', key: `${node.key}/empty`, parent: node, text: emptyText(node) },
      // Sections of one node load one after another: they share the server session anyway.
      firstLoad: (async () => {
        for (const section of sections) await loadNextPage(node, section, this.describe);
      })(),
    };
    this.children.set(node.key, state);
    return state;
  }

  private section(parent: ExplorerNode | undefined, name: SectionName): SectionState | undefined {
    if (!parent) return undefined;
    return this.children.get(parent.key)?.sections.find((section) => section.source.name === name);
  }

  /** Drops the cached children of a node and of everything below it. */
  private forget(node: ExplorerNode): void {
    const state = this.children.get(node.key);
    if (!state) return;
    this.children.delete(node.key);
    for (const section of state.sections) for (const child of section.nodes) this.forget(child);
  }
}
