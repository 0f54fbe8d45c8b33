import { requireSiteCaller } from '../auth/guards';
import type { RequestContext } from '../http/context';
import { binary, xml, type RouteResponse } from '../http/respond';
import type { Route } from '../http/router';
import { renderTile } from '../images/tile';
import { paginationXml, runListQuery } from '../query/list-query';
import type { ViewRecord } from '../state/content-types';
import { booleanParameter, contentXml, findView } from './content-access';
import { viewFields } from './content-fields';

/** Query Views for Site, Get View, Query View Image. */

const IMAGE_SIZE = { standard: { width: 800, height: 600 }, high: { width: 1600, height: 1200 } };

function queryViews(ctx: RequestContext): RouteResponse {
  const caller = requireSiteCaller(ctx, ctx.param('siteId'));
  const usage = booleanParameter(ctx, 'includeUsageStatistics') ?? false;
  const content = ctx.state.content;
  // Views come workbook by workbook, each in tab order, when no sort is asked for (grouped once, not per workbook).
  const byWorkbook = new Map<string, ViewRecord[]>();
  for (const view of content.views.listSite(caller.site.id)) {
    const views = byWorkbook.get(view.workbookId);
    if (views) views.push(view);
    else byWorkbook.set(view.workbookId, [view]);
  }
  const all = content.workbooks.listSite(caller.site.id).flatMap((workbook) => (byWorkbook.get(workbook.id) ?? []).sort((a, b) => a.index - b.index));
  const { items, pagination } = runListQuery(all, ctx.query, viewFields(ctx.state), 'Views');
  const render = contentXml(ctx, caller);
  return xml(200, { pagination: paginationXml(pagination), views: { view: items.map((view) => render.view(view, { parents: true, usage })) } });
}

function getView(ctx: RequestContext): RouteResponse {
  const caller = requireSiteCaller(ctx, ctx.param('siteId'));
  const view = findView(ctx, caller, ctx.param('viewId'));
  return xml(200, { view: contentXml(ctx, caller).view(view, { parents: true }) });
}

/** The view "rendered": a generated PNG; `resolution=high` doubles its size. Filters (vf_...) and maxAge are accepted and ignored. */
function viewImage(ctx: RequestContext): RouteResponse {
  const caller = requireSiteCaller(ctx, ctx.param('siteId'));
  const view = findView(ctx, caller, ctx.param('viewId'));
  const workbook = ctx.state.content.workbooks.get(view.siteId, view.workbookId);
  const size = ctx.query.get('resolution')?.toLowerCase() === 'high' ? IMAGE_SIZE.high : IMAGE_SIZE.standard;
  return binary(200, renderTile({ ...size, title: view.name, subtitle: workbook?.name, seed: view.id }), 'image/png');
}

export const viewRoutes: Route[] = [
  { method: 'GET', path: '/sites/:siteId/views', handler: queryViews },
  { method: 'GET', path: '/sites/:siteId/views/:viewId', handler: getView },
  { method: 'GET', path: '/sites/:siteId/views/:viewId/image', handler: viewImage },
];
