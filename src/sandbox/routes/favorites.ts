import { requireSiteCaller, type SiteCaller } from '../auth/guards';
import { isAdministratorRole } from '../auth/roles';
import { apiError } from '../http/api-error';
import type { ErrorCodeName } from '../http/error-codes';
import type { RequestContext } from '../http/context';
import { noContent, xml, type RouteResponse } from '../http/respond';
import type { Route } from '../http/router';
import { FAVORITE_KINDS, favoriteTargetExists, favoritesOf, findFavorite, putFavorite, type FavoriteKind } from '../state/favorites';
import type { SiteUser } from '../state/users-ops';
import { favoritesXml } from '../xml/favorite-xml';
import { attribute, childElement, requireChild } from '../xml/parse';
import { contentXml } from './content-access';
import { requireSiteUser } from './user-access';

/** Get Favorites for User, Add Workbook/View/Data Source/Project to Favorites, Delete ... from Favorites. */

const NOT_FOUND: Record<FavoriteKind, { error: ErrorCodeName; noun: string }> = {
  workbook: { error: 'favoriteWorkbookNotFound', noun: 'workbook' },
  view: { error: 'favoriteViewNotFound', noun: 'view' },
  datasource: { error: 'favoriteDatasourceNotFound', noun: 'data source' },
  project: { error: 'projectNotFound', noun: 'project' },
};

/** URI segments of Delete ... from Favorites. */
const KIND_BY_SEGMENT: Record<string, FavoriteKind> = { workbooks: 'workbook', views: 'view', datasources: 'datasource', projects: 'project' };

/** A user manages their own favorites; administrators manage anyone's. */
function requireFavoritesOwner(ctx: RequestContext, caller: SiteCaller, action: string): SiteUser {
  const userId = ctx.param('userId');
  if (caller.user.id !== userId.toLowerCase() && !isAdministratorRole(caller.role)) {
    throw apiError('favoritesForbidden', `User '${caller.user.name}' cannot ${action} another user's favorites; only administrators can.`);
  }
  return requireSiteUser(ctx, caller, userId);
}

function requireTarget(ctx: RequestContext, caller: SiteCaller, kind: FavoriteKind, contentId: string): void {
  if (!favoriteTargetExists(ctx.state, caller.site.id, kind, contentId.toLowerCase())) {
    const { error, noun } = NOT_FOUND[kind];
    throw apiError(error, `The ${noun} ID '${contentId}' doesn't correspond to an existing ${noun} on site '${caller.site.name}'.`);
  }
}

function listResponse(ctx: RequestContext, caller: SiteCaller, owner: SiteUser): RouteResponse {
  return xml(200, { favorites: favoritesXml(ctx.state, contentXml(ctx, caller), favoritesOf(ctx.state, caller.site.id, owner.user.id)) });
}

function getFavorites(ctx: RequestContext): RouteResponse {
  const caller = requireSiteCaller(ctx, ctx.param('siteId'));
  const owner = requireFavoritesOwner(ctx, caller, 'read');
  return listResponse(ctx, caller, owner);
}

async function addFavorite(ctx: RequestContext): Promise<RouteResponse> {
  const caller = requireSiteCaller(ctx, ctx.param('siteId'));
  const owner = requireFavoritesOwner(ctx, caller, 'change');
  const element = requireChild(await ctx.readTsRequest(), 'favorite', 'inside <tsRequest>');
  const kinds = FAVORITE_KINDS.filter((candidate) => childElement(element, candidate) !== undefined);
  if (kinds.length !== 1) {
    throw apiError('badRequest', 'The <favorite> element needs exactly one <workbook>, <view>, <datasource> or <project> child with an id attribute.');
  }
  const kind = kinds[0];
  const contentId = attribute(childElement(element, kind) ?? {}, 'id');
  if (!contentId) throw apiError('badRequest', `The <${kind}> element needs the id attribute of the ${NOT_FOUND[kind].noun}.`);
  const label = attribute(element, 'label') ?? '';
  if (label.trim() === '') throw apiError('invalidFavoriteLabel', 'The favorite label is empty or consists of only white space characters.');
  requireTarget(ctx, caller, kind, contentId);
  const id = contentId.toLowerCase();
  const clash = favoritesOf(ctx.state, caller.site.id, owner.user.id).find((f) => f.kind === kind && f.contentId !== id && f.label === label);
  if (clash) {
    throw apiError('favoriteLabelConflict', `User '${owner.user.name}' already has a favorite ${NOT_FOUND[kind].noun} labelled '${label}'; choose another label.`);
  }
  putFavorite(ctx.state, { siteId: caller.site.id, userId: owner.user.id, kind, contentId: id, label });
  return listResponse(ctx, caller, owner);
}

function deleteFavorite(ctx: RequestContext): RouteResponse {
  const caller = requireSiteCaller(ctx, ctx.param('siteId'));
  const owner = requireFavoritesOwner(ctx, caller, 'change');
  const kind = KIND_BY_SEGMENT[ctx.param('kind')];
  if (!kind) {
    throw apiError('resourceNotFound', `Favorites are workbooks, views, datasources or projects, not '${ctx.param('kind')}'.`);
  }
  const contentId = ctx.param('contentId');
  requireTarget(ctx, caller, kind, contentId);
  const favorite = findFavorite(ctx.state, caller.site.id, owner.user.id, kind, contentId.toLowerCase());
  if (!favorite) {
    throw apiError('notAFavorite', `The ${NOT_FOUND[kind].noun} '${contentId}' exists but is not a favorite of user '${owner.user.name}'.`);
  }
  ctx.state.favorites.delete(favorite.id);
  return noContent();
}

export const favoriteRoutes: Route[] = [
  { method: 'GET', path: '/sites/:siteId/favorites/:userId', handler: getFavorites },
  { method: 'PUT', path: '/sites/:siteId/favorites/:userId', handler: addFavorite },
  { method: 'DELETE', path: '/sites/:siteId/favorites/:userId/:kind/:contentId', handler: deleteFavorite },
];
