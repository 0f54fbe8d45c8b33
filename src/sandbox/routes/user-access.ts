import type { SiteCaller } from '../auth/guards';
import { isAdministratorRole } from '../auth/roles';
import { apiError } from '../http/api-error';
import type { ErrorCodeName } from '../http/error-codes';
import type { RequestContext } from '../http/context';
import { findSiteUser, type SiteUser } from '../state/users-ops';

/** Who may manage users, groups and favorites of a site. */

/** Server administrators, and site administrators of this site. */
export function requireSiteAdmin(caller: SiteCaller, action: string): void {
  if (isAdministratorRole(caller.role)) return;
  throw apiError(
    'forbidden',
    `User '${caller.user.name}' (${caller.role}) cannot ${action}: only server administrators and site administrators of site '${caller.site.name}' can.`,
  );
}

/**
 * Adding, removing and re-licensing users: on a site whose admin mode is ContentOnly, site administrators manage
 * content only and users are left to server administrators.
 */
export function requireUserManager(caller: SiteCaller, action: string): void {
  requireSiteAdmin(caller, action);
  if (!caller.user.serverAdministrator && caller.site.adminMode === 'ContentOnly') {
    throw apiError(
      'forbidden',
      `Site '${caller.site.name}' lets site administrators manage content only (adminMode ContentOnly); a server administrator must ${action}.`,
    );
  }
}

/** The caller themself, or an administrator of the site; anyone else gets the method's own 403 code. */
export function requireSelfOrAdmin(caller: SiteCaller, userId: string, error: ErrorCodeName, action: string): void {
  if (caller.user.id === userId.toLowerCase() || isAdministratorRole(caller.role)) return;
  throw apiError(error, `User '${caller.user.name}' (${caller.role}) cannot ${action} of another user; only that user and administrators can.`);
}

export function requireSiteUser(ctx: RequestContext, caller: SiteCaller, userId: string, where = 'in the URI'): SiteUser {
  const found = findSiteUser(ctx.state, caller.site.id, userId);
  if (!found) {
    throw apiError('userNotFound', `The user ID ${where} (${userId}) doesn't correspond to a user of site '${caller.site.name}'.`);
  }
  return found;
}
