import type { ExplorerNode } from '../nodes';
import { datasourcesSource, workbooksSource } from './content';
import { projectsSource } from './projects';
import type { LoaderContext, SectionSource } from './section-source';
import { sitesSource } from './sites';
import { viewsSource } from './views';

export type { LoaderContext, SectionPage, SectionSource } from './section-source';
export { OwnerNames } from './owners';

/** What lists under each kind of node, in display order. Leaves have none. */
export function sectionsFor(node: ExplorerNode, context: LoaderContext): SectionSource[] {
  switch (node.kind) {
    case 'server':
      return [sitesSource(node, context)];
    case 'site':
      return [projectsSource(node, context)];
    case 'project':
      return [projectsSource(node, context), workbooksSource(node, context), datasourcesSource(node, context)];
    case 'workbook':
      return [viewsSource(node, context)];
    default:
      return [];
  }
}

/** What an empty folder says. */
export function emptyText(node: ExplorerNode): string {
  switch (node.kind) {
    case 'server':
      return 'No sites';
    case 'site':
      return 'No projects on this site';
    case 'project':
      return 'This project is empty';
    case 'workbook':
      return 'No views';
    default:
      return 'Nothing here';
  }
}
