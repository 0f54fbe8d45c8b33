import { requireSiteCaller } from '../auth/guards';
import { apiError } from '../http/api-error';
import type { RequestContext } from '../http/context';
import { binary, xml, type RouteResponse } from '../http/respond';
import type { Route } from '../http/router';
import { renderTile } from '../images/tile';
import { publishWorkbook } from '../publishing/publish';
import { paginationXml, runListQuery } from '../query/list-query';
import { booleanAttribute } from '../xml/attribute-values';
import { connectionXml } from '../xml/content-xml';
import { booleanParameter, contentXml, findView } from './content-access';
import { workbookFields } from './content-fields';
import { WORKBOOK_KIND, deleteItem, downloadItem, requestedItem, updateItem, updateItemConnection } from './published-content';

/**
 * Query Workbooks for Site, Query Workbook, Publish Workbook, Update Workbook, Delete Workbook, Download Workbook,
 * Query Views for Workbook, Query Workbook Connections, Update Workbook Connection, Query Workbook Preview Image
 * and Query View Preview Image.
 */

export const PREVIEW_WIDTH = 400;
export const PREVIEW_HEIGHT = 300;

function queryWorkbooks(ctx: RequestContext): RouteResponse {
  const caller = requireSiteCaller(ctx, ctx.param('siteId'));
  const all = ctx.state.content.workbooks.listSite(caller.site.id);
  const { items, pagination } = runListQuery(all, ctx.query, workbookFields(ctx.state), 'Workbooks');
  const render = contentXml(ctx, caller);
  return xml(200, { pagination: paginationXml(pagination), workbooks: { workbook: items.map((workbook) => render.workbook(workbook, false)) } });
}

function queryWorkbook(ctx: RequestContext): RouteResponse {
  const { caller, item } = requestedItem(ctx, WORKBOOK_KIND);
  return xml(200, { workbook: contentXml(ctx, caller).workbook(item, true) });
}

async function updateWorkbook(ctx: RequestContext): Promise<RouteResponse> {
  const { caller, item } = await updateItem(ctx, WORKBOOK_KIND, (element, workbook) => ({
    showTabs: booleanAttribute(element, 'showTabs') ?? workbook.showTabs,
  }));
  return xml(200, { workbook: contentXml(ctx, caller).workbook(item, false) });
}

function queryWorkbookViews(ctx: RequestContext): RouteResponse {
  const { caller, item: workbook } = requestedItem(ctx, WORKBOOK_KIND);
  const usage = booleanParameter(ctx, 'includeUsageStatistics') ?? false;
  const render = contentXml(ctx, caller);
  return xml(200, { views: { view: ctx.state.content.viewsOf(workbook).map((view) => render.view(view, { usage })) } });
}

function queryWorkbookConnections(ctx: RequestContext): RouteResponse {
  const { item: workbook } = requestedItem(ctx, WORKBOOK_KIND);
  return xml(200, { connections: { connection: workbook.connections.map(connectionXml) } });
}

async function updateWorkbookConnection(ctx: RequestContext): Promise<RouteResponse> {
  const { connection } = await updateItemConnection(ctx, WORKBOOK_KIND);
  return xml(200, { connection: connectionXml(connection) });
}

function workbookPreviewImage(ctx: RequestContext): RouteResponse {
  const { item: workbook } = requestedItem(ctx, WORKBOOK_KIND);
  const [first] = ctx.state.content.viewsOf(workbook);
  const png = renderTile({ width: PREVIEW_WIDTH, height: PREVIEW_HEIGHT, title: first?.name ?? workbook.name, subtitle: workbook.name, seed: first?.id ?? workbook.id });
  return binary(200, png, 'image/png');
}

function viewPreviewImage(ctx: RequestContext): RouteResponse {
  const { caller, item: workbook } = requestedItem(ctx, WORKBOOK_KIND);
  const view = findView(ctx, caller, ctx.param('viewId'));
  if (view.workbookId !== workbook.id) {
    throw apiError('viewNotFound', `View '${view.id}' is not a view of workbook '${workbook.name}'.`);
  }
  return binary(200, renderTile({ width: PREVIEW_WIDTH, height: PREVIEW_HEIGHT, title: view.name, subtitle: workbook.name, seed: view.id }), 'image/png');
}

export const workbookRoutes: Route[] = [
  { method: 'GET', path: '/sites/:siteId/workbooks', handler: queryWorkbooks },
  { method: 'POST', path: '/sites/:siteId/workbooks', handler: publishWorkbook },
  { method: 'GET', path: '/sites/:siteId/workbooks/:workbookId', handler: queryWorkbook },
  { method: 'PUT', path: '/sites/:siteId/workbooks/:workbookId', handler: updateWorkbook },
  { method: 'DELETE', path: '/sites/:siteId/workbooks/:workbookId', handler: (ctx) => deleteItem(ctx, WORKBOOK_KIND) },
  { method: 'GET', path: '/sites/:siteId/workbooks/:workbookId/content', handler: (ctx) => downloadItem(ctx, WORKBOOK_KIND) },
  { method: 'GET', path: '/sites/:siteId/workbooks/:workbookId/views', handler: queryWorkbookViews },
  { method: 'GET', path: '/sites/:siteId/workbooks/:workbookId/connections', handler: queryWorkbookConnections },
  { method: 'PUT', path: '/sites/:siteId/workbooks/:workbookId/connections/:connectionId', handler: updateWorkbookConnection },
  { method: 'GET', path: '/sites/:siteId/workbooks/:workbookId/previewImage', handler: workbookPreviewImage },
  { method: 'GET', path: '/sites/:siteId/workbooks/:workbookId/views/:viewId/previewImage', handler: viewPreviewImage },
];
