import type { SiteRole } from '../state/types';

/** What a site role lets a user do, as far as this sandbox models it. */

export function isAdministratorRole(role: SiteRole | undefined): boolean {
  return role === 'ServerAdministrator' || role === 'SiteAdministratorCreator' || role === 'SiteAdministratorExplorer';
}

export function canPublish(role: SiteRole | undefined): boolean {
  return (
    role === 'Creator' ||
    role === 'ExplorerCanPublish' ||
    role === 'SiteAdministratorCreator' ||
    role === 'SiteAdministratorExplorer' ||
    role === 'ServerAdministrator'
  );
}

/** Unlicensed members exist on the site but cannot sign in to it. */
export function canSignIn(role: SiteRole | undefined): boolean {
  return role !== undefined && role !== 'Unlicensed';
}
