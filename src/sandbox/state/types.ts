// Records the sandbox keeps in memory. Dates are ISO 8601 strings (UTC, second precision) as Tableau sends them.

export type SiteRole =
  | 'Creator'
  | 'Explorer'
  | 'ExplorerCanPublish'
  | 'Guest'
  | 'ServerAdministrator'
  | 'SiteAdministratorCreator'
  | 'SiteAdministratorExplorer'
  | 'Unlicensed'
  | 'Viewer';

export const SITE_ROLES: readonly SiteRole[] = [
  'Creator',
  'Explorer',
  'ExplorerCanPublish',
  'Guest',
  'ServerAdministrator',
  'SiteAdministratorCreator',
  'SiteAdministratorExplorer',
  'Unlicensed',
  'Viewer',
];

export type AdminMode = 'ContentAndUsers' | 'ContentOnly';
export type SiteState = 'Active' | 'Suspended';

export interface SiteRecord {
  id: string;
  name: string;
  contentUrl: string;
  adminMode: AdminMode;
  state: SiteState;
  /** null = no limit. */
  userQuota: number | null;
  /** Megabytes; null = server default. */
  storageQuota: number | null;
  disableSubscriptions: boolean;
  subscribeOthersEnabled: boolean;
  revisionHistoryEnabled: boolean;
  /** -1 = unlimited, else 2..10000. */
  revisionLimit: number;
  commentingEnabled: boolean;
  guestAccessEnabled: boolean;
  flowsEnabled: boolean;
  runNowEnabled: boolean;
  createdAt: string;
}

export interface PersonalAccessToken {
  name: string;
  secret: string;
}

/** A server-level user; what they may do on a site comes from their membership's site role. */
export interface UserRecord {
  id: string;
  name: string;
  fullName: string;
  email: string;
  password: string;
  personalAccessTokens: PersonalAccessToken[];
  /** Server administrators are members of every site with the ServerAdministrator role. */
  serverAdministrator: boolean;
  lastLogin: string | null;
  /** How the user signs in; absent means ServerDefault. */
  authSetting?: 'ServerDefault' | 'SAML' | 'OpenID';
}

export interface SiteMembership {
  siteId: string;
  userId: string;
  siteRole: SiteRole;
}

export type ContentPermissions = 'LockedToProject' | 'ManagedByOwner' | 'LockedToProjectWithoutNested';

export const CONTENT_PERMISSIONS: readonly ContentPermissions[] = [
  'LockedToProject',
  'ManagedByOwner',
  'LockedToProjectWithoutNested',
];

/** Anything that lives inside one site (projects now; workbooks, data sources, groups... later). */
export interface SiteScopedRecord {
  id: string;
  siteId: string;
}

export interface ProjectRecord extends SiteScopedRecord {
  name: string;
  description: string;
  contentPermissions: ContentPermissions;
  parentProjectId: string | null;
  ownerId: string;
  createdAt: string;
  updatedAt: string;
  /** The site's Default project cannot be deleted. */
  isDefault: boolean;
}

export interface Session {
  token: string;
  /** The user the session acts as (the impersonated user when impersonating). */
  userId: string;
  siteId: string;
  /** Set when a server administrator signed in on behalf of another user. */
  impersonatorId: string | null;
  issuedAt: number;
  expiresAt: number;
}
