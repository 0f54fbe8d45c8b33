import { apiError } from '../http/api-error';
import type { SiteRole } from './types';

/**
 * Site roles as REST API 3.0+ servers accept them. Since Tableau 2018.1 the legacy names are refused with 400013
 * (the 3.x schema's siteRoleType no longer lists them); the detail names the role that replaced each one.
 */

/** What Add User to Site and Create Group accept. */
export const ASSIGNABLE_SITE_ROLES: readonly SiteRole[] = [
  'Creator',
  'Explorer',
  'ExplorerCanPublish',
  'SiteAdministratorCreator',
  'SiteAdministratorExplorer',
  'Unlicensed',
  'Viewer',
];

/** Update User also takes ServerAdministrator (server administrators only). */
const UPDATABLE_SITE_ROLES: readonly SiteRole[] = [...ASSIGNABLE_SITE_ROLES, 'ServerAdministrator'];

/**
 * Legacy roles and what became of them: Interactor and Publisher were renamed with the user-based licences
 * (2018.1), the "can publish" variants were removed in 10.5 (their users became Viewer or Unlicensed).
 */
export const LEGACY_SITE_ROLES: Readonly<Record<string, SiteRole>> = {
  Interactor: 'Explorer',
  Publisher: 'ExplorerCanPublish',
  SiteAdministrator: 'SiteAdministratorExplorer',
  ViewerWithPublish: 'Viewer',
  UnlicensedWithPublish: 'Unlicensed',
  ReadOnly: 'Viewer',
};

export type SiteRoleUse = 'add' | 'update' | 'group';

/** Reads a siteRole (or minimumSiteRole) value: 409005 for Guest on Add User, 400013 for anything not accepted. */
export function parseSiteRole(raw: string, use: SiteRoleUse, attributeName = 'siteRole'): SiteRole {
  if (raw === 'Guest' && use === 'add') {
    throw apiError('guestUserConflict', "The Tableau Server API doesn't allow adding a user with the Guest role to a site.");
  }
  const allowed = use === 'update' ? UPDATABLE_SITE_ROLES : ASSIGNABLE_SITE_ROLES;
  const match = allowed.find((role) => role === raw);
  if (match) return match;
  const replacement = Object.hasOwn(LEGACY_SITE_ROLES, raw) ? LEGACY_SITE_ROLES[raw] : undefined;
  const hint = replacement
    ? ` '${raw}' is a legacy site role that REST API 3.0 and later no longer accept; use ${replacement} instead.`
    : raw === 'ServerAdministrator'
      ? ' ServerAdministrator cannot be given when adding a user; add the user, then have a server administrator update the role.'
      : '';
  throw apiError('invalidSiteRole', `The value of the ${attributeName} attribute must be ${allowed.join(', ')}, not '${raw}'.${hint}`);
}
