import { canSignIn } from '../auth/roles';
import { requireCaller } from '../auth/guards';
import { apiError } from '../http/api-error';
import type { RequestContext } from '../http/context';
import { noContent, xml, type RouteResponse } from '../http/respond';
import type { Route } from '../http/router';
import { isoNow } from '../state/ids';
import type { SiteRecord, UserRecord } from '../state/types';
import { credentialsXml } from '../xml/credentials-xml';
import { attribute, childElement, requireChild, type RequestElement } from '../xml/parse';

/** Sign In, Sign Out and Switch Site. */

function signInFailed(detail: string) {
  return apiError('signInError', `Error signing in to Tableau Server: ${detail}`);
}

function authenticate(ctx: RequestContext, credentials: RequestElement): UserRecord {
  const name = attribute(credentials, 'name');
  const password = attribute(credentials, 'password');
  const patName = attribute(credentials, 'personalAccessTokenName');
  const patSecret = attribute(credentials, 'personalAccessTokenSecret');
  const usesPassword = name !== undefined || password !== undefined;
  const usesToken = patName !== undefined || patSecret !== undefined;
  if (attribute(credentials, 'jwt') !== undefined) {
    throw apiError('badRequest', 'JSON Web Token (connected app) sign-in is not supported by the sandbox; use a password or a personal access token.');
  }
  if (usesPassword === usesToken) {
    throw apiError('badRequest', 'Please provide either name and password, or personalAccessTokenName and personalAccessTokenSecret, on <credentials>.');
  }
  if (usesPassword) {
    const user = name ? ctx.state.findUserByName(name) : undefined;
    // A user added without a password (Add User to Site) has none to match until Update User sets one.
    if (!user || !password || !user.password || user.password !== password) throw signInFailed('the user name or password is wrong.');
    return user;
  }
  const user = [...ctx.state.users.values()].find((candidate) =>
    candidate.personalAccessTokens.some((pat) => pat.name === patName && pat.secret === patSecret),
  );
  if (!user) throw signInFailed('the personal access token name or secret is wrong, or the token was revoked.');
  return user;
}

function findSignInSite(ctx: RequestContext, credentials: RequestElement): SiteRecord {
  const siteElement = childElement(credentials, 'site');
  const contentUrl = siteElement ? attribute(siteElement, 'contentUrl') ?? '' : '';
  const site = ctx.state.findSiteByContentUrl(contentUrl);
  if (!site) throw signInFailed(`no site has the content URL '${contentUrl}' (use '' for the Default site).`);
  return site;
}

function requireSignInAllowed(ctx: RequestContext, user: UserRecord, site: SiteRecord): void {
  const role = ctx.state.siteRoleOf(user.id, site.id);
  if (!canSignIn(role)) {
    const why = role ? `is ${role} there` : 'is not a member of it';
    throw signInFailed(`user '${user.name}' cannot sign in to site '${site.name}' because they ${why}.`);
  }
}

async function signIn(ctx: RequestContext): Promise<RouteResponse> {
  const request = await ctx.readTsRequest();
  const credentials = requireChild(request, 'credentials', 'inside <tsRequest>');
  const site = findSignInSite(ctx, credentials);
  const user = authenticate(ctx, credentials);
  requireSignInAllowed(ctx, user, site);
  let effective = user;
  const impersonate = childElement(credentials, 'user');
  const impersonateId = impersonate ? attribute(impersonate, 'id') : undefined;
  if (impersonateId !== undefined) {
    if (!user.serverAdministrator) {
      throw signInFailed(`only server administrators can impersonate another user; '${user.name}' is not one.`);
    }
    const target = ctx.state.users.get(impersonateId.toLowerCase());
    if (!target) throw apiError('userNotFound', `The user to impersonate (id '${impersonateId}') doesn't exist.`);
    requireSignInAllowed(ctx, target, site);
    effective = target;
  }
  const session = ctx.state.sessions.create(effective.id, site.id, effective === user ? null : user.id);
  effective.lastLogin = isoNow();
  return xml(200, { credentials: credentialsXml(session, site) });
}

function signOut(ctx: RequestContext): RouteResponse {
  const { session } = requireCaller(ctx);
  ctx.state.sessions.revoke(session.token);
  return noContent();
}

async function switchSite(ctx: RequestContext): Promise<RouteResponse> {
  const caller = requireCaller(ctx);
  const request = await ctx.readTsRequest();
  const siteElement = requireChild(request, 'site', 'inside <tsRequest> (e.g. <site contentUrl="marketing"/>)');
  const contentUrl = attribute(siteElement, 'contentUrl');
  if (contentUrl === undefined) {
    throw apiError('badRequest', "The <site> element needs a contentUrl attribute ('' for the Default site).");
  }
  const site = ctx.state.findSiteByContentUrl(contentUrl);
  const role = site ? ctx.state.siteRoleOf(caller.user.id, site.id) : undefined;
  if (!site || !canSignIn(role)) {
    throw apiError('siteNotFound', `No site with content URL '${contentUrl}' exists that user '${caller.user.name}' can sign in to.`);
  }
  if (site.id === caller.session.siteId) {
    throw apiError('switchSiteSameSite', `The session is already signed in to site '${site.name}'; there is nothing to switch.`);
  }
  ctx.state.sessions.revoke(caller.session.token);
  const session = ctx.state.sessions.create(caller.user.id, site.id, caller.session.impersonatorId);
  return xml(200, { credentials: credentialsXml(session, site) });
}

export const authRoutes: Route[] = [
  { method: 'POST', path: '/auth/signin', handler: signIn },
  { method: 'POST', path: '/auth/signout', handler: signOut },
  { method: 'POST', path: '/auth/switchSite', handler: switchSite },
];
