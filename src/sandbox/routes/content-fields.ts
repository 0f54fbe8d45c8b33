import { COMPARISON_OPERATORS, type FieldSpec, type QueryFields } from '../query/fields';
import type { SandboxState } from '../state/store';
import type { DatasourceRecord, ViewRecord, WorkbookRecord } from '../state/content-types';
import { sizeInMegabytes } from '../xml/content-xml';

/** Filterable and sortable fields of workbooks, views and data sources, per the REST reference's "Filtering and Sorting". */

const EQ_IN = ['eq', 'in'] as const;

function text<T>(get: (record: T) => string | undefined): FieldSpec<T> {
  return { type: 'string', filter: EQ_IN, sortable: true, get };
}

function date<T>(get: (record: T) => string): FieldSpec<T> {
  return { type: 'date', filter: COMPARISON_OPERATORS, sortable: true, get };
}

function number<T>(get: (record: T) => number): FieldSpec<T> {
  return { type: 'number', filter: COMPARISON_OPERATORS, sortable: true, get };
}

function flag<T>(get: (record: T) => boolean): FieldSpec<T> {
  return { type: 'boolean', filter: ['eq'], sortable: true, get };
}

function tags<T extends { tags: string[] }>(): FieldSpec<T> {
  return { type: 'string', filter: EQ_IN, sortable: false, get: (record) => record.tags };
}

function ownership<T extends { ownerId: string; projectId: string; siteId: string }>(state: SandboxState): QueryFields<T> {
  const owner = (record: T) => state.users.get(record.ownerId);
  return {
    ownerName: text((record) => owner(record)?.name),
    ownerEmail: text((record) => owner(record)?.email),
    ownerDomain: text((record) => (owner(record) ? 'local' : undefined)),
    projectName: text((record) => state.projects.get(record.siteId, record.projectId)?.name),
  };
}

export function workbookFields(state: SandboxState): QueryFields<WorkbookRecord> {
  const views = (workbook: WorkbookRecord) => state.content.viewsOf(workbook);
  return {
    name: text((w) => w.name),
    contentUrl: text((w) => w.contentUrl),
    ...ownership<WorkbookRecord>(state),
    createdAt: date((w) => w.createdAt),
    updatedAt: date((w) => w.updatedAt),
    tags: tags<WorkbookRecord>(),
    displayTabs: flag((w) => w.showTabs),
    hasExtracts: flag((w) => w.hasExtracts),
    sheetCount: number((w) => views(w).length),
    size: number((w) => sizeInMegabytes(w.file.size)),
    favoritesTotal: number(() => 0),
    subscriptionsTotal: number(() => 0),
  };
}

export function datasourceFields(state: SandboxState): QueryFields<DatasourceRecord> {
  const first = (d: DatasourceRecord) => d.connections[0];
  return {
    name: text((d) => d.name),
    contentUrl: text((d) => d.contentUrl),
    description: text((d) => d.description),
    type: { type: 'string', filter: ['eq'], sortable: true, get: (d) => d.type },
    connectionType: text((d) => d.type),
    ...ownership<DatasourceRecord>(state),
    createdAt: date((d) => d.createdAt),
    updatedAt: date((d) => d.updatedAt),
    tags: tags<DatasourceRecord>(),
    hasExtracts: flag((d) => d.hasExtracts),
    isCertified: flag((d) => d.isCertified),
    isPublished: flag(() => true),
    hasEmbeddedPassword: flag((d) => d.connections.some((c) => c.embedPassword)),
    serverName: text((d) => first(d)?.serverAddress),
    serverPort: text((d) => first(d)?.serverPort),
    databaseName: text((d) => first(d)?.databaseName),
    databaseUserName: text((d) => first(d)?.userName),
    size: number((d) => sizeInMegabytes(d.file.size)),
    favoritesTotal: number(() => 0),
  };
}

export function viewFields(state: SandboxState): QueryFields<ViewRecord> {
  const workbook = (view: ViewRecord) => state.content.workbooks.get(view.siteId, view.workbookId);
  const owner = (view: ViewRecord) => state.users.get(workbook(view)?.ownerId ?? '');
  return {
    name: text((v) => v.name),
    viewUrlName: text((v) => v.viewUrlName),
    contentUrl: text((v) => `${workbook(v)?.contentUrl ?? ''}/sheets/${v.viewUrlName}`),
    sheetType: text((v) => v.sheetType),
    sheetNumber: number((v) => v.index + 1),
    workbookName: text((v) => workbook(v)?.name),
    workbookDescription: text((v) => workbook(v)?.description),
    projectName: text((v) => state.projects.get(v.siteId, workbook(v)?.projectId ?? '')?.name),
    ownerName: text((v) => owner(v)?.name),
    ownerEmail: text((v) => owner(v)?.email),
    ownerDomain: text((v) => (owner(v) ? 'local' : undefined)),
    createdAt: date((v) => v.createdAt),
    updatedAt: date((v) => v.updatedAt),
    tags: tags<ViewRecord>(),
    hitsTotal: number((v) => v.totalViewCount),
    favoritesTotal: number(() => 0),
  };
}
