import { requireSiteCaller, type SiteCaller } from '../auth/guards';
import { canPublish } from '../auth/roles';
import { InvalidDocumentError, inspectDatasource, inspectWorkbook, type DocumentFacts } from '../documents/inspect';
import { apiError } from '../http/api-error';
import type { RequestContext } from '../http/context';
import { xml, type RouteResponse } from '../http/respond';
import { canManage, contentXml, findProjectForContent } from '../routes/content-access';
import type { ContentStore } from '../state/content-store';
import type { DatasourceFileType, DatasourceRecord, NewContentPlacement, StoredFile, WorkbookFileType, WorkbookRecord } from '../state/content-types';
import { isoNow, newLuid } from '../state/ids';
import type { ProjectRecord } from '../state/types';
import { connectionRecords, replaceViews } from './content-records';
import { readPublishParams, type PublishParams } from './publish-params';
import { parsePublishPayload, type PublishPayload } from './publish-payload';
import { receivePublish, type ReceivedFile, type ReceivedPublish } from './receive-publish';
import { DATASOURCE_RULES, WORKBOOK_RULES, type PublishRules } from './rules';

/** Publish Workbook and Publish Data Source: one multipart request, or the commit of an upload session. */

interface Publish {
  caller: SiteCaller;
  params: PublishParams;
  received: ReceivedPublish;
  payload: PublishPayload;
  project: ProjectRecord;
}

/** A received publish, with the item of that name it would replace (if any) and what its file holds. */
interface InspectedPublish<T> extends Publish {
  existing: T | undefined;
  facts: DocumentFacts;
}

/** How a publish of one kind finds the item it would replace, and reads the file it received. */
interface PublishTarget<T extends WorkbookRecord | DatasourceRecord> {
  rules: PublishRules;
  findNamed(content: ContentStore, siteId: string, projectId: string, name: string): T | undefined;
  inspect(file: ReceivedFile): Promise<DocumentFacts>;
}

const WORKBOOK_TARGET: PublishTarget<WorkbookRecord> = {
  rules: WORKBOOK_RULES,
  findNamed: (content, siteId, projectId, name) => content.findWorkbookNamed(siteId, projectId, name),
  inspect: (file) => inspectWorkbook(file.path, file.fileType as WorkbookFileType, file.fileName),
};

const DATASOURCE_TARGET: PublishTarget<DatasourceRecord> = {
  rules: DATASOURCE_RULES,
  findNamed: (content, siteId, projectId, name) => content.findDatasourceNamed(siteId, projectId, name),
  inspect: (file) => inspectDatasource(file.path, file.fileType as DatasourceFileType, file.fileName),
};

/** The stored file of a publish, what inspecting it found, and when the publish happened. */
interface Published {
  file: StoredFile;
  facts: DocumentFacts;
  now: string;
}

export async function publishWorkbook(ctx: RequestContext): Promise<RouteResponse> {
  return withInspected(ctx, WORKBOOK_TARGET, async (publish) => {
    const { caller, received, payload, existing, facts } = publish;
    const content = ctx.state.content;
    const file = await content.files.adopt(received.file.path, received.file.size, received.file.fileType);
    const published: Published = { file, facts, now: isoNow() };
    const connections = connectionRecords(facts.connections, payload);
    let workbook: WorkbookRecord;
    if (existing) {
      workbook = await overwrite(ctx, existing, payload, published, { showTabs: payload.showTabs ?? existing.showTabs, connections });
    } else {
      workbook = content.workbooks.add({
        ...content.newContentFields('workbook', placement(publish, published.now)),
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
  return withInspected(ctx, DATASOURCE_TARGET, async (publish) => {
    const { caller, params, received, payload, existing, facts } = publish;
    const content = ctx.state.content;
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
    const published: Published = { file, facts, now };
    const type = facts.connections[0]?.type ?? received.file.fileType;
    let datasource: DatasourceRecord;
    if (existing) {
      datasource = await overwrite(ctx, existing, payload, published, {
        useRemoteQueryAgent: payload.useRemoteQueryAgent ?? existing.useRemoteQueryAgent,
        type,
        connections: connectionRecords(facts.connections, payload, existing),
      });
    } else {
      const id = newLuid();
      datasource = content.datasources.add({
        ...content.newContentFields('datasource', { ...placement(publish, now), id }),
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

/**
 * Checks the caller and parameters before reading the body, receives it, finds the item it would replace and
 * inspects the file, then runs the publish; cleans up if any of that fails. The target is checked before the
 * inspection and again after it: another publish may have finished meanwhile.
 */
async function withInspected<T extends WorkbookRecord | DatasourceRecord>(
  ctx: RequestContext,
  target: PublishTarget<T>,
  run: (publish: InspectedPublish<T>) => Promise<RouteResponse>,
): Promise<RouteResponse> {
  const { rules } = target;
  const caller = requireSiteCaller(ctx, ctx.param('siteId'));
  if (!canPublish(caller.role)) {
    throw apiError('publishForbidden', `User '${caller.user.name}' (${caller.role}) may not publish ${rules.noun}s; Creators, Explorers who can publish, and administrators can.`);
  }
  const params = readPublishParams(ctx, rules);
  const received = await receivePublish(ctx, caller, rules, params);
  try {
    const payload = parsePublishPayload(received.payloadText, rules);
    const project = findProjectForContent(ctx, caller, payload.projectId);
    const publish: Publish = { caller, params, received, payload, project };
    const findExisting = () => target.findNamed(ctx.state.content, caller.site.id, project.id, payload.name);
    checkTarget(ctx, publish, rules, findExisting());
    const facts = await inspect(() => target.inspect(received.file));
    const existing = findExisting();
    checkTarget(ctx, publish, rules, existing);
    return await run({ ...publish, existing, facts });
  } catch (error) {
    await received.abandon();
    throw error;
  }
}

/** Name conflicts and modes: CreateNew onto an existing name is refused as real servers do (403007). */
function checkTarget(
  ctx: RequestContext,
  { caller, params, project, payload }: Publish,
  rules: PublishRules,
  existing: { name: string; ownerId: string; projectId: string } | undefined,
): void {
  if (params.append && !existing) {
    throw apiError('datasourceNotFound', `append=true, but no data source named '${payload.name}' exists in project '${project.name}' to append to.`);
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

/** A new item goes into the payload's project, owned by the caller. */
function placement({ caller, payload, project }: Publish, now: string): NewContentPlacement {
  return { siteId: caller.site.id, projectId: project.id, ownerId: caller.user.id, name: payload.name, description: payload.description, createdAt: now };
}

/**
 * Overwrite mode: the existing item keeps its id, owner, project and creation date, and takes the new file, the
 * payload's name, its description when it has one, and the kind's own `changes`; its previous file is deleted.
 */
async function overwrite<T extends WorkbookRecord | DatasourceRecord>(
  ctx: RequestContext,
  existing: T,
  payload: PublishPayload,
  { file, facts, now }: Published,
  changes: Partial<T>,
): Promise<T> {
  const previous = existing.file.path;
  Object.assign(existing, {
    name: payload.name,
    description: payload.description ?? existing.description,
    file,
    hasExtracts: facts.hasExtracts,
    updatedAt: now,
    ...changes,
  });
  await ctx.state.content.files.remove(previous);
  return existing;
}
