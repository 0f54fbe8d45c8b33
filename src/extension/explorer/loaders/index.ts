import type { SessionManager } from '../../servers/session-manager';
import type { ExplorerNode } from '../nodes';
import { datasourcesSource, workbooksSource } from './content';
import { projectsSource } from './projects';
import type { SectionSource } from './section-source';
import { sitesSource } from './sites';
import { viewsSource } from './views';

export type { SectionPage, SectionSource } from './section-source';

/** What lists under each kind of node, in display order. Leaves have none. */
export function sectionsFor(node: ExplorerNode, sessions: SessionManager): SectionSource[] {
  switch (node.kind) {
    case 'server':
      return [sitesSource(node, sessions)];
    case 'site':
      return [projectsSource(node, sessions)];
    case 'project':
      return [projectsSource(node, sessions), workbooksSource(node, sessions), datasourcesSource(node, sessions)];
    case 'workbook':
      return [viewsSource(node, sessions)];
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
