import { requireSiteCaller } from '../auth/guards';
import type { RequestContext } from '../http/context';
import { xml, type RouteResponse } from '../http/respond';
import type { Route } from '../http/router';
import { publishDatasource } from '../publishing/publish';
import { paginationXml, runListQuery } from '../query/list-query';
import type { ConnectionRecord, DatasourceRecord } from '../state/content-types';
import { booleanAttribute } from '../xml/attribute-values';
import { connectionXml } from '../xml/content-xml';
import { attribute } from '../xml/parse';
import { contentXml } from './content-access';
import { datasourceFields } from './content-fields';
import { DATASOURCE_KIND, deleteItem, downloadItem, requestedItem, updateItem, updateItemConnection } from './published-content';

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
  const { caller, item } = requestedItem(ctx, DATASOURCE_KIND);
  return xml(200, { datasource: contentXml(ctx, caller).datasource(item) });
}

async function updateDatasource(ctx: RequestContext): Promise<RouteResponse> {
  const { caller, item } = await updateItem(ctx, DATASOURCE_KIND, (element, datasource) => ({
    isCertified: booleanAttribute(element, 'isCertified') ?? datasource.isCertified,
    useRemoteQueryAgent: booleanAttribute(element, 'useRemoteQueryAgent') ?? datasource.useRemoteQueryAgent,
    certificationNote: attribute(element, 'certificationNote') ?? datasource.certificationNote,
  }));
  return xml(200, { datasource: contentXml(ctx, caller).datasource(item) });
}

/** A data source's connections belong to it, under its current name. */
function ownConnectionXml(datasource: DatasourceRecord, connection: ConnectionRecord) {
  return connectionXml({ ...connection, datasourceId: datasource.id, datasourceName: datasource.name });
}

function queryDatasourceConnections(ctx: RequestContext): RouteResponse {
  const { item: datasource } = requestedItem(ctx, DATASOURCE_KIND);
  return xml(200, { connections: { connection: datasource.connections.map((connection) => ownConnectionXml(datasource, connection)) } });
}

async function updateDatasourceConnection(ctx: RequestContext): Promise<RouteResponse> {
  const { item, connection } = await updateItemConnection(ctx, DATASOURCE_KIND);
  return xml(200, { connection: ownConnectionXml(item, connection) });
}

export const datasourceRoutes: Route[] = [
  { method: 'GET', path: '/sites/:siteId/datasources', handler: queryDatasources },
  { method: 'POST', path: '/sites/:siteId/datasources', handler: publishDatasource },
  { method: 'GET', path: '/sites/:siteId/datasources/:datasourceId', handler: queryDatasource },
  { method: 'PUT', path: '/sites/:siteId/datasources/:datasourceId', handler: updateDatasource },
  { method: 'DELETE', path: '/sites/:siteId/datasources/:datasourceId', handler: (ctx) => deleteItem(ctx, DATASOURCE_KIND) },
  { method: 'GET', path: '/sites/:siteId/datasources/:datasourceId/content', handler: (ctx) => downloadItem(ctx, DATASOURCE_KIND) },
  { method: 'GET', path: '/sites/:siteId/datasources/:datasourceId/connections', handler: queryDatasourceConnections },
  { method: 'PUT', path: '/sites/:siteId/datasources/:datasourceId/connections/:connectionId', handler: updateDatasourceConnection },
];
