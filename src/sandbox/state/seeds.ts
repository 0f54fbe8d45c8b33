import { addProject } from './project-ops';
import { addDemoUser, seedPeople, type DemoUser } from './users-seed';
import { seedDemoContent } from './seed-content';
import type { SandboxState } from './store';
import type { ContentPermissions, UserRecord } from './types';

export type SeedName = 'demo' | 'empty';

export interface AdminCredentials {
  username: string;
  password: string;
  tokenName: string;
  tokenSecret: string;
}

/** The server administrator every seed starts with: member of every site, holder of the sandbox's PAT. */
function addAdmin(state: SandboxState, admin: AdminCredentials): UserRecord {
  return state.addUser({
    name: admin.username,
    fullName: 'Sandbox Administrator',
    email: `${admin.username}@example.com`,
    password: admin.password,
    personalAccessTokens: [{ name: admin.tokenName, secret: admin.tokenSecret }],
    serverAdministrator: true,
  });
}

/** Just the Default site with its Default project, and the administrator. */
export function seedEmpty(state: SandboxState, admin: AdminCredentials): void {
  addAdmin(state, admin);
  state.addSite({ name: 'Default', contentUrl: '', createdAt: '2024-01-15T09:00:00Z' });
}

// Keys of `roles` are site content URLs ('' is the Default site).
const DEMO_USERS: DemoUser[] = [
  { name: 'alice', fullName: 'Alice Analyst', roles: { '': 'Creator', marketing: 'Creator' } },
  { name: 'bob', fullName: 'Bob Viewer', roles: { '': 'Viewer' } },
  { name: 'carol', fullName: 'Carol Site-Admin', roles: { '': 'Explorer', marketing: 'SiteAdministratorCreator' } },
  { name: 'dave', fullName: 'Dave Publisher', roles: { '': 'ExplorerCanPublish', finance: 'ExplorerCanPublish' } },
  { name: 'erin', fullName: 'Erin Finance-Admin', roles: { finance: 'SiteAdministratorExplorer' } },
  { name: 'frank', fullName: 'Frank Unlicensed', roles: { finance: 'Unlicensed' } },
];

interface DemoProject {
  name: string;
  description: string;
  owner: string;
  createdAt: string;
  contentPermissions?: ContentPermissions;
  children?: DemoProject[];
}

const DEMO_PROJECTS: Record<string, DemoProject[]> = {
  '': [
    {
      name: 'Sales', description: 'Pipeline, bookings and quota attainment.', owner: 'alice', createdAt: '2024-02-01T10:00:00Z',
      children: [
        {
          name: 'North America', description: 'US and Canada regional sales.', owner: 'alice', createdAt: '2024-02-03T10:00:00Z',
          children: [{ name: 'Pipeline', description: 'Weekly pipeline reviews.', owner: 'alice', createdAt: '2024-03-10T08:30:00Z' }],
        },
        { name: 'EMEA', description: 'Europe, Middle East and Africa.', owner: 'dave', createdAt: '2024-02-04T11:15:00Z' },
      ],
    },
    {
      name: 'Operations', description: 'Supply chain and logistics dashboards.', owner: 'dave', createdAt: '2024-04-12T14:00:00Z',
      children: [{ name: 'Logistics', description: 'Shipping times and carrier performance.', owner: 'dave', createdAt: '2024-04-20T09:45:00Z' }],
    },
    {
      name: 'Executive Dashboards', description: 'Curated KPIs for the leadership team.', owner: 'admin',
      createdAt: '2024-05-02T16:20:00Z', contentPermissions: 'LockedToProject',
    },
  ],
  marketing: [
    {
      name: 'Campaigns', description: 'Campaign performance by channel.', owner: 'carol', createdAt: '2024-06-01T09:00:00Z',
      children: [
        {
          name: '2026 Q1', description: 'First quarter campaigns.', owner: 'alice', createdAt: '2025-12-15T09:00:00Z',
          children: [{ name: 'Social', description: 'Paid and organic social.', owner: 'alice', createdAt: '2026-01-05T12:00:00Z' }],
        },
      ],
    },
    { name: 'Brand', description: 'Brand health tracking.', owner: 'carol', createdAt: '2024-07-19T13:30:00Z' },
  ],
  finance: [
    {
      name: 'Reporting', description: 'Financial statements and close.', owner: 'erin', createdAt: '2024-01-20T08:00:00Z',
      contentPermissions: 'LockedToProjectWithoutNested',
      children: [
        {
          name: 'Monthly Close', description: 'Month-end close checklists.', owner: 'erin', createdAt: '2024-01-22T08:00:00Z',
          children: [{ name: 'Archive', description: 'Closed periods.', owner: 'erin', createdAt: '2024-01-25T08:00:00Z' }],
        },
      ],
    },
    { name: 'Budget', description: 'Budget versus actuals.', owner: 'dave', createdAt: '2024-03-03T15:00:00Z' },
  ],
};

/**
 * A realistic server: three sites, users of several site roles (passwords random, readable through
 * `state.findUserByName(name)`), and project trees up to three levels deep with owners and descriptions.
 */
export function seedDemo(state: SandboxState, admin: AdminCredentials): void {
  const adminUser = addAdmin(state, admin);
  const sites = [
    state.addSite({ name: 'Default', contentUrl: '', createdAt: '2024-01-15T09:00:00Z' }),
    state.addSite({ name: 'Marketing', contentUrl: 'marketing', createdAt: '2024-05-30T09:00:00Z' }),
    state.addSite({ name: 'Finance', contentUrl: 'finance', createdAt: '2024-01-18T09:00:00Z', revisionLimit: 50 }),
  ];
  const userIds = new Map<string, string>([['admin', adminUser.id]]);
  for (const demo of DEMO_USERS) userIds.set(demo.name, addDemoUser(state, demo).id);
  for (const site of sites) {
    const addTree = (projects: DemoProject[], parentProjectId: string | null): void => {
      for (const demo of projects) {
        const project = addProject(state, {
          siteId: site.id,
          name: demo.name,
          description: demo.description,
          contentPermissions: demo.contentPermissions,
          parentProjectId,
          ownerId: userIds.get(demo.owner) ?? adminUser.id,
          createdAt: demo.createdAt,
        });
        addTree(demo.children ?? [], project.id);
      }
    };
    addTree(DEMO_PROJECTS[site.contentUrl] ?? [], null);
  }
  // Workbooks with views and data sources, with generated files behind them (seed-content.ts).
  seedDemoContent(state);
  // More users, groups, favorites and server schedules (users-seed.ts).
  seedPeople(state);
}

export function applySeed(state: SandboxState, seed: SeedName, admin: AdminCredentials): void {
  if (seed === 'demo') seedDemo(state, admin);
  else seedEmpty(state, admin);
}
