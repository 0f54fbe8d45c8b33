import type { DatasourceItem, ProjectItem, SiteItem, ViewItem, WorkbookItem } from '../../client';
import type { ServerEntry } from '../servers/server-entry';

/**
 * The tree's nodes are plain data: what the server said, where the node sits (`parent`, for TreeView.reveal), and
 * a `key` unique in the tree (the TreeItem id, which keeps expansion state across refreshes). Rendering to
 * TreeItems happens in render.ts only; loading in loaders/; state (pages, errors) in the provider.
 */

export type SectionName = 'sites' | 'projects' | 'workbooks' | 'datasources' | 'views';

interface NodeBase {
  key: string;
  parent: ExplorerNode | undefined;
}

export interface ServerNode extends NodeBase {
  kind: 'server';
  entry: ServerEntry;
}

/** Where a node's content lives: which server entry, and which site of it. */
export interface SiteScope {
  serverId: string;
  siteId: string;
  siteContentUrl: string;
  siteName: string;
}

export interface SiteNode extends NodeBase {
  kind: 'site';
  scope: SiteScope;
  site: SiteItem;
}

export interface ProjectNode extends NodeBase {
  kind: 'project';
  scope: SiteScope;
  project: ProjectItem;
  /** Names from the top-level project down to this one. */
  path: string[];
  ownerName?: string;
}

export interface WorkbookNode extends NodeBase {
  kind: 'workbook';
  scope: SiteScope;
  workbook: WorkbookItem;
  projectPath: string[];
  ownerName?: string;
}

export interface ViewNode extends NodeBase {
  kind: 'view';
  scope: SiteScope;
  view: ViewItem;
  workbookName: string;
  projectPath: string[];
}

export interface DatasourceNode extends NodeBase {
  kind: 'datasource';
  scope: SiteScope;
  datasource: DatasourceItem;
  projectPath: string[];
  ownerName?: string;
}

/** "Load more…" at the end of a section that has further pages. */
export interface LoadMoreNode extends NodeBase {
  kind: 'loadMore';
  section: SectionName;
  loaded: number;
  total: number;
  loading: boolean;
}

/** A section failed to load: the reason, and Retry. */
export interface ErrorNode extends NodeBase {
  kind: 'error';
  section: SectionName;
  message: string;
}

/** A folder with nothing in it says so. */
export interface EmptyNode extends NodeBase {
  kind: 'empty';
  text: string;
}

export type ContentNode = SiteNode | ProjectNode | WorkbookNode | ViewNode | DatasourceNode;
export type ExplorerNode = ServerNode | ContentNode | LoadMoreNode | ErrorNode | EmptyNode;

export function serverKey(serverId: string): string {
  return `server:${serverId}`;
}

export function siteKey(serverId: string, siteId: string): string {
  return `${serverKey(serverId)}/site:${siteId}`;
}

/** Content ids are unique within a site, so a content key needs no path: the same key wherever the item is found. */
export function contentKey(scope: SiteScope, kind: 'project' | 'workbook' | 'view' | 'datasource', id: string): string {
  return `${siteKey(scope.serverId, scope.siteId)}/${kind}:${id}`;
}

/** The site a content node belongs to. */
export function siteOf(node: ExplorerNode | undefined): SiteNode | undefined {
  for (let current = node; current; current = current.parent) if (current.kind === 'site') return current;
  return undefined;
}

export function serverOf(node: ExplorerNode | undefined): ServerNode | undefined {
  for (let current = node; current; current = current.parent) if (current.kind === 'server') return current;
  return undefined;
}
