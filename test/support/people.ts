// Content records put straight into sandbox state, for the users/favorites suites that need a workbook, view or
// data source owned by someone without publishing a file.
import { isoNow, newLuid } from '../../src/sandbox/state/ids';
import type { DatasourceRecord, ViewRecord, WorkbookRecord } from '../../src/sandbox/state/content-types';
import type { SandboxState } from '../../src/sandbox';

interface Placement {
  siteId: string;
  projectId: string;
  ownerId: string;
  name: string;
}

export function addWorkbookRecord(state: SandboxState, input: Placement): WorkbookRecord {
  const now = isoNow();
  return state.content.workbooks.add({
    id: newLuid(),
    siteId: input.siteId,
    name: input.name,
    description: '',
    contentUrl: state.content.newContentUrl(input.siteId, 'workbook', input.name),
    projectId: input.projectId,
    ownerId: input.ownerId,
    createdAt: now,
    updatedAt: now,
    tags: [],
    file: state.content.files.writeSync(Buffer.from(`<workbook name='${input.name}'/>`), 'twb'),
    connections: [],
    hasExtracts: false,
    showTabs: false,
  });
}

export function addViewRecord(state: SandboxState, workbook: WorkbookRecord, name: string): ViewRecord {
  const now = isoNow();
  return state.content.views.add({
    id: newLuid(),
    siteId: workbook.siteId,
    workbookId: workbook.id,
    name,
    viewUrlName: name.replace(/[^A-Za-z0-9]/g, ''),
    sheetType: 'worksheet',
    index: state.content.viewsOf(workbook).length,
    createdAt: now,
    updatedAt: now,
    totalViewCount: 0,
    tags: [],
  });
}

export function addDatasourceRecord(state: SandboxState, input: Placement): DatasourceRecord {
  const now = isoNow();
  return state.content.datasources.add({
    id: newLuid(),
    siteId: input.siteId,
    name: input.name,
    description: '',
    contentUrl: state.content.newContentUrl(input.siteId, 'datasource', input.name),
    projectId: input.projectId,
    ownerId: input.ownerId,
    createdAt: now,
    updatedAt: now,
    tags: [],
    file: state.content.files.writeSync(Buffer.from(`<datasource name='${input.name}'/>`), 'tds'),
    connections: [],
    hasExtracts: false,
    type: 'postgres',
    isCertified: false,
    certificationNote: '',
    useRemoteQueryAgent: false,
  });
}
