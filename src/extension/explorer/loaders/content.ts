import { RequestOptions, type DatasourceItem, type PaginationItem, type Server, type WorkbookItem } from '../../../client';
import { contentKey, type DatasourceNode, type ProjectNode, type WorkbookNode } from '../nodes';
import { byName, totalOf, type LoaderContext, type SectionPage, type SectionSource } from './section-source';

/**
 * The REST API filters workbooks and data sources by project *name*, not id, and names repeat under different
 * parents: filter by name on the server, then keep only what really sits in this project.
 */
function inProject(project: ProjectNode): Array<[string, string]> {
  return [[RequestOptions.Field.ProjectName, project.project.name]];
}

type Listing<T> = (server: Server, options: RequestOptions) => Promise<[T[], PaginationItem]>;

async function fetchInProject<T extends { projectId: string; ownerId?: string }>(
  parent: ProjectNode,
  { sessions, owners }: LoaderContext,
  list: Listing<T>,
  pageNumber: number,
  pageSize: number,
  toNode: (item: T, ownerName: string | undefined) => SectionPage['nodes'][number],
): Promise<SectionPage> {
  const [items, pagination, names] = await sessions.get(parent.scope.serverId).run(parent.scope.siteContentUrl, async (server) => {
    const [listed, page] = await list(server, byName(pageNumber, pageSize, inProject(parent)));
    const mine = listed.filter((item) => item.projectId === parent.project.id);
    return [listed, page, await owners.resolve(server, parent.scope, mine.map((item) => item.ownerId))] as const;
  });
  const mine = items.filter((item) => item.projectId === parent.project.id);
  return { nodes: mine.map((item) => toNode(item, names.get(item.ownerId ?? ''))), received: items.length, total: totalOf(pagination, items.length) };
}

export function workbooksSource(parent: ProjectNode, context: LoaderContext): SectionSource {
  return {
    name: 'workbooks',
    fetchPage: (pageNumber, pageSize) =>
      fetchInProject(parent, context, (server, options) => server.workbooks.get(options), pageNumber, pageSize, (item: WorkbookItem, owner) => workbookNode(parent, item, owner)),
  };
}

export function datasourcesSource(parent: ProjectNode, context: LoaderContext): SectionSource {
  return {
    name: 'datasources',
    fetchPage: (pageNumber, pageSize) =>
      fetchInProject(parent, context, (server, options) => server.datasources.get(options), pageNumber, pageSize, (item: DatasourceItem, owner) => datasourceNode(parent, item, owner)),
  };
}

export function workbookNode(parent: ProjectNode, workbook: WorkbookItem, ownerName?: string): WorkbookNode {
  return { kind: 'workbook', key: contentKey(parent.scope, 'workbook', workbook.id ?? ''), parent, scope: parent.scope, workbook, projectPath: parent.path, ownerName };
}

export function datasourceNode(parent: ProjectNode, datasource: DatasourceItem, ownerName?: string): DatasourceNode {
  return {
    kind: 'datasource',
    key: contentKey(parent.scope, 'datasource', datasource.id ?? ''),
    parent,
    scope: parent.scope,
    datasource,
    projectPath: parent.path,
    ownerName,
  };
}
