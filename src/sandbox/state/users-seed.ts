import { putFavorite, type FavoriteKind } from './favorites';
import { addGroup } from './groups';
import { newSecret } from './ids';
import { addSchedule, type NewSchedule } from './schedules';
import type { SandboxState } from './store';
import type { SiteRole, UserRecord } from './types';

/**
 * The demo seed's people: more users (so every assignable site role is on the Default site, with sign-in dates),
 * groups with members on each site, favorites, and the server's schedules. Runs after the users, projects and
 * content of the rest of the demo seed exist.
 */

export interface DemoUser {
  name: string;
  fullName: string;
  /** Never signed in when absent. */
  lastLogin?: string | null;
  /** Site content URL ('' = Default) → role. */
  roles: Record<string, SiteRole>;
}

/** A demo user with a random password, a personal access token `{name}-token`, and a role on each site it names. */
export function addDemoUser(state: SandboxState, demo: DemoUser): UserRecord {
  const user = state.addUser({
    name: demo.name,
    fullName: demo.fullName,
    email: `${demo.name}@example.com`,
    password: newSecret(12),
    personalAccessTokens: [{ name: `${demo.name}-token`, secret: newSecret() }],
    lastLogin: demo.lastLogin ?? null,
  });
  for (const [contentUrl, role] of Object.entries(demo.roles)) {
    const site = state.findSiteByContentUrl(contentUrl);
    if (site) state.setMembership(site.id, user.id, role);
  }
  return user;
}

const MORE_USERS: DemoUser[] = [
  { name: 'heidi', fullName: 'Heidi Hopper', lastLogin: '2026-02-02T08:15:00Z', roles: { '': 'SiteAdministratorExplorer' } },
  { name: 'ivan', fullName: 'Ivan Ito', lastLogin: '2026-03-03T10:30:00Z', roles: { '': 'SiteAdministratorCreator' } },
  { name: 'judy', fullName: 'Judy Jones', lastLogin: '2025-06-30T16:00:00Z', roles: { '': 'Unlicensed' } },
  { name: 'kate', fullName: 'Kate Kim', lastLogin: '2026-03-04T07:45:00Z', roles: { '': 'Creator', marketing: 'Viewer' } },
  { name: 'liam', fullName: 'Liam Lopez', lastLogin: null, roles: { '': 'Viewer' } },
  { name: 'mia', fullName: 'Mia Moreau', lastLogin: '2026-01-21T12:00:00Z', roles: { '': 'Explorer', finance: 'Viewer' } },
];

/** Sign-in dates for the users the base demo seed creates. */
const LAST_LOGINS: Record<string, string> = {
  alice: '2026-03-01T09:12:00Z',
  bob: '2025-11-20T17:45:00Z',
  carol: '2026-02-27T14:05:00Z',
  dave: '2026-01-15T11:20:00Z',
  erin: '2025-12-31T18:00:00Z',
};

/** Site content URL → group name → member user names. */
const GROUPS: Record<string, Record<string, string[]>> = {
  '': {
    'Sales Analysts': ['alice', 'kate', 'dave'],
    Executives: ['bob', 'heidi'],
    'Data Stewards': ['carol', 'ivan', 'mia'],
    Contractors: ['judy'],
    'New Hires': [],
  },
  marketing: { 'Campaign Team': ['alice', 'carol', 'kate'] },
  finance: { 'Finance Admins': ['erin', 'dave'] },
};

type DemoSchedule = Omit<NewSchedule, 'createdAt'> & { createdAt: string };

const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'] as const;

