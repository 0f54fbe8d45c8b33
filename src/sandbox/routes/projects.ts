import { requireSiteCaller, type SiteCaller } from '../auth/guards';
import { isAdministratorRole } from '../auth/roles';
import { apiError } from '../http/api-error';
import type { RequestContext } from '../http/context';
import { noContent, xml, type RouteResponse } from '../http/respond';
import type { Route } from '../http/router';
import { paginationXml, runListQuery } from '../query/list-query';
import { isoNow } from '../state/ids';
import { addProject, deleteProjectTree, findSiblingNamed, projectSubtree } from '../state/project-ops';
import { CONTENT_PERMISSIONS, type ProjectRecord } from '../state/types';
import { enumAttribute } from '../xml/attribute-values';
import { attribute, childElement, requireChild, type RequestElement } from '../xml/parse';
import { projectXml } from '../xml/project-xml';
import { projectFields } from './project-fields';

/** Query Projects, Create Project, Update Project, Delete Project. */

function findProject(ctx: RequestContext, caller: SiteCaller, projectId: string): ProjectRecord {
  const project = ctx.state.projects.get(caller.site.id, projectId.toLowerCase());
  if (!project) {
    throw apiError('projectNotFound', `The project ID '${projectId}' doesn't correspond to an existing project on site '${caller.site.name}'.`);
  }
  return project;
}

/** Administrators manage every project; project owners manage their own (as project leaders do). */
function requireProjectManager(caller: SiteCaller, project: ProjectRecord | undefined, action: string): void {
  if (isAdministratorRole(caller.role)) return;
  if (project && project.ownerId === caller.user.id) return;
  const where = project ? ` in project '${project.name}'` : ' at the top level';
  throw apiError('forbidden', `User '${caller.user.name}' (${caller.role}) is not allowed to ${action}${where}; an administrator or the project owner must do it.`);
}

function readName(element: RequestElement, required: boolean): string | undefined {
  const name = attribute(element, 'name');
  if (name === undefined) {
    if (required) throw apiError('badRequest', 'The <project> element needs a name attribute.');
    return undefined;
  }
  if (name.trim() === '') throw apiError('badRequest', 'The project name must not be empty.');
  return name.trim();
}

function readParent(ctx: RequestContext, caller: SiteCaller, element: RequestElement): ProjectRecord | null | undefined {
  const parentId = attribute(element, 'parentProjectId');
  if (parentId === undefined) return undefined;
  if (parentId === '') return null;
  return findProject(ctx, caller, parentId);
}

function requireUniqueName(ctx: RequestContext, caller: SiteCaller, parentId: string | null, name: string, exceptId?: string): void {
  const clash = findSiblingNamed(ctx.state, caller.site.id, parentId, name, exceptId);
  if (clash) {
    const where = parentId ? 'in the same parent project' : 'at the top level of the site';
    throw apiError('projectNameConflict', `A project named '${clash.name}' already exists ${where}; choose another name or parent.`);
  }
}

function queryProjects(ctx: RequestContext): RouteResponse {
  const caller = requireSiteCaller(ctx, ctx.param('siteId'));
  const all = ctx.state.projects.listSite(caller.site.id);
  const { items, pagination } = runListQuery(all, ctx.query, projectFields(ctx.state), 'Projects');
  return xml(200, { pagination: paginationXml(pagination), projects: { project: items.map(projectXml) } });
}

async function createProject(ctx: RequestContext): Promise<RouteResponse> {
  const caller = requireSiteCaller(ctx, ctx.param('siteId'));
  const element = requireChild(await ctx.readTsRequest(), 'project', 'inside <tsRequest>');
  const name = readName(element, true) as string;
  const parent = readParent(ctx, caller, element) ?? null;
  requireProjectManager(caller, parent ?? undefined, 'create projects');
  requireUniqueName(ctx, caller, parent?.id ?? null, name);
  const project = addProject(ctx.state, {
    siteId: caller.site.id,
    name,
    description: attribute(element, 'description') ?? '',
    contentPermissions: enumAttribute(element, 'contentPermissions', CONTENT_PERMISSIONS),
    parentProjectId: parent?.id ?? null,
    ownerId: caller.user.id,
  });
  return xml(201, { project: projectXml(project) });
}

async function updateProject(ctx: RequestContext): Promise<RouteResponse> {
  const caller = requireSiteCaller(ctx, ctx.param('siteId'));
  const project = findProject(ctx, caller, ctx.param('projectId'));
  requireProjectManager(caller, project, 'update this project');
  const element = requireChild(await ctx.readTsRequest(), 'project', 'inside <tsRequest>');
  const name = readName(element, false);
  const parent = readParent(ctx, caller, element);
  const contentPermissions = enumAttribute(element, 'contentPermissions', CONTENT_PERMISSIONS);
  const ownerElement = childElement(element, 'owner');
  const ownerId = ownerElement ? attribute(ownerElement, 'id')?.toLowerCase() : undefined;
  if (project.isDefault && ((name !== undefined && name !== project.name) || (parent !== undefined && parent !== null))) {
    throw apiError('forbidden', 'The Default project cannot be renamed or moved.');
  }
  if (parent && projectSubtree(ctx.state, project).some((p) => p.id === parent.id)) {
    throw apiError('badRequest', `Project '${project.name}' cannot be moved under itself or one of its own child projects.`);
  }
  if (ownerId !== undefined && !ctx.state.siteRoleOf(ownerId, caller.site.id)) {
    throw apiError('userNotFound', `The new owner (user id '${ownerId}') is not a user of site '${caller.site.name}'.`);
  }
  const newParentId = parent === undefined ? project.parentProjectId : parent?.id ?? null;
  requireUniqueName(ctx, caller, newParentId, name ?? project.name, project.id);
  project.name = name ?? project.name;
  project.parentProjectId = newParentId;
  project.description = attribute(element, 'description') ?? project.description;
  project.contentPermissions = contentPermissions ?? project.contentPermissions;
  project.ownerId = ownerId ?? project.ownerId;
  project.updatedAt = isoNow();
  return xml(200, { project: projectXml(project) });
}

function deleteProject(ctx: RequestContext): RouteResponse {
  const caller = requireSiteCaller(ctx, ctx.param('siteId'));
  const project = findProject(ctx, caller, ctx.param('projectId'));
  if (project.isDefault) throw apiError('forbidden', "The site's Default project cannot be deleted.");
  requireProjectManager(caller, project, 'delete this project');
  deleteProjectTree(ctx.state, project);
  return noContent();
}

export const projectRoutes: Route[] = [
  { method: 'GET', path: '/sites/:siteId/projects', handler: queryProjects },
  { method: 'POST', path: '/sites/:siteId/projects', handler: createProject },
  { method: 'PUT', path: '/sites/:siteId/projects/:projectId', handler: updateProject },
  { method: 'DELETE', path: '/sites/:siteId/projects/:projectId', handler: deleteProject },
];
