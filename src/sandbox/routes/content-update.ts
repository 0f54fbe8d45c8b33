import type { SiteCaller } from '../auth/guards';
import { isAdministratorRole } from '../auth/roles';
import { apiError } from '../http/api-error';
import type { ErrorCodeName } from '../http/error-codes';
import type { RequestContext } from '../http/context';
import { attribute, childElement, type RequestElement } from '../xml/parse';
import { findProjectForContent } from './content-access';

export interface PlacementChanges {
  name: string;
  projectId: string;
  ownerId: string;
}

/**
 * The name, `<project id>` and `<owner id>` of an Update Workbook / Update Data Source body, checked: the project
 * and the new owner must exist on the site, only administrators may change the owner, and the name must stay
 * unique (case-insensitively) in the target project.
 */
export function readPlacement(
  ctx: RequestContext,
  caller: SiteCaller,
  element: RequestElement,
  current: { id: string; name: string; projectId: string; ownerId: string },
  conflict: { code: ErrorCodeName; noun: string; findNamed: (projectId: string, name: string) => { id: string } | undefined },
): PlacementChanges {
  const rawName = attribute(element, 'name');
  if (rawName !== undefined && rawName.trim() === '') throw apiError('badRequest', `The ${conflict.noun} name must not be empty.`);
  const name = rawName?.trim() ?? current.name;
  const projectElement = childElement(element, 'project');
  const projectId = projectElement && attribute(projectElement, 'id') ? findProjectForContent(ctx, caller, attribute(projectElement, 'id') as string).id : current.projectId;
  const ownerElement = childElement(element, 'owner');
  const requestedOwner = ownerElement ? attribute(ownerElement, 'id')?.toLowerCase() : undefined;
  const ownerId = requestedOwner ?? current.ownerId;
  if (ownerId !== current.ownerId) {
    if (!isAdministratorRole(caller.role)) {
      throw apiError('contentUpdateForbidden', `Only administrators can change the owner of ${conflict.noun} '${current.name}'; '${caller.user.name}' is ${caller.role}.`);
    }
    if (!ctx.state.siteRoleOf(ownerId, caller.site.id)) {
      throw apiError('userNotFound', `The new owner (user id '${ownerId}') is not a user of site '${caller.site.name}'.`);
    }
  }
  const clash = conflict.findNamed(projectId, name);
  if (clash && clash.id !== current.id) {
    const project = ctx.state.projects.get(caller.site.id, projectId);
    throw apiError(conflict.code, `A ${conflict.noun} named '${name}' already exists in project '${project?.name ?? projectId}'; choose another name or project.`);
  }
  return { name, projectId, ownerId };
}
