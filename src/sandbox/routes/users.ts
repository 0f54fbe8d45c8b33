import { requireSiteCaller, type SiteCaller } from '../auth/guards';
import { isAdministratorRole } from '../auth/roles';
import { apiError } from '../http/api-error';
import type { RequestContext } from '../http/context';
import { noContent, xml, type RouteResponse } from '../http/respond';
import type { Route } from '../http/router';
import { paginationXml, runListQuery } from '../query/list-query';
import type { SiteRole, UserRecord } from '../state/types';
import { parseSiteRole } from '../state/users-roles';
import { addUserToSite, removeUserFromSite, siteUsers, type SiteUser } from '../state/users-ops';
import { enumAttribute } from '../xml/attribute-values';
import { attribute, requireChild, type RequestElement } from '../xml/parse';
import { userXml } from '../xml/user-xml';
import { requireSelfOrAdmin, requireSiteAdmin, requireSiteUser, requireUserManager } from './user-access';
import { userFields } from './user-fields';

/** Get Users on Site, Query User On Site, Add User to Site, Update User, Remove User from Site. */

const AUTH_SETTINGS: ReadonlyArray<NonNullable<UserRecord['authSetting']>> = ['ServerDefault', 'SAML', 'OpenID'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function queryUsers(ctx: RequestContext): RouteResponse {
  const caller = requireSiteCaller(ctx, ctx.param('siteId'));
  requireSiteAdmin(caller, 'list the users of the site');
  const { items, pagination } = runListQuery(siteUsers(ctx.state, caller.site.id), ctx.query, userFields(), 'Users');
  return xml(200, { pagination: paginationXml(pagination), users: { user: items.map((user) => userXml(user)) } });
}

function queryUser(ctx: RequestContext): RouteResponse {
  const caller = requireSiteCaller(ctx, ctx.param('siteId'));
  requireSelfOrAdmin(caller, ctx.param('userId'), 'queryUserForbidden', 'query the details');
  return xml(200, { user: userXml(requireSiteUser(ctx, caller, ctx.param('userId'))) });
}

function readName(element: RequestElement): string | undefined {
  const name = attribute(element, 'name');
  if (name !== undefined && name.trim() === '') throw apiError('badRequest', 'The user name must not be empty.');
  return name?.trim();
}

async function addUser(ctx: RequestContext): Promise<RouteResponse> {
  const caller = requireSiteCaller(ctx, ctx.param('siteId'));
  requireUserManager(caller, 'add users to the site');
  const element = requireChild(await ctx.readTsRequest(), 'user', 'inside <tsRequest>');
  const name = readName(element);
  const rawRole = attribute(element, 'siteRole');
  if (name === undefined || rawRole === undefined) {
    throw apiError('badRequest', 'The <user> element needs a name and a siteRole attribute, e.g. <user name="jsmith" siteRole="Viewer"/>.');
  }
  const added = addUserToSite(ctx.state, caller.site, {
    name,
    siteRole: parseSiteRole(rawRole, 'add'),
    authSetting: enumAttribute(element, 'authSetting', AUTH_SETTINGS),
  });
  return xml(201, { user: userXml(added) });
}

function forbidden(detail: string) {
  return apiError('forbidden', detail);
}

/** A changed site role: never one's own, never a server administrator's, ServerAdministrator only from one. */
function checkRoleChange(caller: SiteCaller, target: SiteUser, role: SiteRole): void {
  if (target.user.id === caller.user.id) {
    throw apiError('licensingUpdateOnSelf', `A user cannot update their own site role ('${caller.user.name}' is ${caller.role}); ask another administrator.`);
  }
  requireUserManager(caller, 'change site roles');
  if (target.user.serverAdministrator) {
    throw forbidden(`'${target.user.name}' is a server administrator, whose ServerAdministrator role applies to every site and cannot be changed per site.`);
  }
  if (role === 'ServerAdministrator' && !caller.user.serverAdministrator) {
    throw forbidden('Only server administrators can make another user a server administrator.');
  }
}

/** Name, full name, email and password are server-wide: a site administrator may change them only for users who are on no other site. */
function checkAccountChange(ctx: RequestContext, caller: SiteCaller, target: SiteUser): void {
  if (caller.user.serverAdministrator) return;
  const elsewhere = ctx.state.sitesOf(target.user.id).filter((site) => !isAdministratorRole(ctx.state.siteRoleOf(caller.user.id, site.id)));
  if (target.user.serverAdministrator || elsewhere.length > 0) {
    const where = target.user.serverAdministrator ? 'a server administrator' : `also a member of site(s) ${elsewhere.map((s) => `'${s.name}'`).join(', ')}`;
    throw forbidden(`'${target.user.name}' is ${where}; only a server administrator (or a site administrator of all their sites) can change their name, full name, email or password.`);
  }
}

async function updateUser(ctx: RequestContext): Promise<RouteResponse> {
  const caller = requireSiteCaller(ctx, ctx.param('siteId'));
  requireSiteAdmin(caller, 'update users');
  const target = requireSiteUser(ctx, caller, ctx.param('userId'));
  const element = requireChild(await ctx.readTsRequest(), 'user', 'inside <tsRequest>');
  const name = readName(element);
  const fullName = attribute(element, 'fullName');
  const email = attribute(element, 'email');
  const password = attribute(element, 'password');
  const rawRole = attribute(element, 'siteRole');
  const authSetting = enumAttribute(element, 'authSetting', AUTH_SETTINGS);
  const role = rawRole === undefined ? target.role : parseSiteRole(rawRole, 'update');
  if (role !== target.role) checkRoleChange(caller, target, role);
  // Clients send back unchanged values (TSC sends the whole item); only real changes need the wider right.
  const changes = (value: string | undefined, current: string) => value !== undefined && value !== current;
  const accountChanges = changes(name, target.user.name) || changes(fullName, target.user.fullName) || changes(email, target.user.email) || password !== undefined;
  if (accountChanges) checkAccountChange(ctx, caller, target);
  if (email !== undefined && email !== '' && !EMAIL.test(email)) throw apiError('badRequest', `Invalid email address: '${email}' is not an email address.`);
  if (password !== undefined && password === '') throw apiError('badRequest', 'The password must not be empty.');
  const clash = name !== undefined ? ctx.state.findUserByName(name) : undefined;
  if (clash && clash.id !== target.user.id) throw apiError('userConflict', `A user named '${clash.name}' is already registered on the server.`);

  const user = target.user;
  user.name = name ?? user.name;
  user.fullName = fullName ?? user.fullName;
  user.email = email ?? user.email;
  user.password = password ?? user.password;
  user.authSetting = authSetting ?? user.authSetting;
  if (role === 'ServerAdministrator' && !user.serverAdministrator) {
    user.serverAdministrator = true;
    for (const siteId of ctx.state.sites.keys()) ctx.state.setMembership(siteId, user.id, 'ServerAdministrator');
  } else {
    ctx.state.setMembership(caller.site.id, user.id, role);
  }
  return xml(200, { user: userXml({ user, siteId: caller.site.id, role }, true) });
}

function removeUser(ctx: RequestContext): RouteResponse {
  const caller = requireSiteCaller(ctx, ctx.param('siteId'));
  requireUserManager(caller, 'remove users from the site');
  const target = requireSiteUser(ctx, caller, ctx.param('userId'));
  if (target.user.id === caller.user.id) throw forbidden('You cannot remove yourself from the site; ask another administrator.');
  if (target.user.serverAdministrator) {
    throw forbidden(`'${target.user.name}' is a server administrator and belongs to every site; server administrators cannot be removed from a site.`);
  }
  const mapTo = ctx.query.get('mapAssetsTo');
  const heir = mapTo ? requireSiteUser(ctx, caller, mapTo, 'in mapAssetsTo') : undefined;
  if (heir && heir.user.id === target.user.id) throw apiError('badRequest', 'mapAssetsTo must name another user than the one being removed.');
  removeUserFromSite(ctx.state, caller.site, target, heir);
  return noContent();
}

export const userRoutes: Route[] = [
  { method: 'GET', path: '/sites/:siteId/users', handler: queryUsers },
  { method: 'POST', path: '/sites/:siteId/users', handler: addUser },
  { method: 'GET', path: '/sites/:siteId/users/:userId', handler: queryUser },
  { method: 'PUT', path: '/sites/:siteId/users/:userId', handler: updateUser },
  { method: 'DELETE', path: '/sites/:siteId/users/:userId', handler: removeUser },
];
