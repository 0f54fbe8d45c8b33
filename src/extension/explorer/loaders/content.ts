import { RequestOptions, type DatasourceItem, type WorkbookItem } from '../../../client';
import type { SessionManager } from '../../servers/session-manager';
import { contentKey, type DatasourceNode, type ProjectNode, type WorkbookNode } from '../nodes';
import { byName, totalOf, type SectionSource } from './section-source';

/**
 * The REST API filters workbooks and data sources by project *name*, not id, and names repeat under different
 * parents: filter by name on the server, then keep only what really sits in this project.
 */
function inProject(project: ProjectNode): Array<[string, string]> {
  return [[RequestOptions.Field.ProjectName, project.project.name]];
}

export function workbooksSource(parent: ProjectNode, sessions: SessionManager): SectionSource {
  return {
    name: 'workbooks',
    async fetchPage(pageNumber, pageSize) {
      const [workbooks, pagination] = await sessions
        .get(parent.scope.serverId)
        .run(parent.scope.siteContentUrl, (server) => server.workbooks.get(byName(pageNumber, pageSize, inProject(parent))));
      const mine = workbooks.filter((workbook) => workbook.projectId === parent.project.id);
      return { nodes: mine.map((workbook) => workbookNode(parent, workbook)), received: workbooks.length, total: totalOf(pagination, workbooks.length) };
    },
  };
}

export function datasourcesSource(parent: ProjectNode, sessions: SessionManager): SectionSource {
  return {
    name: 'datasources',
    async fetchPage(pageNumber, pageSize) {
      const [datasources, pagination] = await sessions
        .get(parent.scope.serverId)
        .run(parent.scope.siteContentUrl, (server) => server.datasources.get(byName(pageNumber, pageSize, inProject(parent))));
      const mine = datasources.filter((datasource) => datasource.projectId === parent.project.id);
      return {
        nodes: mine.map((datasource) => datasourceNode(parent, datasource)),
        received: datasources.length,
        total: totalOf(pagination, datasources.length),
      };
    },
  };
}

export function workbookNode(parent: ProjectNode, workbook: WorkbookItem): WorkbookNode {
  return { kind: 'workbook', key: contentKey(parent.scope, 'workbook', workbook.id ?? ''), parent, scope: parent.scope, workbook, projectPath: parent.path };
}

export function datasourceNode(parent: ProjectNode, datasource: DatasourceItem): DatasourceNode {
  return { kind: 'datasource', key: contentKey(parent.scope, 'datasource', datasource.id ?? ''), parent, scope: parent.scope, datasource, projectPath: parent.path };
}
