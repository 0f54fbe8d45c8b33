import { COMPARISON_OPERATORS, type QueryFields } from '../query/fields';
import type { SandboxState } from '../state/store';
import type { ProjectRecord } from '../state/types';

/** Filterable and sortable project fields, as listed by the REST reference's "Filtering and Sorting" page. */
export function projectFields(state: SandboxState): QueryFields<ProjectRecord> {
  const owner = (project: ProjectRecord) => state.users.get(project.ownerId);
  return {
    name: { type: 'string', filter: ['eq', 'in'], sortable: true, get: (p) => p.name },
    ownerName: { type: 'string', filter: ['eq', 'in'], sortable: true, get: (p) => owner(p)?.name },
    ownerEmail: { type: 'string', filter: ['eq', 'in'], sortable: true, get: (p) => owner(p)?.email },
    ownerDomain: { type: 'string', filter: ['eq', 'in'], sortable: true, get: (p) => (owner(p) ? 'local' : undefined) },
    parentProjectId: { type: 'string', filter: ['eq', 'in'], sortable: true, get: (p) => p.parentProjectId },
    topLevelProject: { type: 'boolean', filter: ['eq'], sortable: true, get: (p) => p.parentProjectId === null },
    createdAt: { type: 'date', filter: COMPARISON_OPERATORS, sortable: true, get: (p) => p.createdAt },
    updatedAt: { type: 'date', filter: COMPARISON_OPERATORS, sortable: true, get: (p) => p.updatedAt },
  };
}
