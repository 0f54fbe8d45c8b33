import { ContentFiles } from './content-files';
import type { ContentIdentity, DatasourceRecord, NewContentPlacement, ViewRecord, WorkbookRecord } from './content-types';
import { uniqueUrlName, urlName } from './content-urls';
import { newLuid } from './ids';
import { SiteScopedCollection } from './site-scoped-collection';
import type { SiteScopedRecord } from './types';
import { UploadSessionStore } from './upload-sessions';

type Register = <T extends SiteScopedRecord>(collection: SiteScopedCollection<T>) => SiteScopedCollection<T>;

/** Workbooks, their views, data sources, upload sessions, and the files behind them. */
export class ContentStore {
  readonly workbooks: SiteScopedCollection<WorkbookRecord>;
  readonly views: SiteScopedCollection<ViewRecord>;
  readonly datasources: SiteScopedCollection<DatasourceRecord>;
  readonly uploads = new UploadSessionStore();
  readonly files: ContentFiles;

  constructor(register: Register, dataDir: string) {
    this.workbooks = register(new SiteScopedCollection<WorkbookRecord>());
    this.views = register(new SiteScopedCollection<ViewRecord>());
    this.datasources = register(new SiteScopedCollection<DatasourceRecord>());
    this.files = new ContentFiles(dataDir);
  }

  /** The workbook's views in tab order. */
  viewsOf(workbook: WorkbookRecord): ViewRecord[] {
    return this.views
      .listSite(workbook.siteId)
      .filter((view) => view.workbookId === workbook.id)
      .sort((a, b) => a.index - b.index);
  }

  /** Workbooks are keyed by name within a project, compared case-insensitively. */
  findWorkbookNamed(siteId: string, projectId: string, name: string): WorkbookRecord | undefined {
    const wanted = name.toLowerCase();
    return this.workbooks.listSite(siteId).find((w) => w.projectId === projectId && w.name.toLowerCase() === wanted);
  }

  findDatasourceNamed(siteId: string, projectId: string, name: string): DatasourceRecord | undefined {
    const wanted = name.toLowerCase();
    return this.datasources.listSite(siteId).find((d) => d.projectId === projectId && d.name.toLowerCase() === wanted);
  }

  /** A content URL no other workbook (or data source) of the site uses. */
  newContentUrl(siteId: string, kind: 'workbook' | 'datasource', name: string): string {
    const collection = kind === 'workbook' ? this.workbooks : this.datasources;
    const taken = new Set(collection.listSite(siteId).map((record) => record.contentUrl.toLowerCase()));
    return uniqueUrlName(urlName(name, kind), (candidate) => taken.has(candidate.toLowerCase()));
  }

  /** The fields a new workbook or data source starts with: its placement, an id and a content URL unique on the site. */
  newContentFields(kind: 'workbook' | 'datasource', placement: NewContentPlacement): ContentIdentity {
    return {
      id: placement.id ?? newLuid(),
      siteId: placement.siteId,
      name: placement.name,
      description: placement.description ?? '',
      contentUrl: this.newContentUrl(placement.siteId, kind, placement.name),
      projectId: placement.projectId,
      ownerId: placement.ownerId,
      createdAt: placement.createdAt,
      updatedAt: placement.updatedAt ?? placement.createdAt,
      tags: placement.tags ?? [],
    };
  }

  async deleteWorkbook(workbook: WorkbookRecord): Promise<void> {
    for (const view of this.viewsOf(workbook)) this.views.delete(view.id);
    this.workbooks.delete(workbook.id);
    await this.files.remove(workbook.file.path);
  }

  async deleteDatasource(datasource: DatasourceRecord): Promise<void> {
    this.datasources.delete(datasource.id);
    await this.files.remove(datasource.file.path);
  }

  /**
   * Deleting a project deletes the workbooks and data sources in it, as on a real server. The records go at once;
   * their files are removed in the background (a file that cannot be removed only wastes space in the data folder).
   */
  deleteInProjects(siteId: string, projectIds: ReadonlySet<string>): void {
    for (const workbook of this.workbooks.listSite(siteId)) {
      if (projectIds.has(workbook.projectId)) this.deleteWorkbook(workbook).catch(() => undefined);
    }
    for (const datasource of this.datasources.listSite(siteId)) {
      if (projectIds.has(datasource.projectId)) this.deleteDatasource(datasource).catch(() => undefined);
    }
  }
}
