import { apiError } from '../http/api-error';
import { isoNow } from './ids';
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
  if (!Number.isInteger(input.count) || input.count < 1 || input.count > MAX_GENERATED_USERS) {
    throw apiError('badRequest', `count must be an integer from 1 to ${MAX_GENERATED_USERS}.`);
  }
  const prefix = input.namePrefix ?? 'user';
  const width = Math.max(4, String(input.count).length);
  const taken = new Set([...state.users.values()].map((user) => user.name.toLowerCase()));
  const now = Date.now();
  const ids: string[] = [];
  let suffix = 0;
  for (let i = 0; i < input.count; i += 1) {
    let name: string;
    do {
      suffix += 1;
      name = `${prefix}${String(suffix).padStart(width, '0')}`;
    } while (taken.has(name.toLowerCase()));
    taken.add(name.toLowerCase());
    const user = state.addUser({
      name,
      fullName: `Generated User ${String(suffix).padStart(width, '0')}`,
      email: `${name}@example.com`,
      // Every tenth user never signed in; the others did, an hour apart going back in time.
      lastLogin: i % 10 === 9 ? null : isoNow(now - (i + 1) * HOUR_MS),
    });
    state.setMembership(input.siteId, user.id, input.siteRole ?? ASSIGNABLE_SITE_ROLES[i % ASSIGNABLE_SITE_ROLES.length]);
    ids.push(user.id);
  }
  return ids;
}
