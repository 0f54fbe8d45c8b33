import { isoNow, newLuid } from './ids';
import type { SandboxState } from './store';
import type { SiteRole, SiteScopedRecord } from './types';

/** The group every site has; its members are the site's users, always. */
export const ALL_USERS_GROUP = 'All Users';

export interface GroupRecord extends SiteScopedRecord {
  name: string;
  /** `local` for groups created on the server (the sandbox has no Active Directory). */
  domainName: string;
  minimumSiteRole: SiteRole | null;
  /** Explicit members; the All Users group ignores this and holds every user of the site. */
  memberIds: Set<string>;
  isAllUsers: boolean;
  createdAt: string;
}

/**
 * The All Users group is created the first time anything looks at a site's groups, so sites made by any path
 * (seeds, Create Site, tests) have it without the site code knowing about groups.
 */
function ensureAllUsersGroup(state: SandboxState, siteId: string): void {
  if (state.groups.listSite(siteId).some((group) => group.isAllUsers)) return;
  const site = state.sites.get(siteId);
  if (!site) return;
  state.groups.add({
    id: newLuid(),
    siteId,
    name: ALL_USERS_GROUP,
    domainName: 'local',
    minimumSiteRole: null,
    memberIds: new Set(),
    isAllUsers: true,
    createdAt: site.createdAt,
  });
}

/** The site's groups, All Users first. */
export function siteGroups(state: SandboxState, siteId: string): GroupRecord[] {
  ensureAllUsersGroup(state, siteId);
  return state.groups.listSite(siteId);
}

export function findGroup(state: SandboxState, siteId: string, groupId: string): GroupRecord | undefined {
  ensureAllUsersGroup(state, siteId);
  return state.groups.get(siteId, groupId.toLowerCase());
}

/** Group names are unique per site, compared case-insensitively. */
export function findGroupNamed(state: SandboxState, siteId: string, name: string, exceptId?: string): GroupRecord | undefined {
  const wanted = name.toLowerCase();
  return siteGroups(state, siteId).find((group) => group.id !== exceptId && group.name.toLowerCase() === wanted);
}

export interface NewGroup {
  siteId: string;
  name: string;
  minimumSiteRole?: SiteRole | null;
  memberIds?: Iterable<string>;
  createdAt?: string;
}

export function addGroup(state: SandboxState, input: NewGroup): GroupRecord {
  ensureAllUsersGroup(state, input.siteId);
  return state.groups.add({
    id: newLuid(),
    siteId: input.siteId,
    name: input.name,
    domainName: 'local',
    minimumSiteRole: input.minimumSiteRole ?? null,
    memberIds: new Set(input.memberIds ?? []),
    isAllUsers: false,
    createdAt: input.createdAt ?? isoNow(),
  });
}

/** Member user ids in the order they joined (All Users: the site's users in membership order). */
export function groupMemberIds(state: SandboxState, group: GroupRecord): string[] {
  if (group.isAllUsers) return [...(state.memberships.get(group.siteId)?.keys() ?? [])];
  const siteMembers = state.memberships.get(group.siteId);
  return [...group.memberIds].filter((userId) => siteMembers?.has(userId));
}

export function isGroupMember(state: SandboxState, group: GroupRecord, userId: string): boolean {
  if (group.isAllUsers) return state.memberships.get(group.siteId)?.has(userId) ?? false;
  return group.memberIds.has(userId);
}

/** The groups of the site the user belongs to, All Users included. */
export function groupsOfUser(state: SandboxState, siteId: string, userId: string): GroupRecord[] {
  return siteGroups(state, siteId).filter((group) => isGroupMember(state, group, userId));
}

/** A user leaving the site leaves its groups too. */
export function removeFromSiteGroups(state: SandboxState, siteId: string, userId: string): void {
  for (const group of state.groups.listSite(siteId)) group.memberIds.delete(userId);
}
