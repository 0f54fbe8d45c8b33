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
  return state.content.workbooks.add({
    ...state.content.newContentFields('workbook', { ...input, createdAt: isoNow() }),
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
  return state.content.datasources.add({
    ...state.content.newContentFields('datasource', { ...input, createdAt: isoNow() }),
    file: state.content.files.writeSync(Buffer.from(`<datasource name='${input.name}'/>`), 'tds'),
    connections: [],
    hasExtracts: false,
    type: 'postgres',
    isCertified: false,
    certificationNote: '',
    useRemoteQueryAgent: false,
  });
}
