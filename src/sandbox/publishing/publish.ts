import { requireSiteCaller, type SiteCaller } from '../auth/guards';
import { canPublish } from '../auth/roles';
import { InvalidDocumentError, inspectDatasource, inspectWorkbook, type DocumentFacts } from '../documents/inspect';
import { apiError } from '../http/api-error';
import type { RequestContext } from '../http/context';
import { xml, type RouteResponse } from '../http/respond';
import { canManage, contentXml, findProjectForContent } from '../routes/content-access';
import type { DatasourceFileType, DatasourceRecord, WorkbookFileType, WorkbookRecord } from '../state/content-types';
import { isoNow, newLuid } from '../state/ids';
import type { ProjectRecord } from '../state/types';
import { connectionRecords, replaceViews } from './content-records';
import { readPublishParams, type PublishParams } from './publish-params';
import { parsePublishPayload, type PublishPayload } from './publish-payload';
import { receivePublish, type ReceivedPublish } from './receive-publish';
import { DATASOURCE_RULES, WORKBOOK_RULES, type PublishRules } from './rules';

/** Publish Workbook and Publish Data Source: one multipart request, or the commit of an upload session. */

interface Publish {
  caller: SiteCaller;
  params: PublishParams;
  received: ReceivedPublish;
  payload: PublishPayload;
  project: ProjectRecord;
}

export async function publishWorkbook(ctx: RequestContext): Promise<RouteResponse> {
  return withReceived(ctx, WORKBOOK_RULES, async ({ caller, params, received, payload, project }) => {
    const content = ctx.state.content;
    const find = () => content.findWorkbookNamed(caller.site.id, project.id, payload.name);
    checkTarget(ctx, caller, WORKBOOK_RULES, find(), params, project, payload.name);
    const facts = await inspect(() => inspectWorkbook(received.file.path, received.file.fileType as WorkbookFileType, received.file.fileName));
    const existing = find();
    checkTarget(ctx, caller, WORKBOOK_RULES, existing, params, project, payload.name); // again: another publish may have finished meanwhile
    const file = await content.files.adopt(received.file.path, received.file.size, received.file.fileType);
    const now = isoNow();
    const connections = connectionRecords(facts.connections, payload);
    let workbook: WorkbookRecord;
    if (existing) {
      const previous = existing.file.path;
      Object.assign(existing, {
        name: payload.name,
        description: payload.description ?? existing.description,
        showTabs: payload.showTabs ?? existing.showTabs,
        file,
        connections,
        hasExtracts: facts.hasExtracts,
        updatedAt: now,
      });
      await content.files.remove(previous);
      workbook = existing;
    } else {
      workbook = content.workbooks.add({
        id: newLuid(),
        siteId: caller.site.id,
        name: payload.name,
        description: payload.description ?? '',
        contentUrl: content.newContentUrl(caller.site.id, 'workbook', payload.name),
        projectId: project.id,
        ownerId: caller.user.id,
        createdAt: now,
        updatedAt: now,
        tags: [],
        file,
        connections,
        hasExtracts: facts.hasExtracts,
        showTabs: payload.showTabs ?? false,
      });
    }
    replaceViews(ctx.state, workbook, facts.sheets);
    return xml(201, { workbook: contentXml(ctx, caller).workbook(workbook, true) });
  });
}

