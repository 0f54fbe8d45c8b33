import type { SiteCaller } from '../auth/guards';
import { isAdministratorRole } from '../auth/roles';
import { apiError } from '../http/api-error';
import type { ErrorCodeName } from '../http/error-codes';
import type { RequestContext } from '../http/context';
import type { DatasourceRecord, ViewRecord, WorkbookRecord } from '../state/content-types';
import type { ProjectRecord } from '../state/types';
import { ContentXml } from '../xml/content-xml';

/** Lookups and permission rules shared by the workbook, view and data source routes. */

export function findWorkbook(ctx: RequestContext, caller: SiteCaller, workbookId: string): WorkbookRecord {
  const workbook = ctx.state.content.workbooks.get(caller.site.id, workbookId.toLowerCase());
  if (!workbook) throw apiError('workbookNotFound', `Workbook '${workbookId}' could not be found on site '${caller.site.name}'.`);
  return workbook;
}

export function findDatasource(ctx: RequestContext, caller: SiteCaller, datasourceId: string): DatasourceRecord {
  const datasource = ctx.state.content.datasources.get(caller.site.id, datasourceId.toLowerCase());
  if (!datasource) throw apiError('datasourceNotFound', `Datasource '${datasourceId}' could not be found on site '${caller.site.name}'.`);
  return datasource;
}

export function findView(ctx: RequestContext, caller: SiteCaller, viewId: string): ViewRecord {
  const view = ctx.state.content.views.get(caller.site.id, viewId.toLowerCase());
  if (!view) throw apiError('viewNotFound', `View '${viewId}' could not be found on site '${caller.site.name}'.`);
  return view;
}

export function findProjectForContent(ctx: RequestContext, caller: SiteCaller, projectId: string): ProjectRecord {
  const project = ctx.state.projects.get(caller.site.id, projectId.toLowerCase());
  if (!project) {
    throw apiError('projectNotFound', `The project ID '${projectId}' doesn't correspond to an existing project on site '${caller.site.name}'.`);
  }
  return project;
}

export function contentXml(ctx: RequestContext, caller: SiteCaller): ContentXml {
  return new ContentXml(ctx.state, caller.site, ctx.services.baseUrl());
}

/** Administrators, the content's owner and the owner of its project may change or delete it. */
export function canManage(ctx: RequestContext, caller: SiteCaller, content: { ownerId: string; projectId: string }): boolean {
  if (isAdministratorRole(caller.role) || content.ownerId === caller.user.id) return true;
  return ctx.state.projects.get(caller.site.id, content.projectId)?.ownerId === caller.user.id;
}

export function requireManager(
  ctx: RequestContext,
  caller: SiteCaller,
  content: { name: string; ownerId: string; projectId: string },
  code: ErrorCodeName,
  action: string,
): void {
  if (!canManage(ctx, caller, content)) {
    throw apiError(code, `User '${caller.user.name}' (${caller.role}) may not ${action} '${content.name}'; its owner, its project's owner or an administrator can.`);
  }
}

/** Viewers (and guests) may look at content but not download the files behind it. */
export function canDownload(caller: SiteCaller): boolean {
  return caller.role !== 'Viewer' && caller.role !== 'Guest' && caller.role !== 'Unlicensed';
}

/** A true/false query parameter; anything else is a 400008. */
export function booleanParameter(ctx: RequestContext, name: string): boolean | undefined {
  const value = ctx.query.get(name);
  if (value === undefined) return undefined;
  if (value.toLowerCase() === 'true') return true;
  if (value.toLowerCase() === 'false') return false;
  throw apiError('invalidParameterValue', `The ${name} parameter must be true or false, not '${value}'.`);
}
