import { requireSiteCaller, type SiteCaller } from '../auth/guards';
import { apiError } from '../http/api-error';
import type { RequestContext } from '../http/context';
import { noContent, xml, type RouteResponse } from '../http/respond';
import type { Route } from '../http/router';
import { paginationXml, runListQuery } from '../query/list-query';
import { addGroup, findGroup, findGroupNamed, groupMemberIds, isGroupMember, siteGroups, type GroupRecord } from '../state/groups';
import { parseSiteRole } from '../state/users-roles';
import { findSiteUser, type SiteUser } from '../state/users-ops';
import { groupXml } from '../xml/group-xml';
import { attribute, childElement, requireChild, type RequestElement } from '../xml/parse';
import { userXml } from '../xml/user-xml';
import { groupFields } from './group-fields';
import { requireSiteAdmin, requireSiteUser } from './user-access';
import { userFields } from './user-fields';

/** Query Groups, Create Group, Update Group, Delete Group, Get Users in Group, Add User to Group, Remove User from Group. */

function requireGroup(ctx: RequestContext, caller: SiteCaller, groupId: string): GroupRecord {
  const group = findGroup(ctx.state, caller.site.id, groupId);
  if (!group) {
    throw apiError('groupNotFound', `The group ID '${groupId}' doesn't correspond to an existing group of site '${caller.site.name}'.`);
  }
  return group;
}

function readGroupName(element: RequestElement, required: boolean): string | undefined {
  const name = attribute(element, 'name');
  if (name === undefined) {
    if (required) throw apiError('badRequest', 'The <group> element needs a name attribute, e.g. <group name="Analysts"/>.');
    return undefined;
  }
  if (name.trim() === '') throw apiError('badRequest', 'The group name must not be empty.');
  return name.trim();
}

function requireUniqueName(ctx: RequestContext, caller: SiteCaller, name: string, exceptId?: string): void {
  const clash = findGroupNamed(ctx.state, caller.site.id, name, exceptId);
  if (clash) throw apiError('groupNameConflict', `A group named '${clash.name}' already exists on site '${caller.site.name}' (names are case-insensitive).`);
}

function refuseImport(element: RequestElement): void {
  if (childElement(element, 'import')) {
    throw apiError('activeDirectoryNotConfigured', 'The sandbox uses local authentication: groups cannot be imported from Active Directory. Create a local group instead.');
  }
}

function refuseAllUsers(group: GroupRecord, action: string): void {
  if (group.isAllUsers) throw apiError('forbidden', `The All Users group always holds every user of the site; it cannot ${action}.`);
}

function queryGroups(ctx: RequestContext): RouteResponse {
  const caller = requireSiteCaller(ctx, ctx.param('siteId'));
  const { items, pagination } = runListQuery(siteGroups(ctx.state, caller.site.id), ctx.query, groupFields(ctx.state), 'Groups');
  return xml(200, { pagination: paginationXml(pagination), groups: { group: items.map((group) => groupXml(group)) } });
}

async function createGroup(ctx: RequestContext): Promise<RouteResponse> {
  const caller = requireSiteCaller(ctx, ctx.param('siteId'));
  requireSiteAdmin(caller, 'create groups');
  const element = requireChild(await ctx.readTsRequest(), 'group', 'inside <tsRequest>');
  refuseImport(element);
  const name = readGroupName(element, true) as string;
  const rawRole = attribute(element, 'minimumSiteRole');
  const minimumSiteRole = rawRole === undefined ? null : parseSiteRole(rawRole, 'group', 'minimumSiteRole');
  requireUniqueName(ctx, caller, name);
  const group = addGroup(ctx.state, { siteId: caller.site.id, name, minimumSiteRole });
  return xml(201, { group: groupXml(group) });
}

