import { apiError } from '../http/api-error';
import { removeFavoritesOf } from './favorites';
import { removeFromSiteGroups } from './groups';
import type { SandboxState } from './store';
import type { SiteRecord, SiteRole, UserRecord } from './types';

/**
 * Users as a site sees them. Users are server-wide records (name, password, email); what they may do on a site
 * is their membership's site role, so one user can be a Creator here and a Viewer there.
 */
export interface SiteUser {
  user: UserRecord;
  siteId: string;
  role: SiteRole;
}

/** The site's users in the order they joined it. */
export function siteUsers(state: SandboxState, siteId: string): SiteUser[] {
  const result: SiteUser[] = [];
  for (const [userId, role] of state.memberships.get(siteId) ?? []) {
    const user = state.users.get(userId);
    if (user) result.push({ user, siteId, role });
  }
  return result;
}

export function findSiteUser(state: SandboxState, siteId: string, userId: string): SiteUser | undefined {
  const id = userId.toLowerCase();
  const role = state.siteRoleOf(id, siteId);
  const user = state.users.get(id);
  return role && user ? { user, siteId, role } : undefined;
}

/** Licensed seats in use: every member but the Unlicensed ones (server administrators included). */
function licensedUsers(state: SandboxState, siteId: string): number {
  return [...(state.memberships.get(siteId)?.values() ?? [])].filter((role) => role !== 'Unlicensed').length;
}

export interface AddSiteUserInput {
  name: string;
  siteRole: SiteRole;
  authSetting?: UserRecord['authSetting'];
}

/**
 * Add User to Site: a server user with that name joins the site, otherwise a new user is created (with no
 * password: they cannot sign in until Update User sets one). When the site's user quota is used up the user
 * is added as Unlicensed, as Tableau does.
 */
export function addUserToSite(state: SandboxState, site: SiteRecord, input: AddSiteUserInput): SiteUser {
  const existing = state.findUserByName(input.name);
  if (existing && state.siteRoleOf(existing.id, site.id)) {
    throw apiError('userConflict', `A user named '${existing.name}' already exists on site '${site.name}'.`);
  }
  const user = existing ?? state.addUser({ name: input.name, fullName: input.name, authSetting: input.authSetting });
  if (input.authSetting) user.authSetting = input.authSetting;
  const quotaReached = site.userQuota !== null && licensedUsers(state, site.id) >= site.userQuota;
  const role: SiteRole = quotaReached && input.siteRole !== 'Unlicensed' ? 'Unlicensed' : input.siteRole;
  state.setMembership(site.id, user.id, role);
  return { user, siteId: site.id, role };
}

function describeOwned(records: object[]): string {
  const nameOf = (record: object) => ('name' in record && typeof record.name === 'string' ? `'${record.name}'` : 'an item');
  const names = records.slice(0, 5).map(nameOf);
  const more = records.length > names.length ? ` and ${records.length - names.length} more` : '';
  return `${names.join(', ')}${more}`;
}

/**
 * Remove User from Site. Content the user owns goes to `mapAssetsTo` when given; without it a content owner is
 * not removed: like Tableau, the server makes them Unlicensed and answers 409003. A user left in no site is
 * deleted from the server.
 */
export function removeUserFromSite(state: SandboxState, site: SiteRecord, target: SiteUser, mapAssetsTo?: SiteUser): void {
  const owned = state.contentOwnedBy(site.id, target.user.id);
  if (owned.length > 0) {
    if (!mapAssetsTo) {
      state.setMembership(site.id, target.user.id, 'Unlicensed');
      throw apiError(
        'userAssetConflict',
        `User '${target.user.name}' still owns ${owned.length} item(s) of content on site '${site.name}' (${describeOwned(owned)}) and cannot be ` +
          'removed; the user is now Unlicensed. Change the owner of that content, or remove the user with mapAssetsTo=<user id> to hand it over.',
      );
    }
    for (const record of owned) record.ownerId = mapAssetsTo.user.id;
  }
  state.memberships.get(site.id)?.delete(target.user.id);
  removeFromSiteGroups(state, site.id, target.user.id);
  removeFavoritesOf(state, site.id, target.user.id);
  state.sessions.revokeWhere((session) => session.userId === target.user.id && session.siteId === site.id);
  if (state.sitesOf(target.user.id).length === 0) state.users.delete(target.user.id);
}
