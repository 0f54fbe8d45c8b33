import type { ViewItem } from '../../../client';
import { contentKey, type ViewNode, type WorkbookNode } from '../nodes';
import type { LoaderContext, SectionSource } from './section-source';

/** A workbook's views; Query Views for Workbook answers them all at once, so this section has a single page. */
export function viewsSource(parent: WorkbookNode, { sessions }: LoaderContext): SectionSource {
  return {
    name: 'views',
    async fetchPage() {
      const views = await sessions.get(parent.scope.serverId).run(parent.scope.siteContentUrl, async (server) => {
        await server.workbooks.populateViews(parent.workbook);
        return parent.workbook.views;
      });
      return { nodes: views.map((view) => viewNode(parent, view)), received: views.length, total: views.length };
    },
  };
}

export function viewNode(parent: WorkbookNode, view: ViewItem): ViewNode {
  return {
    kind: 'view',
    key: contentKey(parent.scope, 'view', view.id ?? ''),
    parent,
    scope: parent.scope,
    view,
    workbookName: parent.workbook.name ?? '',
    projectPath: parent.projectPath,
  };
}
