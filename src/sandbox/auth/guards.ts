import { apiError } from '../http/api-error';
import type { RequestContext } from '../http/context';
import type { SiteRecord, SiteRole, Session, UserRecord } from '../state/types';

export const AUTH_HEADER = 'x-tableau-auth';

export interface Caller {
  session: Session;
  user: UserRecord;
}

export interface SiteCaller extends Caller {
  site: SiteRecord;
  role: SiteRole;
}

/** The signed-in caller, from the X-Tableau-Auth header: 401000 without one, 401002 when unknown or expired. */
export function requireCaller(ctx: RequestContext): Caller {
  const token = ctx.header(AUTH_HEADER);
  if (!token) {
    throw apiError('noCredentials', 'No authentication credentials were provided. Sign in and send the token in the X-Tableau-Auth header.');
  }
  const session = ctx.state.sessions.find(token);
  const user = session ? ctx.state.users.get(session.userId) : undefined;
  if (!session || !user) {
    throw apiError('invalidCredentials', 'Invalid authentication credentials were provided. The token is unknown, signed out or expired; sign in again.');
  }
  return { session, user };
}

/**
 * The caller for a `/sites/{site-id}/...` request. The site in the URL must be the one the token was issued for
 * (a token is bound to one site; use Switch Site to change it).
 */
export function requireSiteCaller(ctx: RequestContext, siteId: string): SiteCaller {
  const caller = requireCaller(ctx);
  if (caller.session.siteId !== siteId.toLowerCase()) {
    throw apiError(
      'forbidden',
      `The site ID in the URI (${siteId}) doesn't match the site the credentials token was issued for (${caller.session.siteId}). ` +
        'Use the site id returned by Sign In, or call Switch Site first.',
    );
  }
  const site = ctx.state.sites.get(caller.session.siteId);
  const role = ctx.state.siteRoleOf(caller.user.id, caller.session.siteId);
  if (!site || !role) {
    throw apiError('siteNotFound', `The site ID in the URI (${siteId}) doesn't correspond to an existing site.`);
  }
  return { ...caller, site, role };
}

export function requireServerAdmin(caller: Caller, action: string): void {
  if (!caller.user.serverAdministrator) {
    throw apiError('forbidden', `Only server administrators can ${action}; '${caller.user.name}' is not one.`);
  }
}
