import * as vscode from 'vscode';
import { formatDate, formatSize, joinParts } from './format';
import type { ExplorerNode, SectionName } from './nodes';
import { tooltipFor } from './tooltips';

/** The `contextValue` of each node kind: menus (now and in later issues) key on these. */
export const CONTEXT_VALUES = {
  server: 'tableau.server',
  sandboxServer: 'tableau.server.sandbox',
  site: 'tableau.site',
  project: 'tableau.project',
  workbook: 'tableau.workbook',
  view: 'tableau.view',
  datasource: 'tableau.datasource',
  loadMore: 'tableau.loadMore',
  error: 'tableau.error',
  empty: 'tableau.empty',
} as const;

/** What the tree knows about a server's session when rendering its node. */
export interface ServerStatus {
  signedIn: boolean;
  siteContentUrl?: string;
}

/** The one place where nodes become TreeItems. */
export function renderNode(node: ExplorerNode, serverStatus: (entryId: string) => ServerStatus): vscode.TreeItem {
  const collapsed = vscode.TreeItemCollapsibleState.Collapsed;
  const leaf = vscode.TreeItemCollapsibleState.None;
  switch (node.kind) {
    case 'server': {
      const status = serverStatus(node.entry.id);
      const host = hostOf(node.entry.url);
      const description = joinParts([host, status.signedIn ? 'signed in' : undefined]);
      return item(node, node.entry.label, collapsed, {
        icon: node.entry.sandbox ? 'beaker' : 'server',
        description,
        contextValue: node.entry.sandbox ? CONTEXT_VALUES.sandboxServer : CONTEXT_VALUES.server,
        tooltip: tooltipFor(node, status.signedIn ? `signed in${status.siteContentUrl !== undefined ? ` to site '${status.siteContentUrl || 'Default'}'` : ''}` : 'not signed in'),
      });
    }
    case 'site':
      return item(node, node.scope.siteName, collapsed, {
        icon: 'globe',
        description: node.site.contentUrl || 'default site',
        contextValue: CONTEXT_VALUES.site,
      });
    case 'project':
      return item(node, node.project.name, collapsed, {
        icon: 'folder',
        description: joinParts([node.ownerName, node.project.description ? truncate(node.project.description, 60) : undefined]),
        contextValue: CONTEXT_VALUES.project,
      });
    case 'workbook':
      return item(node, node.workbook.name ?? '(unnamed workbook)', collapsed, {
        icon: 'book',
        description: joinParts([node.ownerName, updated(node.workbook.updatedAt), formatSize(node.workbook.size)]),
        contextValue: CONTEXT_VALUES.workbook,
      });
    case 'view':
      return item(node, node.view.name ?? '(unnamed view)', leaf, {
        icon: node.view.sheetType === 'dashboard' ? 'dashboard' : node.view.sheetType === 'story' ? 'notebook' : 'graph',
        description: joinParts([node.view.sheetType, node.view.totalViews !== undefined ? `${node.view.totalViews} views` : undefined]),
        contextValue: CONTEXT_VALUES.view,
      });
    case 'datasource':
      return item(node, node.datasource.name ?? '(unnamed data source)', leaf, {
        icon: 'database',
        description: joinParts([node.datasource.datasourceType, node.ownerName, updated(node.datasource.updatedAt), formatSize(node.datasource.size)]),
        contextValue: CONTEXT_VALUES.datasource,
      });
    case 'loadMore':
      return item(node, node.loading ? 'Loading…' : 'Load more…', leaf, {
        icon: node.loading ? 'loading~spin' : 'ellipsis',
        description: `${node.loaded} of ${node.total} ${sectionLabel(node.section)}`,
        contextValue: CONTEXT_VALUES.loadMore,
        command: { command: 'tableau.loadMore', title: 'Load More', arguments: [node] },
      });
    case 'error':
      return item(node, `Could not load ${sectionLabel(node.section)}: ${node.message}`, leaf, {
        icon: new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground')),
        description: 'Retry',
        contextValue: CONTEXT_VALUES.error,
        command: { command: 'tableau.retry', title: 'Retry', arguments: [node] },
      });
    case 'empty':
      return item(node, node.text, leaf, { icon: 'info', contextValue: CONTEXT_VALUES.empty });
  }
}

interface ItemParts {
  icon: string | vscode.ThemeIcon;
  description?: string;
  contextValue: string;
  tooltip?: vscode.MarkdownString | string;
  command?: vscode.Command;
}

function item(node: ExplorerNode, label: string, state: vscode.TreeItemCollapsibleState, parts: ItemParts): vscode.TreeItem {
  const treeItem = new vscode.TreeItem(label, state);
  treeItem.id = node.key;
  treeItem.iconPath = typeof parts.icon === 'string' ? new vscode.ThemeIcon(parts.icon) : parts.icon;
  treeItem.description = parts.description;
  treeItem.contextValue = parts.contextValue;
  treeItem.tooltip = parts.tooltip ?? tooltipFor(node);
  treeItem.command = parts.command;
  return treeItem;
}

function sectionLabel(section: SectionName): string {
  return section === 'datasources' ? 'data sources' : section;
}

function updated(date: Date | undefined): string | undefined {
  const day = formatDate(date);
  return day ? `updated ${day}` : undefined;
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
