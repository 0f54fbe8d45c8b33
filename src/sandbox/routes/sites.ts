import { requireCaller, requireServerAdmin, type Caller } from '../auth/guards';
import { isAdministratorRole } from '../auth/roles';
import { apiError } from '../http/api-error';
import type { RequestContext } from '../http/context';
import { noContent, xml, type RouteResponse } from '../http/respond';
import type { Route } from '../http/router';
import { paginationXml, runListQuery } from '../query/list-query';
import type { QueryFields } from '../query/fields';
import type { SiteRecord } from '../state/types';
import { siteXml, type SiteUsage } from '../xml/site-xml';
import { requireChild } from '../xml/parse';
import { checkSiteConflicts, readSiteChanges } from './site-attributes';

/** Query Sites, Query Site, Create Site, Update Site, Delete Site. */

const SITE_FIELDS: QueryFields<SiteRecord> = {
  name: { type: 'string', filter: ['eq', 'in'], sortable: true, get: (site) => site.name },
  contentUrl: { type: 'string', filter: ['eq', 'in'], sortable: true, get: (site) => site.contentUrl },
};

function usageOf(ctx: RequestContext, site: SiteRecord): SiteUsage | undefined {
  if (ctx.query.get('includeUsageStatistics') !== 'true') return undefined;
  return { numUsers: ctx.state.memberships.get(site.id)?.size ?? 0, storage: 0 };
}

/** Sites the caller may see: every site for server administrators, the sites they belong to for everyone else. */
function querySites(ctx: RequestContext): RouteResponse {
  const caller = requireCaller(ctx);
  const visible = caller.user.serverAdministrator ? [...ctx.state.sites.values()] : ctx.state.sitesOf(caller.user.id);
  const { items, pagination } = runListQuery(visible, ctx.query, SITE_FIELDS, 'Sites');
  return xml(200, {
    pagination: paginationXml(pagination),
    sites: { site: items.map((site) => siteXml(site, usageOf(ctx, site))) },
  });
}

/** `/sites/{id}`, or `/sites/{name}?key=name`, or `/sites/{content-url}?key=contentUrl`. */
function lookupSite(ctx: RequestContext): SiteRecord {
  const key = ctx.query.get('key') ?? 'id';
  const value = ctx.param('siteId');
  let site: SiteRecord | undefined;
  if (key.toLowerCase() === 'id') site = ctx.state.sites.get(value.toLowerCase());
  else if (key.toLowerCase() === 'name') site = ctx.state.findSiteByName(value);
  else if (key.toLowerCase() === 'contenturl') site = ctx.state.findSiteByContentUrl(value);
  else throw apiError('badRequest', `The key parameter must be id, name or contentUrl, not '${key}'.`);
  if (!site) throw apiError('siteNotFound', `No site has the ${key} '${value}'.`);
  return site;
}

/** Server administrators reach every site; other users only the site their token is for. */
function requireSiteAccess(ctx: RequestContext, caller: Caller, site: SiteRecord, needAdmin: boolean): void {
  if (caller.user.serverAdministrator) return;
  const role = ctx.state.siteRoleOf(caller.user.id, site.id);
  if (site.id !== caller.session.siteId || !role) {
    throw apiError('forbidden', `User '${caller.user.name}' is signed in to another site and cannot access site '${site.name}'.`);
  }
  if (needAdmin && !isAdministratorRole(role)) {
    throw apiError('forbidden', `Only administrators can change site '${site.name}'; '${caller.user.name}' is ${role}.`);
  }
}

function querySite(ctx: RequestContext): RouteResponse {
  const caller = requireCaller(ctx);
  const site = lookupSite(ctx);
  requireSiteAccess(ctx, caller, site, false);
  return xml(200, { site: siteXml(site, usageOf(ctx, site)) });
}

async function createSite(ctx: RequestContext): Promise<RouteResponse> {
  const caller = requireCaller(ctx);
  requireServerAdmin(caller, 'create sites');
  const element = requireChild(await ctx.readTsRequest(), 'site', 'inside <tsRequest>');
  const changes = readSiteChanges(element);
  if (changes.name === undefined || changes.contentUrl === undefined) {
    throw apiError('badRequest', 'Create Site needs both the name and contentUrl attributes on <site>.');
  }
  checkSiteConflicts(ctx.state, changes);
  const site = ctx.state.addSite({ ...changes, name: changes.name, contentUrl: changes.contentUrl });
  return xml(201, { site: siteXml(site) });
}

async function updateSite(ctx: RequestContext): Promise<RouteResponse> {
  const caller = requireCaller(ctx);
  const site = lookupSite(ctx);
  requireSiteAccess(ctx, caller, site, true);
  const changes = readSiteChanges(requireChild(await ctx.readTsRequest(), 'site', 'inside <tsRequest>'));
  if (changes.contentUrl !== undefined && site.contentUrl === '' && changes.contentUrl !== '') {
    throw apiError('badRequest', "The Default site's content URL cannot be changed.");
  }
  checkSiteConflicts(ctx.state, changes, site.id);
  Object.assign(site, changes);
  return xml(200, { site: siteXml(site) });
}

function deleteSite(ctx: RequestContext): RouteResponse {
  const caller = requireCaller(ctx);
  requireServerAdmin(caller, 'delete sites');
  const site = lookupSite(ctx);
  if (site.contentUrl === '') throw apiError('forbidden', 'The Default site cannot be deleted.');
  ctx.state.deleteSite(site.id);
  return noContent();
}

export const siteRoutes: Route[] = [
  { method: 'GET', path: '/sites', handler: querySites },
  { method: 'POST', path: '/sites', handler: createSite },
  { method: 'GET', path: '/sites/:siteId', handler: querySite },
  { method: 'PUT', path: '/sites/:siteId', handler: updateSite },
  { method: 'DELETE', path: '/sites/:siteId', handler: deleteSite },
];
