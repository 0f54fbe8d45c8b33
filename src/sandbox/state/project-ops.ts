import { newLuid, isoNow } from './ids';
import type { SandboxState } from './store';
import type { ContentPermissions, ProjectRecord } from './types';

/** Project tree operations shared by the projects routes, the seeds and the bulk generator. */

export interface NewProject {
  siteId: string;
  name: string;
  description?: string;
  contentPermissions?: ContentPermissions;
  parentProjectId?: string | null;
  ownerId: string;
  createdAt?: string;
}

export function addProject(state: SandboxState, input: NewProject, now = Date.now()): ProjectRecord {
  const createdAt = input.createdAt ?? isoNow(now);
  return state.projects.add({
    id: newLuid(),
    siteId: input.siteId,
    name: input.name,
    description: input.description ?? '',
    contentPermissions: input.contentPermissions ?? 'ManagedByOwner',
    parentProjectId: input.parentProjectId ?? null,
    ownerId: input.ownerId,
    createdAt,
    updatedAt: createdAt,
    isDefault: false,
  });
}

/** A sibling (same parent, same site) already using this name, compared case-insensitively as Tableau does. */
export function findSiblingNamed(
  state: SandboxState,
  siteId: string,
  parentProjectId: string | null,
  name: string,
  exceptId?: string,
): ProjectRecord | undefined {
  const wanted = name.toLowerCase();
  return state.projects
    .listSite(siteId)
    .find((p) => p.parentProjectId === parentProjectId && p.id !== exceptId && p.name.toLowerCase() === wanted);
}

/** The project and all its descendants, parents before children. */
export function projectSubtree(state: SandboxState, root: ProjectRecord): ProjectRecord[] {
  const childrenByParent = new Map<string, ProjectRecord[]>();
  for (const project of state.projects.listSite(root.siteId)) {
    if (!project.parentProjectId) continue;
    const siblings = childrenByParent.get(project.parentProjectId) ?? [];
    siblings.push(project);
    childrenByParent.set(project.parentProjectId, siblings);
  }
  const result: ProjectRecord[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const next = queue.shift() as ProjectRecord;
    result.push(next);
    queue.push(...(childrenByParent.get(next.id) ?? []));
  }
  return result;
}

export function deleteProjectTree(state: SandboxState, root: ProjectRecord): number {
  const doomed = projectSubtree(state, root);
  for (const project of doomed) state.projects.delete(project.id);
  state.content.deleteInProjects(root.siteId, new Set(doomed.map((project) => project.id)));
  return doomed.length;
}
