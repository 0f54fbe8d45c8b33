import { requireSiteCaller, type SiteCaller } from '../auth/guards';
import { apiError } from '../http/api-error';
import type { ErrorCodeName } from '../http/error-codes';
import type { RequestContext } from '../http/context';
import { noContent, type RouteResponse } from '../http/respond';
import type { ConnectionRecord, DatasourceRecord, WorkbookRecord } from '../state/content-types';
import { isoNow } from '../state/ids';
import { attribute, requireChild, type RequestElement } from '../xml/parse';
import { canDownload, findDatasource, findWorkbook, requireManager } from './content-access';
import { downloadResponse } from './content-download';
import { readPlacement } from './content-update';
import { applyConnectionUpdate, findConnection } from './connection-update';

/**
 * Update, Delete, Download and Update Connection work the same way for workbooks and data sources; these
 * handlers serve both, told apart by a PublishedKind.
 */

type PublishedRecord = WorkbookRecord | DatasourceRecord;

export interface PublishedKind<T extends PublishedRecord> {
  /** As messages name it. */
  noun: 'workbook' | 'data source';
  /** The path parameter holding the item's id. */
  idParameter: 'workbookId' | 'datasourceId';
  /** The element inside `<tsRequest>` of an Update request. */
  requestElement: 'workbook' | 'datasource';
  find(ctx: RequestContext, caller: SiteCaller, id: string): T;
  findNamed(ctx: RequestContext, siteId: string, projectId: string, name: string): T | undefined;
  remove(ctx: RequestContext, item: T): Promise<void>;
  nameConflict: ErrorCodeName;
  connectionUpdateForbidden: ErrorCodeName;
  downloadForbidden: ErrorCodeName;
  /** Why a Viewer is refused a download, following "User 'name' (role) ". */
  downloadRefusal: string;
}

export const WORKBOOK_KIND: PublishedKind<WorkbookRecord> = {
  noun: 'workbook',
  idParameter: 'workbookId',
  requestElement: 'workbook',
  find: findWorkbook,
  findNamed: (ctx, siteId, projectId, name) => ctx.state.content.findWorkbookNamed(siteId, projectId, name),
  remove: (ctx, workbook) => ctx.state.content.deleteWorkbook(workbook),
  nameConflict: 'workbookNameConflict',
  connectionUpdateForbidden: 'workbookConnectionUpdateForbidden',
  downloadForbidden: 'workbookDownloadForbidden',
  downloadRefusal: 'may not download workbooks; Viewers can only look at them.',
};

export const DATASOURCE_KIND: PublishedKind<DatasourceRecord> = {
  noun: 'data source',
  idParameter: 'datasourceId',
  requestElement: 'datasource',
  find: findDatasource,
  findNamed: (ctx, siteId, projectId, name) => ctx.state.content.findDatasourceNamed(siteId, projectId, name),
  remove: (ctx, datasource) => ctx.state.content.deleteDatasource(datasource),
  nameConflict: 'datasourceNameConflict',
  connectionUpdateForbidden: 'datasourceConnectionUpdateForbidden',
  downloadForbidden: 'datasourceDownloadForbidden',
  downloadRefusal: 'may not download data sources; Viewers can only use them.',
};

/** The caller, and the item the request path names on the caller's site. */
export function requestedItem<T extends PublishedRecord>(ctx: RequestContext, kind: PublishedKind<T>): { caller: SiteCaller; item: T } {
  const caller = requireSiteCaller(ctx, ctx.param('siteId'));
  return { caller, item: kind.find(ctx, caller, ctx.param(kind.idParameter)) };
}

/**
 * Update Workbook / Update Data Source: name, project and owner (checked by readPlacement), description, and the
 * attributes only this kind has, read by `readOwnAttributes` before anything changes.
 */
export async function updateItem<T extends PublishedRecord>(
  ctx: RequestContext,
  kind: PublishedKind<T>,
  readOwnAttributes: (element: RequestElement, item: T) => Partial<T>,
): Promise<{ caller: SiteCaller; item: T }> {
  const { caller, item } = requestedItem(ctx, kind);
  requireManager(ctx, caller, item, 'contentUpdateForbidden', `update the ${kind.noun}`);
  const element = requireChild(await ctx.readTsRequest(), kind.requestElement, 'inside <tsRequest>');
  const ownAttributes = readOwnAttributes(element, item);
  const placement = readPlacement(ctx, caller, element, item, {
    code: kind.nameConflict,
    noun: kind.noun,
    findNamed: (projectId, name) => kind.findNamed(ctx, caller.site.id, projectId, name),
  });
  Object.assign(item, placement, ownAttributes);
  item.description = attribute(element, 'description') ?? item.description;
  item.updatedAt = isoNow();
  return { caller, item };
}

export async function deleteItem<T extends PublishedRecord>(ctx: RequestContext, kind: PublishedKind<T>): Promise<RouteResponse> {
  const { caller, item } = requestedItem(ctx, kind);
  requireManager(ctx, caller, item, 'contentDeleteForbidden', `delete the ${kind.noun}`);
  await kind.remove(ctx, item);
  return noContent();
}

export async function downloadItem<T extends PublishedRecord>(ctx: RequestContext, kind: PublishedKind<T>): Promise<RouteResponse> {
  const { caller, item } = requestedItem(ctx, kind);
  if (!canDownload(caller)) {
    throw apiError(kind.downloadForbidden, `User '${caller.user.name}' (${caller.role}) ${kind.downloadRefusal}`);
  }
  return downloadResponse(ctx, item.name, item.file);
}

/** Update Workbook Connection / Update Data Source Connection; the item counts as updated. */
export async function updateItemConnection<T extends PublishedRecord>(
  ctx: RequestContext,
  kind: PublishedKind<T>,
): Promise<{ item: T; connection: ConnectionRecord }> {
  const { caller, item } = requestedItem(ctx, kind);
  const connection = findConnection(item.connections, ctx.param('connectionId'), `${kind.noun} '${item.name}'`);
  requireManager(ctx, caller, item, kind.connectionUpdateForbidden, `update the connections of the ${kind.noun}`);
  await applyConnectionUpdate(ctx, connection);
  item.updatedAt = isoNow();
  return { item, connection };
}
