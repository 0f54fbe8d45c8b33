import { requireSiteCaller } from '../auth/guards';
import { apiError } from '../http/api-error';
import type { RequestContext } from '../http/context';
import { noContent, xml, type RouteResponse } from '../http/respond';
import type { Route } from '../http/router';
import { publishDatasource } from '../publishing/publish';
import { paginationXml, runListQuery } from '../query/list-query';
import type { ConnectionRecord, DatasourceRecord } from '../state/content-types';
import { isoNow } from '../state/ids';
import { booleanAttribute } from '../xml/attribute-values';
import { connectionXml } from '../xml/content-xml';
import { attribute, requireChild } from '../xml/parse';
import { canDownload, contentXml, findDatasource, requireManager } from './content-access';
import { downloadResponse } from './content-download';
import { datasourceFields } from './content-fields';
import { readPlacement } from './content-update';
import { applyConnectionUpdate, findConnection } from './connection-update';

/**
 * Query Data Sources, Query Data Source, Publish Data Source, Update Data Source, Delete Data Source, Download
 * Data Source, Query Data Source Connections, Update Data Source Connection.
 */

function queryDatasources(ctx: RequestContext): RouteResponse {
  const caller = requireSiteCaller(ctx, ctx.param('siteId'));
  const all = ctx.state.content.datasources.listSite(caller.site.id);
  const { items, pagination } = runListQuery(all, ctx.query, datasourceFields(ctx.state), 'Data sources');
  const render = contentXml(ctx, caller);
  return xml(200, { pagination: paginationXml(pagination), datasources: { datasource: items.map((datasource) => render.datasource(datasource)) } });
}

function queryDatasource(ctx: RequestContext): RouteResponse {
  const caller = requireSiteCaller(ctx, ctx.param('siteId'));
  return xml(200, { datasource: contentXml(ctx, caller).datasource(findDatasource(ctx, caller, ctx.param('datasourceId'))) });
}

async function updateDatasource(ctx: RequestContext): Promise<RouteResponse> {
  const caller = requireSiteCaller(ctx, ctx.param('siteId'));
  const datasource = findDatasource(ctx, caller, ctx.param('datasourceId'));
  requireManager(ctx, caller, datasource, 'contentUpdateForbidden', 'update the data source');
  const element = requireChild(await ctx.readTsRequest(), 'datasource', 'inside <tsRequest>');
  const isCertified = booleanAttribute(element, 'isCertified');
  const useRemoteQueryAgent = booleanAttribute(element, 'useRemoteQueryAgent');
  const placement = readPlacement(ctx, caller, element, datasource, {
    code: 'datasourceNameConflict',
    noun: 'data source',
    findNamed: (projectId, name) => ctx.state.content.findDatasourceNamed(caller.site.id, projectId, name),
  });
  Object.assign(datasource, placement);
  datasource.isCertified = isCertified ?? datasource.isCertified;
  datasource.certificationNote = attribute(element, 'certificationNote') ?? datasource.certificationNote;
  datasource.description = attribute(element, 'description') ?? datasource.description;
  datasource.useRemoteQueryAgent = useRemoteQueryAgent ?? datasource.useRemoteQueryAgent;
  datasource.updatedAt = isoNow();
  return xml(200, { datasource: contentXml(ctx, caller).datasource(datasource) });
}

async function deleteDatasource(ctx: RequestContext): Promise<RouteResponse> {
  const caller = requireSiteCaller(ctx, ctx.param('siteId'));
  const datasource = findDatasource(ctx, caller, ctx.param('datasourceId'));
  requireManager(ctx, caller, datasource, 'contentDeleteForbidden', 'delete the data source');
  await ctx.state.content.deleteDatasource(datasource);
  return noContent();
}

async function downloadDatasource(ctx: RequestContext): Promise<RouteResponse> {
  const caller = requireSiteCaller(ctx, ctx.param('siteId'));
  const datasource = findDatasource(ctx, caller, ctx.param('datasourceId'));
  if (!canDownload(caller)) {
    throw apiError('datasourceDownloadForbidden', `User '${caller.user.name}' (${caller.role}) may not download data sources; Viewers can only use them.`);
  }
  return downloadResponse(ctx, datasource.name, datasource.file);
}

/** A data source's connections belong to it, under its current name. */
function ownConnectionXml(datasource: DatasourceRecord, connection: ConnectionRecord) {
  return connectionXml({ ...connection, datasourceId: datasource.id, datasourceName: datasource.name });
}

function queryDatasourceConnections(ctx: RequestContext): RouteResponse {
  const caller = requireSiteCaller(ctx, ctx.param('siteId'));
  const datasource = findDatasource(ctx, caller, ctx.param('datasourceId'));
  return xml(200, { connections: { connection: datasource.connections.map((connection) => ownConnectionXml(datasource, connection)) } });
}

async function updateDatasourceConnection(ctx: RequestContext): Promise<RouteResponse> {
  const caller = requireSiteCaller(ctx, ctx.param('siteId'));
  const datasource = findDatasource(ctx, caller, ctx.param('datasourceId'));
  const connection = findConnection(datasource.connections, ctx.param('connectionId'), `data source '${datasource.name}'`);
  requireManager(ctx, caller, datasource, 'datasourceConnectionUpdateForbidden', 'update the connections of the data source');
  await applyConnectionUpdate(ctx, connection);
  datasource.updatedAt = isoNow();
  return xml(200, { connection: ownConnectionXml(datasource, connection) });
}

export const datasourceRoutes: Route[] = [
  { method: 'GET', path: '/sites/:siteId/datasources', handler: queryDatasources },
  { method: 'POST', path: '/sites/:siteId/datasources', handler: publishDatasource },
  { method: 'GET', path: '/sites/:siteId/datasources/:datasourceId', handler: queryDatasource },
  { method: 'PUT', path: '/sites/:siteId/datasources/:datasourceId', handler: updateDatasource },
  { method: 'DELETE', path: '/sites/:siteId/datasources/:datasourceId', handler: deleteDatasource },
  { method: 'GET', path: '/sites/:siteId/datasources/:datasourceId/content', handler: downloadDatasource },
  { method: 'GET', path: '/sites/:siteId/datasources/:datasourceId/connections', handler: queryDatasourceConnections },
  { method: 'PUT', path: '/sites/:siteId/datasources/:datasourceId/connections/:connectionId', handler: updateDatasourceConnection },
];
