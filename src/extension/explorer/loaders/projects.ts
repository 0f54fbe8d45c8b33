import { RequestOptions, type ProjectItem } from '../../../client';
import { contentKey, type ProjectNode, type SiteNode } from '../nodes';
import { byName, totalOf, type LoaderContext, type SectionSource } from './section-source';

/** The projects directly inside a site (top-level) or inside a project, asked of the server level by level. */
export function projectsSource(parent: SiteNode | ProjectNode, { sessions, owners }: LoaderContext): SectionSource {
  const filter: [string, string | boolean] =
    parent.kind === 'site' ? [RequestOptions.Field.TopLevelProject, true] : [RequestOptions.Field.ParentProjectId, parent.project.id ?? ''];
  return {
    name: 'projects',
    async fetchPage(pageNumber, pageSize) {
      const [projects, pagination, names] = await sessions.get(parent.scope.serverId).run(parent.scope.siteContentUrl, async (server) => {
        const [items, page] = await server.projects.get(byName(pageNumber, pageSize, [filter]));
        return [items, page, await owners.resolve(server, parent.scope, items.map((item) => item.ownerId))] as const;
      });
      return {
        nodes: projects.map((project) => projectNode(parent, project, names.get(project.ownerId ?? ''))),
        received: projects.length,
        total: totalOf(pagination, projects.length),
      };
    },
  };
}

export function projectNode(parent: SiteNode | ProjectNode, project: ProjectItem, ownerName?: string): ProjectNode {
  return {
    kind: 'project',
    key: contentKey(parent.scope, 'project', project.id ?? project.name),
    parent,
    scope: parent.scope,
    project,
    path: parent.kind === 'project' ? [...parent.path, project.name] : [project.name],
    ownerName,
  };
}
