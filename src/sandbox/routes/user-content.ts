import { requireSiteCaller } from '../auth/guards';
import { apiError } from '../http/api-error';
import type { RequestContext } from '../http/context';
import { xml, type RouteResponse } from '../http/respond';
import type { Route } from '../http/router';
import { paginationXml, runListQuery } from '../query/list-query';
import { groupsOfUser } from '../state/groups';
import { groupXml } from '../xml/group-xml';
import { contentXml } from './content-access';
import { workbookFields } from './content-fields';
import { groupFields } from './group-fields';
import { requireSelfOrAdmin, requireSiteUser } from './user-access';

/** Get Groups for a User, Query Workbooks for User. */

function groupsForUser(ctx: RequestContext): RouteResponse {
  const caller = requireSiteCaller(ctx, ctx.param('siteId'));
  requireSelfOrAdmin(caller, ctx.param('userId'), 'forbidden', 'list the groups');
  const user = requireSiteUser(ctx, caller, ctx.param('userId'));
  const groups = groupsOfUser(ctx.state, caller.site.id, user.user.id);
  const { items, pagination } = runListQuery(groups, ctx.query, groupFields(ctx.state), 'Groups');
  return xml(200, { pagination: paginationXml(pagination), groups: { group: items.map((group) => groupXml(group)) } });
}

/**
 * The workbooks the user owns. Real servers add those the user may read when `ownedBy` is not `true`; the sandbox
 * models no permissions, so ownership is what it answers either way.
 */
function workbooksForUser(ctx: RequestContext): RouteResponse {
  const caller = requireSiteCaller(ctx, ctx.param('siteId'));
  requireSelfOrAdmin(caller, ctx.param('userId'), 'userWorkbooksReadForbidden', 'query the workbooks');
  const user = requireSiteUser(ctx, caller, ctx.param('userId'));
  const ownedBy = ctx.query.get('ownedBy');
  if (ownedBy !== undefined && ownedBy !== 'true' && ownedBy !== 'false') {
    throw apiError('badRequest', `The ownedBy parameter must be 'true' or 'false', not '${ownedBy}'.`);
  }
  const owned = ctx.state.content.workbooks.listSite(caller.site.id).filter((workbook) => workbook.ownerId === user.user.id);
  const { items, pagination } = runListQuery(owned, ctx.query, workbookFields(ctx.state), 'Workbooks');
  const content = contentXml(ctx, caller);
  return xml(200, { pagination: paginationXml(pagination), workbooks: { workbook: items.map((workbook) => content.workbook(workbook, false)) } });
}

export const userContentRoutes: Route[] = [
  { method: 'GET', path: '/sites/:siteId/users/:userId/groups', handler: groupsForUser },
  { method: 'GET', path: '/sites/:siteId/users/:userId/workbooks', handler: workbooksForUser },
];
