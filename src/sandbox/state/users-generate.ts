import { isoNow } from './ids';
import { numberedNames, requireGenerateCount } from './numbered-names';
import type { SandboxState } from './store';
import type { SiteRole } from './types';
import { ASSIGNABLE_SITE_ROLES } from './users-roles';

/** Bulk users for paging and filter tests: much faster than N Add User to Site calls. */

export interface GenerateUsersInput {
  siteId: string;
  count: number;
  /** User names are `{prefix}{number}`, e.g. `user0001`. */
  namePrefix?: string;
  /** Every generated user gets this role; by default they cycle through the assignable roles. */
  siteRole?: SiteRole;
}

export const MAX_GENERATED_USERS = 100_000;
const HOUR_MS = 60 * 60 * 1000;

export function generateUsers(state: SandboxState, input: GenerateUsersInput): string[] {
  requireGenerateCount(input.count, MAX_GENERATED_USERS);
  const prefix = input.namePrefix ?? 'user';
  const width = Math.max(4, String(input.count).length);
  const taken = new Set([...state.users.values()].map((user) => user.name.toLowerCase()));
  const nextName = numberedNames(taken, width, (number) => `${prefix}${number}`);
  const now = Date.now();
  const ids: string[] = [];
  for (let i = 0; i < input.count; i += 1) {
    const { name, number } = nextName();
    const user = state.addUser({
      name,
      fullName: `Generated User ${number}`,
      email: `${name}@example.com`,
      // Every tenth user never signed in; the others did, an hour apart going back in time.
      lastLogin: i % 10 === 9 ? null : isoNow(now - (i + 1) * HOUR_MS),
    });
    state.setMembership(input.siteId, user.id, input.siteRole ?? ASSIGNABLE_SITE_ROLES[i % ASSIGNABLE_SITE_ROLES.length]);
    ids.push(user.id);
  }
  return ids;
}
