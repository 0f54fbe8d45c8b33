import * as vscode from 'vscode';
import type { ExplorerNode } from './nodes';
import { formatDateTime } from './format';

type Row = [label: string, value: string | undefined];

/**
 * Markdown tooltips. Every value comes from a server, so each is appended as text (escaped), never as Markdown:
 * a workbook named `[x](command:...)` shows as those characters and runs nothing.
 */
export function tooltipFor(node: ExplorerNode, serverDescription?: string): vscode.MarkdownString | string | undefined {
  switch (node.kind) {
    case 'server':
      return table(node.entry.label, [
        ['URL', node.entry.url],
        ['Site', node.entry.siteContentUrl || 'Default'],
        ['Sign-in', node.entry.authKind === 'token' ? `personal access token '${node.entry.identity}'` : `user '${node.entry.identity}'`],
        ['Certificates', node.entry.skipTlsVerification ? 'not verified (chosen for this server)' : undefined],
        ['Status', serverDescription],
      ]);
    case 'site':
      return table(node.site.name, [
        ['Id', node.site.id],
        ['Content URL', node.site.contentUrl || '(default site)'],
        ['State', node.site.state],
        ['Admin mode', node.site.adminMode],
      ]);
    case 'project':
      return table(node.project.name, [
        ['Id', node.project.id],
        ['Path', node.path.join(' / ')],
        ['Description', node.project.description],
        ['Owner', owner(node.ownerName, node.project.ownerId)],
        ['Permissions', node.project.contentPermissions],
        ['Created', formatDateTime(node.project.createdAt)],
        ['Updated', formatDateTime(node.project.updatedAt)],
      ]);
    case 'workbook':
      return table(node.workbook.name ?? '', [
        ['Id', node.workbook.id],
        ['Project', node.projectPath.join(' / ')],
        ['Description', node.workbook.description],
        ['Owner', owner(node.ownerName, node.workbook.ownerId)],
        ['Created', formatDateTime(node.workbook.createdAt)],
        ['Updated', formatDateTime(node.workbook.updatedAt)],
        ['Size', node.workbook.size === undefined ? undefined : `${node.workbook.size} MB`],
        ['Tags', tags(node.workbook.tags)],
        ['Content URL', node.workbook.contentUrl],
      ]);
    case 'view':
      return table(node.view.name ?? '', [
        ['Id', node.view.id],
        ['Workbook', node.workbookName],
        ['Project', node.projectPath.join(' / ')],
        ['Type', node.view.sheetType],
        ['Owner', node.view.ownerId],
        ['Created', formatDateTime(node.view.createdAt)],
        ['Updated', formatDateTime(node.view.updatedAt)],
        ['Tags', tags(node.view.tags)],
        ['Content URL', node.view.contentUrl],
      ]);
    case 'datasource':
      return table(node.datasource.name ?? '', [
        ['Id', node.datasource.id],
        ['Project', node.projectPath.join(' / ')],
        ['Type', node.datasource.datasourceType],
        ['Description', node.datasource.description],
        ['Owner', owner(node.ownerName, node.datasource.ownerId)],
        ['Created', formatDateTime(node.datasource.createdAt)],
        ['Updated', formatDateTime(node.datasource.updatedAt)],
        ['Size', node.datasource.size === undefined ? undefined : `${node.datasource.size} MB`],
        ['Tags', tags(node.datasource.tags)],
        ['Content URL', node.datasource.contentUrl],
      ]);
    case 'error':
      return table('Could not load', [['Reason', node.message], ['Retry', 'click this item, or the Retry button']]);
    case 'loadMore':
      return `Shows the next page (${node.loaded} of ${node.total} loaded).`;
    case 'empty':
      return undefined;
  }
}

function owner(name: string | undefined, id: string | undefined): string | undefined {
  return name && id ? `${name} (${id})` : (name ?? id);
}

function tags(set: Set<string>): string | undefined {
  return set.size > 0 ? [...set].sort().join(', ') : undefined;
}

function table(title: string, rows: Row[]): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString();
  markdown.appendMarkdown('**');
  markdown.appendText(title);
  markdown.appendMarkdown('**\n\n');
  for (const [label, value] of rows) {
    if (value === undefined || value === '') continue;
    markdown.appendMarkdown(`${label}: `);
    markdown.appendText(value);
    markdown.appendMarkdown('  \n');
  }
  return markdown;
}
