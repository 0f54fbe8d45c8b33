import { isoNow } from './ids';
import { numberedNames, requireGenerateCount } from './numbered-names';
import { addProject } from './project-ops';
import type { SandboxState } from './store';

/** Bulk creation for benchmarks and paging tests: much faster than N Create Project calls. */

export interface GenerateProjectsInput {
  siteId: string;
  count: number;
  parentProjectId?: string | null;
  namePrefix?: string;
  ownerId: string;
}

export const MAX_GENERATED_PER_CALL = 200_000;

export function generateProjects(state: SandboxState, input: GenerateProjectsInput): string[] {
  requireGenerateCount(input.count, MAX_GENERATED_PER_CALL);
  const prefix = input.namePrefix ?? 'Generated Project';
  const parentProjectId = input.parentProjectId ?? null;
  const width = String(input.count).length;
  // Only existing siblings can clash with generated names; collect them once instead of per record.
  const taken = new Set(
    state.projects
      .listSite(input.siteId)
      .filter((project) => project.parentProjectId === parentProjectId)
      .map((project) => project.name.toLowerCase()),
  );
  // Spread createdAt over past seconds so date filters and sorts have something to bite on.
  const start = Date.now() - input.count * 1000;
  const nextName = numberedNames(taken, width, (number) => `${prefix} ${number}`);
  const ids: string[] = [];
  for (let i = 0; i < input.count; i += 1) {
    const { name } = nextName();
    const createdAt = isoNow(start + i * 1000);
    ids.push(addProject(state, { siteId: input.siteId, name, parentProjectId, ownerId: input.ownerId, createdAt }).id);
  }
  return ids;
}