export async function publishDatasource(ctx: RequestContext): Promise<RouteResponse> {
  return withReceived(ctx, DATASOURCE_RULES, async ({ caller, params, received, payload, project }) => {
    const content = ctx.state.content;
    const find = () => content.findDatasourceNamed(caller.site.id, project.id, payload.name);
    checkTarget(ctx, caller, DATASOURCE_RULES, find(), params, project, payload.name);
    const facts = await inspect(() => inspectDatasource(received.file.path, received.file.fileType as DatasourceFileType, received.file.fileName));
    const existing = find();
    checkTarget(ctx, caller, DATASOURCE_RULES, existing, params, project, payload.name);
    const now = isoNow();
    if (params.append && existing) {
      if (!existing.hasExtracts) {
        throw apiError('publishingError', `The data source '${existing.name}' is live (it has no extract); only data sources with an extract can be appended to.`);
      }
      if (!facts.hasExtracts) {
        throw apiError('publishingError', `Only extract data (.hyper, .tde, or a packaged data source with an extract) can be appended; '${received.file.fileName}' has no extract.`);
      }
      // The sandbox cannot merge extracts: the appended rows are accepted and the stored file stays as it was.
      existing.updatedAt = now;
      await received.consume();
      return xml(201, { datasource: contentXml(ctx, caller).datasource(existing) });
    }
    const file = await content.files.adopt(received.file.path, received.file.size, received.file.fileType);
    const type = facts.connections[0]?.type ?? received.file.fileType;
    let datasource: DatasourceRecord;
    if (existing) {
      const previous = existing.file.path;
      Object.assign(existing, {
        name: payload.name,
        description: payload.description ?? existing.description,
        useRemoteQueryAgent: payload.useRemoteQueryAgent ?? existing.useRemoteQueryAgent,
        file,
        type,
        connections: connectionRecords(facts.connections, payload, existing),
        hasExtracts: facts.hasExtracts,
        updatedAt: now,
      });
      await content.files.remove(previous);
      datasource = existing;
    } else {
      const id = newLuid();
      datasource = content.datasources.add({
        id,
        siteId: caller.site.id,
        name: payload.name,
        description: payload.description ?? '',
        contentUrl: content.newContentUrl(caller.site.id, 'datasource', payload.name),
        projectId: project.id,
        ownerId: caller.user.id,
        createdAt: now,
        updatedAt: now,
        tags: [],
        file,
        connections: connectionRecords(facts.connections, payload, { id, name: payload.name }),
        hasExtracts: facts.hasExtracts,
        type,
        isCertified: false,
        certificationNote: '',
        useRemoteQueryAgent: payload.useRemoteQueryAgent ?? false,
      });
    }
    return xml(201, { datasource: contentXml(ctx, caller).datasource(datasource) });
  });
}

/** Checks the caller and parameters before reading the body, receives it, and cleans up if the publish fails. */
async function withReceived(ctx: RequestContext, rules: PublishRules, run: (publish: Publish) => Promise<RouteResponse>): Promise<RouteResponse> {
  const caller = requireSiteCaller(ctx, ctx.param('siteId'));
  if (!canPublish(caller.role)) {
    throw apiError('publishForbidden', `User '${caller.user.name}' (${caller.role}) may not publish ${rules.noun}s; Creators, Explorers who can publish, and administrators can.`);
  }
  const params = readPublishParams(ctx, rules);
  const received = await receivePublish(ctx, caller, rules, params);
  try {
    const payload = parsePublishPayload(received.payloadText, rules);
    const project = findProjectForContent(ctx, caller, payload.projectId);
    return await run({ caller, params, received, payload, project });
  } catch (error) {
    await received.abandon();
    throw error;
  }
}

/** Name conflicts and modes: CreateNew onto an existing name is refused as real servers do (403007). */
function checkTarget(
  ctx: RequestContext,
  caller: SiteCaller,
  rules: PublishRules,
  existing: { name: string; ownerId: string; projectId: string } | undefined,
  params: PublishParams,
  project: ProjectRecord,
  name: string,
): void {
  if (params.append && !existing) {
    throw apiError('datasourceNotFound', `append=true, but no data source named '${name}' exists in project '${project.name}' to append to.`);
  }
  if (!existing) return;
  if (!params.overwrite && !params.append) {
    throw apiError(
      'publishForbidden',
      `The ${rules.noun} '${existing.name}' already exists in project '${project.name}' and may not be overwritten without the 'overwrite' flag set to 'true'.`,
    );
  }
  if (!canManage(ctx, caller, existing)) {
    throw apiError('publishForbidden', `User '${caller.user.name}' may not overwrite the ${rules.noun} '${existing.name}'; its owner or an administrator can.`);
  }
}

async function inspect(read: () => Promise<DocumentFacts>): Promise<DocumentFacts> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof InvalidDocumentError) throw apiError('publishingError', error.message);
    throw error;
  }
}
