import { child, children, type XmlElement } from '../xml/parse';
import { DatasourceItem } from './datasource-item';
import { ProjectItem } from './project-item';
import { ViewItem } from './view-item';
import { WorkbookItem } from './workbook-item';

/** A user's favorites by kind, as Get Favorites for User returns them. */
export interface UserFavorites {
  workbooks: WorkbookItem[];
  views: ViewItem[];
  datasources: DatasourceItem[];
  projects: ProjectItem[];
}

/** `<favorites><favorite label=".."><workbook|view|datasource|project/></favorite>...</favorites>`; other kinds are skipped. */
export function favoritesFromResponse(response: XmlElement): UserFavorites {
  const favorites: UserFavorites = { workbooks: [], views: [], datasources: [], projects: [] };
  for (const favorite of children(child(response, 'favorites'), 'favorite')) {
    const workbook = child(favorite, 'workbook');
    const view = child(favorite, 'view');
    const datasource = child(favorite, 'datasource');
    const project = child(favorite, 'project');
    if (workbook) favorites.workbooks.push(WorkbookItem.fromElement(workbook));
    else if (view) favorites.views.push(ViewItem.fromElement(view));
    else if (datasource) favorites.datasources.push(DatasourceItem.fromElement(datasource));
    else if (project) favorites.projects.push(ProjectItem.fromElement(project));
  }
  return favorites;
}
