import { COMPARISON_OPERATORS, type QueryFields } from '../query/fields';
import type { SiteUser } from '../state/users-ops';

/**
 * Filterable and sortable user fields (Get Users on Site, Get Users in Group), as the REST reference's "Filtering
 * and Sorting" page lists them: friendlyName is the display (full) name, luid the user id.
 */
export function userFields(): QueryFields<SiteUser> {
  return {
    name: { type: 'string', filter: ['eq', 'in'], sortable: true, get: (u) => u.user.name },
    friendlyName: { type: 'string', filter: ['eq', 'in'], sortable: true, get: (u) => u.user.fullName },
    email: { type: 'string', filter: ['eq', 'in'], sortable: true, get: (u) => u.user.email || undefined },
    siteRole: { type: 'string', filter: ['eq', 'in'], sortable: true, get: (u) => u.role },
    lastLogin: { type: 'date', filter: COMPARISON_OPERATORS, sortable: true, get: (u) => u.user.lastLogin },
    domainName: { type: 'string', filter: ['eq', 'in'], sortable: true, get: () => 'local' },
    luid: { type: 'string', filter: ['eq', 'in'], sortable: false, get: (u) => u.user.id },
  };
}
