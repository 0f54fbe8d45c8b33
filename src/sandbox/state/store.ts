import { ContentStore } from './content-store';
import type { FavoriteRecord } from './favorites';
import type { GroupRecord } from './groups';
import type { ScheduleRecord } from './schedules';
import { newLuid, isoNow } from './ids';
import { SessionStore } from './sessions';
import { SiteScopedCollection } from './site-scoped-collection';
import type { ProjectRecord, SiteRecord, SiteRole, SiteScopedRecord, UserRecord } from './types';

export const DEFAULT_PROJECT_NAME = 'Default';
export const DEFAULT_PROJECT_DESCRIPTION = 'The default project that was automatically created by Tableau.';

export type NewSite = Partial<Omit<SiteRecord, 'id' | 'name' | 'contentUrl'>> & { name: string; contentUrl: string; id?: string };
export type NewUser = Partial<Omit<UserRecord, 'name'>> & { name: string };

/**
 * The sandbox's whole in-memory state. Routes read and change it; seeds fill it. Site-scoped collections are
 * registered so deleting a site removes its content, whatever content types later tasks add.
 */
export class SandboxState {
  readonly sites = new Map<string, SiteRecord>();
  readonly users = new Map<string, UserRecord>();
  /** siteId → userId → site role. Server administrators get a ServerAdministrator membership on every site. */
  readonly memberships = new Map<string, Map<string, SiteRole>>();
  readonly projects = new SiteScopedCollection<ProjectRecord>();
  readonly sessions: SessionStore;
  /** Workbooks, views, data sources and upload sessions. */
  readonly content: ContentStore;
  private readonly siteScoped: SiteScopedCollection<SiteScopedRecord>[] = [];
  /** Groups of users (state/groups.ts), users' favorites (state/favorites.ts), server schedules (state/schedules.ts). */
  readonly groups = this.registerSiteScoped(new SiteScopedCollection<GroupRecord>());
  readonly favorites = this.registerSiteScoped(new SiteScopedCollection<FavoriteRecord>());
  readonly schedules = new Map<string, ScheduleRecord>();

  constructor(
    tokenTtlSeconds: number,
    /** Folder the sandbox owns for uploaded files (used by publishing tasks). */
    readonly dataDir: string,
  ) {
    this.sessions = new SessionStore(tokenTtlSeconds * 1000);
    this.registerSiteScoped(this.projects);
    this.content = new ContentStore((collection) => this.registerSiteScoped(collection), dataDir);
  }

  registerSiteScoped<T extends SiteScopedRecord>(collection: SiteScopedCollection<T>): SiteScopedCollection<T> {
    this.siteScoped.push(collection as unknown as SiteScopedCollection<SiteScopedRecord>);
    return collection;
  }

  // ---- sites -------------------------------------------------------------------------------------------

  /** Adds a site with its Default project, owned by the first server administrator, who (like every server admin) becomes a member. */
  addSite(input: NewSite, now = Date.now()): SiteRecord {
    const site: SiteRecord = {
      adminMode: 'ContentAndUsers',
      state: 'Active',
      userQuota: null,
      storageQuota: null,
      disableSubscriptions: false,
      subscribeOthersEnabled: true,
      revisionHistoryEnabled: true,
      revisionLimit: 25,
      commentingEnabled: true,
      guestAccessEnabled: false,
      flowsEnabled: true,
      runNowEnabled: true,
      createdAt: isoNow(now),
      ...input,
      id: input.id ?? newLuid(),
    };
    this.sites.set(site.id, site);
    this.memberships.set(site.id, new Map());
    for (const user of this.users.values()) {
      if (user.serverAdministrator) this.setMembership(site.id, user.id, 'ServerAdministrator');
    }
    const owner = [...this.users.values()].find((user) => user.serverAdministrator);
    const createdAt = site.createdAt;
    this.projects.add({
      id: newLuid(),
      siteId: site.id,
      name: DEFAULT_PROJECT_NAME,
      description: DEFAULT_PROJECT_DESCRIPTION,
      contentPermissions: 'ManagedByOwner',
      parentProjectId: null,
      ownerId: owner?.id ?? '',
      createdAt,
      updatedAt: createdAt,
      isDefault: true,
    });
    return site;
  }

  findSiteByContentUrl(contentUrl: string): SiteRecord | undefined {
    const wanted = contentUrl.toLowerCase();
    return [...this.sites.values()].find((site) => site.contentUrl.toLowerCase() === wanted);
  }

  findSiteByName(name: string): SiteRecord | undefined {
    const wanted = name.toLowerCase();
    return [...this.sites.values()].find((site) => site.name.toLowerCase() === wanted);
  }

  deleteSite(siteId: string): void {
    this.sites.delete(siteId);
    this.memberships.delete(siteId);
    for (const collection of this.siteScoped) collection.deleteSite(siteId);
    this.sessions.revokeWhere((session) => session.siteId === siteId);
  }

  // ---- users and memberships ---------------------------------------------------------------------------

  addUser(input: NewUser): UserRecord {
    const user: UserRecord = {
      fullName: input.name,
      email: '',
      password: '',
      personalAccessTokens: [],
      serverAdministrator: false,
      lastLogin: null,
      ...input,
      id: input.id ?? newLuid(),
    };
    this.users.set(user.id, user);
    if (user.serverAdministrator) {
      for (const siteId of this.sites.keys()) this.setMembership(siteId, user.id, 'ServerAdministrator');
    }
    return user;
  }

  findUserByName(name: string): UserRecord | undefined {
    const wanted = name.toLowerCase();
    return [...this.users.values()].find((user) => user.name.toLowerCase() === wanted);
  }

  setMembership(siteId: string, userId: string, siteRole: SiteRole): void {
    this.memberships.get(siteId)?.set(userId, siteRole);
  }

  /** The user's role on the site, or undefined when they are not a member. */
  siteRoleOf(userId: string, siteId: string): SiteRole | undefined {
    return this.memberships.get(siteId)?.get(userId);
  }

  sitesOf(userId: string): SiteRecord[] {
    return [...this.sites.values()].filter((site) => this.siteRoleOf(userId, site.id) !== undefined);
  }

  /** Records of the site the user owns, in every registered content collection (projects, workbooks, data sources...). */
  contentOwnedBy(siteId: string, userId: string): Array<SiteScopedRecord & { ownerId: string }> {
    return this.siteScoped
      .flatMap((collection) => collection.listSite(siteId))
      .filter((record): record is SiteScopedRecord & { ownerId: string } => (record as { ownerId?: unknown }).ownerId === userId);
  }
}
