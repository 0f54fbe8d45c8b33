import { Pager, RequestOptions, type DatasourceItem, type ProjectItem, type ViewItem, type WorkbookItem } from '../../client';
import type { SessionManager } from '../servers/session-manager';
import { datasourceNode, workbookNode } from './loaders/content';
import { projectNode } from './loaders/projects';
import { siteNode } from './loaders/sites';
import { viewNode } from './loaders/views';
import type { ExplorerNode, ProjectNode, ServerNode, SiteNode, WorkbookNode } from './nodes';
import type { ExplorerTreeProvider } from './provider';

export type FoundItem = { kind: 'workbook'; item: WorkbookItem } | { kind: 'view'; item: ViewItem } | { kind: 'datasource'; item: DatasourceItem };

/**
 * Puts a found item into the tree with all its ancestors (server → site → projects → workbook → view), loading
 * what is needed and adding items that sit on pages not loaded yet, and returns its node for TreeView.reveal.
 */
export async function locate(tree: ExplorerTreeProvider, sessions: SessionManager, server: ServerNode, siteContentUrl: string, found: FoundItem): Promise<ExplorerNode> {
  const session = sessions.get(server.entry.id);
  const site = await locateSite(tree, sessions, server, siteContentUrl);
  const { workbook, projects } = await session.run(siteContentUrl, async (client) => {
    const workbookItem = found.kind === 'view' ? await client.workbooks.getById(found.item.workbookId ?? '') : found.kind === 'workbook' ? found.item : undefined;
    const projectIndex = new Map<string, ProjectItem>();
    for await (const project of new Pager(client.projects, new RequestOptions(1, 1000))) if (project.id) projectIndex.set(project.id, project);
    return { workbook: workbookItem, projects: projectIndex };
  });
  const projectId = workbook?.projectId ?? (found.kind === 'datasource' ? found.item.projectId : '');
  let parent: SiteNode | ProjectNode = site;
  for (const project of projectChain(projects, projectId)) {
    parent = (await tree.ensureChild(parent, 'projects', projectNode(parent, project))) as ProjectNode;
  }
  if (parent.kind !== 'project') throw new Error(`The project that holds '${found.item.name ?? ''}' is not visible to the signed-in user.`);
  if (found.kind === 'datasource') return tree.ensureChild(parent, 'datasources', datasourceNode(parent, found.item));
  const workbookAt = (await tree.ensureChild(parent, 'workbooks', workbookNode(parent, workbook as WorkbookItem))) as WorkbookNode;
  if (found.kind === 'workbook') return workbookAt;
  return tree.ensureChild(workbookAt, 'views', viewNode(workbookAt, found.item));
}

async function locateSite(tree: ExplorerTreeProvider, sessions: SessionManager, server: ServerNode, siteContentUrl: string): Promise<SiteNode> {
  const sites = await tree.getChildren(server);
  const loaded = sites.find((node): node is SiteNode => node.kind === 'site' && node.scope.siteContentUrl === siteContentUrl);
  if (loaded) return loaded;
  const error = sites.find((node) => node.kind === 'error');
  if (error?.kind === 'error') throw new Error(error.message);
  const item = await sessions.get(server.entry.id).run(siteContentUrl, (client) => client.sites.getById(client.siteId ?? ''));
  return (await tree.ensureChild(server, 'sites', siteNode(server, item))) as SiteNode;
}

/** The projects from the top level down to `projectId`. */
function projectChain(projects: Map<string, ProjectItem>, projectId: string): ProjectItem[] {
  const chain: ProjectItem[] = [];
  const seen = new Set<string>();
  for (let project = projects.get(projectId); project && !seen.has(project.id ?? ''); project = project.parentId ? projects.get(project.parentId) : undefined) {
    seen.add(project.id ?? '');
    chain.unshift(project);
  }
  return chain;
}
