import { COMPARISON_OPERATORS, type QueryFields } from '../query/fields';
import { groupMemberIds, type GroupRecord } from '../state/groups';
import type { SandboxState } from '../state/store';

/** Filterable and sortable group fields (Query Groups, Get Groups for a User). */
export function groupFields(state: SandboxState): QueryFields<GroupRecord> {
  return {
    name: { type: 'string', filter: ['eq', 'in'], sortable: true, get: (g) => g.name },
    domainName: { type: 'string', filter: ['eq', 'in'], sortable: true, get: (g) => g.domainName },
    isLocal: { type: 'boolean', filter: ['eq'], sortable: false, get: () => true },
    minimumSiteRole: { type: 'string', filter: ['eq', 'in'], sortable: true, get: (g) => g.minimumSiteRole },
    userCount: { type: 'number', filter: COMPARISON_OPERATORS, sortable: true, get: (g) => groupMemberIds(state, g).length },
  };
}