async function updateGroup(ctx: RequestContext): Promise<RouteResponse> {
  const caller = requireSiteCaller(ctx, ctx.param('siteId'));
  requireSiteAdmin(caller, 'update groups');
  const group = requireGroup(ctx, caller, ctx.param('groupId'));
  const element = requireChild(await ctx.readTsRequest(), 'group', 'inside <tsRequest>');
  refuseImport(element);
  const name = readGroupName(element, false);
  const rawRole = attribute(element, 'minimumSiteRole');
  if (name !== undefined && name !== group.name) {
    refuseAllUsers(group, 'be renamed');
    requireUniqueName(ctx, caller, name, group.id);
    group.name = name;
  }
  if (rawRole !== undefined) group.minimumSiteRole = rawRole === '' ? null : parseSiteRole(rawRole, 'group', 'minimumSiteRole');
  return xml(200, { group: groupXml(group) });
}

function deleteGroup(ctx: RequestContext): RouteResponse {
  const caller = requireSiteCaller(ctx, ctx.param('siteId'));
  requireSiteAdmin(caller, 'delete groups');
  const group = requireGroup(ctx, caller, ctx.param('groupId'));
  refuseAllUsers(group, 'be deleted');
  ctx.state.groups.delete(group.id);
  return noContent();
}

function usersInGroup(ctx: RequestContext): RouteResponse {
  const caller = requireSiteCaller(ctx, ctx.param('siteId'));
  requireSiteAdmin(caller, 'list the users of a group');
  const group = requireGroup(ctx, caller, ctx.param('groupId'));
  const members = groupMemberIds(ctx.state, group)
    .map((userId) => findSiteUser(ctx.state, caller.site.id, userId))
    .filter((member): member is SiteUser => member !== undefined);
  const { items, pagination } = runListQuery(members, ctx.query, userFields(), 'Users');
  return xml(200, { pagination: paginationXml(pagination), users: { user: items.map((user) => userXml(user)) } });
}

async function addUserToGroup(ctx: RequestContext): Promise<RouteResponse> {
  const caller = requireSiteCaller(ctx, ctx.param('siteId'));
  requireSiteAdmin(caller, 'add users to groups');
  const group = requireGroup(ctx, caller, ctx.param('groupId'));
  const element = requireChild(await ctx.readTsRequest(), 'user', 'inside <tsRequest> (e.g. <user id="..."/>)');
  const userId = attribute(element, 'id');
  if (!userId) throw apiError('badRequest', 'The <user> element needs the id attribute of the user to add.');
  const member = requireSiteUser(ctx, caller, userId, 'in the request body');
  if (isGroupMember(ctx.state, group, member.user.id)) {
    throw apiError('userAlreadyInGroup', `User '${member.user.name}' is already a member of group '${group.name}'.`);
  }
  group.memberIds.add(member.user.id);
  return xml(200, { user: userXml(member) });
}

function removeUserFromGroup(ctx: RequestContext): RouteResponse {
  const caller = requireSiteCaller(ctx, ctx.param('siteId'));
  requireSiteAdmin(caller, 'remove users from groups');
  const group = requireGroup(ctx, caller, ctx.param('groupId'));
  const member = requireSiteUser(ctx, caller, ctx.param('userId'));
  refuseAllUsers(group, 'lose a member while they remain on the site');
  if (!group.memberIds.delete(member.user.id)) {
    throw apiError('userNotFound', `User '${member.user.name}' is not a member of group '${group.name}'.`);
  }
  return noContent();
}

export const groupRoutes: Route[] = [
  { method: 'GET', path: '/sites/:siteId/groups', handler: queryGroups },
  { method: 'POST', path: '/sites/:siteId/groups', handler: createGroup },
  { method: 'PUT', path: '/sites/:siteId/groups/:groupId', handler: updateGroup },
  { method: 'DELETE', path: '/sites/:siteId/groups/:groupId', handler: deleteGroup },
  { method: 'GET', path: '/sites/:siteId/groups/:groupId/users', handler: usersInGroup },
  { method: 'POST', path: '/sites/:siteId/groups/:groupId/users', handler: addUserToGroup },
  { method: 'DELETE', path: '/sites/:siteId/groups/:groupId/users/:userId', handler: removeUserFromGroup },
];