const SCHEDULES: DemoSchedule[] = [
  { name: 'Hourly', type: 'Extract', frequency: 'Hourly', priority: 50, start: '00:00:00', end: '23:00:00', intervals: [{ hours: 1 }], createdAt: '2024-01-15T09:00:00Z' },
  {
    name: 'Every 15 minutes (business hours)', type: 'Extract', frequency: 'Hourly', priority: 40, start: '08:00:00', end: '18:00:00',
    intervals: [{ minutes: 15 }], createdAt: '2024-03-02T10:00:00Z',
  },
  { name: 'Daily at 2 AM', type: 'Extract', frequency: 'Daily', priority: 50, executionOrder: 'Serial', start: '02:00:00', intervals: [], createdAt: '2024-01-15T09:00:00Z' },
  {
    name: 'Weekday early mornings', type: 'Extract', frequency: 'Weekly', priority: 50, start: '05:00:00',
    intervals: weekdays.map((weekDay) => ({ weekDay })), createdAt: '2024-01-15T09:00:00Z',
  },
  { name: 'Saturday night', type: 'Extract', frequency: 'Weekly', priority: 80, start: '23:00:00', intervals: [{ weekDay: 'Saturday' }], createdAt: '2024-01-15T09:00:00Z' },
  { name: 'End of the month', type: 'Extract', frequency: 'Monthly', priority: 50, start: '23:00:00', intervals: [{ monthDay: 'LastDay' }], createdAt: '2024-01-15T09:00:00Z' },
  { name: 'First of the month', type: 'Subscription', frequency: 'Monthly', priority: 50, start: '07:00:00', intervals: [{ monthDay: 1 }], createdAt: '2024-02-10T09:00:00Z' },
  { name: 'Monday morning', type: 'Subscription', frequency: 'Weekly', priority: 50, start: '08:00:00', intervals: [{ weekDay: 'Monday' }], createdAt: '2024-01-15T09:00:00Z' },
  { name: 'Daily digest', type: 'Subscription', frequency: 'Daily', priority: 60, start: '06:30:00', intervals: [], createdAt: '2024-05-06T09:00:00Z' },
  { name: 'Nightly flows', type: 'Flow', frequency: 'Daily', priority: 50, state: 'Suspended', start: '01:00:00', intervals: [], createdAt: '2024-06-01T09:00:00Z' },
];

function addPeople(state: SandboxState): void {
  for (const [name, lastLogin] of Object.entries(LAST_LOGINS)) {
    const user = state.findUserByName(name);
    if (user && user.lastLogin === null) user.lastLogin = lastLogin;
  }
  for (const person of MORE_USERS) addDemoUser(state, person);
}

function addGroups(state: SandboxState): void {
  for (const [contentUrl, groups] of Object.entries(GROUPS)) {
    const site = state.findSiteByContentUrl(contentUrl);
    if (!site) continue;
    for (const [name, members] of Object.entries(groups)) {
      const memberIds = members.map((member) => state.findUserByName(member)?.id).filter((id): id is string => id !== undefined);
      addGroup(state, { siteId: site.id, name, memberIds, createdAt: site.createdAt });
    }
  }
}

/** Favorites on the Default site: projects by name, and the first workbook, view and data source the seed published. */
function addFavorites(state: SandboxState): void {
  const site = state.findSiteByContentUrl('');
  if (!site) return;
  const projectId = (name: string) => state.projects.listSite(site.id).find((project) => project.name === name)?.id;
  const favorite = (userName: string, kind: FavoriteKind, contentId: string | undefined, label: string, addedAt: string) => {
    const user = state.findUserByName(userName);
    if (user && contentId) putFavorite(state, { siteId: site.id, userId: user.id, kind, contentId, label, addedAt });
  };
  favorite('alice', 'project', projectId('Sales'), 'Sales', '2026-01-05T09:00:00Z');
  favorite('alice', 'project', projectId('Executive Dashboards'), 'Executive Dashboards', '2026-01-06T09:00:00Z');
  favorite('bob', 'project', projectId('Operations'), 'Operations', '2025-11-21T08:00:00Z');
  const workbook = state.content.workbooks.listSite(site.id)[0];
  const view = state.content.views.listSite(site.id)[0];
  const datasource = state.content.datasources.listSite(site.id)[0];
  favorite('alice', 'workbook', workbook?.id, workbook?.name ?? '', '2026-02-01T09:00:00Z');
  favorite('alice', 'view', view?.id, view?.name ?? '', '2026-02-02T09:00:00Z');
  favorite('alice', 'datasource', datasource?.id, datasource?.name ?? '', '2026-02-03T09:00:00Z');
  favorite('bob', 'workbook', workbook?.id, workbook?.name ?? '', '2026-02-04T09:00:00Z');
}

export function seedPeople(state: SandboxState): void {
  addPeople(state);
  addGroups(state);
  addFavorites(state);
  for (const schedule of SCHEDULES) addSchedule(state, schedule);
}
