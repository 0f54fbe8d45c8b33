import type { SiteScopedRecord } from './types';

// Workbooks, views and data sources as the sandbox keeps them. Dates are ISO 8601 strings like every record.

/** File types a server accepts: workbooks .twb/.twbx, data sources .tds/.tdsx/.tde/.hyper. */
export type WorkbookFileType = 'twb' | 'twbx';
export type DatasourceFileType = 'tds' | 'tdsx' | 'tde' | 'hyper';
export type ContentFileType = WorkbookFileType | DatasourceFileType;

/** The published bytes, kept on disk in the sandbox's data folder and served back unchanged. */
export interface StoredFile {
  path: string;
  size: number;
  fileType: ContentFileType;
}

export interface ConnectionRecord {
  id: string;
  /** Tableau's connection class: postgres, sqlserver, excel-direct, hyper, sqlproxy... */
  type: string;
  serverAddress: string;
  serverPort: string;
  userName: string;
  /** Stored for Update Connection; never sent back. */
  password: string;
  embedPassword: boolean;
  queryTaggingEnabled: boolean;
  /** The data source this connection belongs to: an embedded one for workbooks, the published one for data sources. */
  datasourceId: string;
  datasourceName: string;
  databaseName: string;
}

export type SheetType = 'worksheet' | 'dashboard' | 'story';

export interface ViewRecord extends SiteScopedRecord {
  workbookId: string;
  name: string;
  /** The name as it appears in view URLs: the sheet name without spaces and URL-unsafe characters. */
  viewUrlName: string;
  sheetType: SheetType;
  /** Tab order within the workbook. */
  index: number;
  createdAt: string;
  updatedAt: string;
  totalViewCount: number;
  tags: string[];
}

interface PublishedContent extends SiteScopedRecord {
  name: string;
  description: string;
  contentUrl: string;
  projectId: string;
  ownerId: string;
  createdAt: string;
  updatedAt: string;
  tags: string[];
  file: StoredFile;
  connections: ConnectionRecord[];
  hasExtracts: boolean;
}

/** The fields every workbook and data source record starts with (ContentStore.newContentFields). */
export type ContentIdentity = Pick<PublishedContent, 'id' | 'siteId' | 'name' | 'description' | 'contentUrl' | 'projectId' | 'ownerId' | 'createdAt' | 'updatedAt' | 'tags'>;

/** Where a new workbook or data source goes, who owns it and when it was made; the rest has defaults. */
export interface NewContentPlacement {
  siteId: string;
  projectId: string;
  ownerId: string;
  name: string;
  createdAt: string;
  /** A fresh id when absent (a data source's connections need its id before the record exists). */
  id?: string;
  /** '' when absent. */
  description?: string;
  /** createdAt when absent. */
  updatedAt?: string;
  /** None when absent. */
  tags?: string[];
}

export interface WorkbookRecord extends PublishedContent {
  showTabs: boolean;
}

export interface DatasourceRecord extends PublishedContent {
  /** The connection type servers report for the data source (its main connection's class). */
  type: string;
  isCertified: boolean;
  certificationNote: string;
  useRemoteQueryAgent: boolean;
}

/** An upload session: chunks appended in order to one file until a publish request commits it. */
export interface UploadSession {
  id: string;
  siteId: string;
  userId: string;
  path: string;
  /** Bytes committed by completed Append requests. */
  size: number;
  createdAt: string;
}
