import type { FavoriteRecord } from '../state/favorites';
import type { SandboxState } from '../state/store';
import { attrs, type XmlNode } from './build';
import type { ContentXml } from './content-xml';
import { projectXml } from './project-xml';

/** The favorite's item as its own endpoints describe it (a view with its workbook, owner and project), or undefined once deleted. */
function itemXml(state: SandboxState, content: ContentXml, favorite: FavoriteRecord): XmlNode | undefined {
  const { siteId, contentId } = favorite;
  switch (favorite.kind) {
    case 'project': {
      const project = state.projects.get(siteId, contentId);
      return project && projectXml(project);
    }
    case 'workbook': {
      const workbook = state.content.workbooks.get(siteId, contentId);
      return workbook && content.workbook(workbook, false);
    }
    case 'view': {
      const view = state.content.views.get(siteId, contentId);
      return view && content.view(view, { parents: true });
    }
    case 'datasource': {
      const datasource = state.content.datasources.get(siteId, contentId);
      return datasource && content.datasource(datasource);
    }
  }
}

/** `<favorite label=".." addedAt="..">` holding the item's element (XSD favoriteType). */
export function favoriteXml(state: SandboxState, content: ContentXml, favorite: FavoriteRecord): XmlNode | undefined {
  const item = itemXml(state, content, favorite);
  return item && { [favorite.kind]: item, ...attrs({ label: favorite.label, addedAt: favorite.addedAt }) };
}

/** `<favorites>` with every favorite of the list whose item still exists. */
export function favoritesXml(state: SandboxState, content: ContentXml, favorites: FavoriteRecord[]): XmlNode {
  const nodes = favorites.map((favorite) => favoriteXml(state, content, favorite));
  return { favorite: nodes.filter((node): node is XmlNode => node !== undefined) };
}
