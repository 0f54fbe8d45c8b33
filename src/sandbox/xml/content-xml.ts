import type { SandboxState } from '../state/store';
import type { ConnectionRecord, DatasourceRecord, UploadSession, ViewRecord, WorkbookRecord } from '../state/content-types';
import type { SiteRecord } from '../state/types';
import { attrs, type XmlNode } from './build';

/** Sizes are reported in whole megabytes, rounded up, as servers do (a small workbook has size="1"). */
export function sizeInMegabytes(bytes: number): number {
  return Math.max(1, Math.ceil(bytes / (1024 * 1024)));
}

export interface ViewXmlOptions {
  /** Add `<workbook>`, `<owner>` and `<project>` (Query Views for Site, Get View); views listed inside a workbook omit them. */
  parents?: boolean;
  /** Add `<usage totalViewCount>` (includeUsageStatistics=true). */
  usage?: boolean;
}

/**
 * The `<workbook>`, `<view>`, `<datasource>` and `<connection>` elements, attributes first and children in the
 * order the XSD sequences want (workbookType: project, owner, tags, views; viewType: workbook, owner, project,
 * tags, usage; dataSourceType: project, owner, tags; connectionType: datasource).
 */
export class ContentXml {
  constructor(
    private readonly state: SandboxState,
    private readonly site: SiteRecord,
    private readonly baseUrl: string,
  ) {}

  workbook(workbook: WorkbookRecord, includeViews: boolean): XmlNode {
    const views = this.state.content.viewsOf(workbook);
    return {
      ...attrs({
        id: workbook.id,
        name: workbook.name,
        description: workbook.description || undefined,
        contentUrl: workbook.contentUrl,
        webpageUrl: this.webpageUrl('workbooks', workbook.id),
        showTabs: workbook.showTabs,
        size: sizeInMegabytes(workbook.file.size),
        createdAt: workbook.createdAt,
        updatedAt: workbook.updatedAt,
        encryptExtracts: 'false',
        defaultViewId: views[0]?.id,
        sheetCount: views.length,
        hasExtracts: workbook.hasExtracts,
      }),
      project: this.project(workbook.projectId),
      owner: this.owner(workbook.ownerId),
      tags: tagsXml(workbook.tags),
      views: includeViews ? { view: views.map((view) => this.view(view, {})) } : undefined,
    };
  }

  view(view: ViewRecord, options: ViewXmlOptions): XmlNode {
    const workbook = this.state.content.workbooks.get(view.siteId, view.workbookId);
    return {
      ...attrs({
        id: view.id,
        name: view.name,
        contentUrl: `${workbook?.contentUrl ?? ''}/sheets/${view.viewUrlName}`,
        createdAt: view.createdAt,
        updatedAt: view.updatedAt,
        viewUrlName: view.viewUrlName,
        sheetType: view.sheetType,
      }),
      workbook: options.parents ? attrs({ id: view.workbookId }) : undefined,
      owner: options.parents && workbook ? attrs({ id: workbook.ownerId }) : undefined,
      project: options.parents && workbook ? attrs({ id: workbook.projectId }) : undefined,
      tags: tagsXml(view.tags),
      usage: options.usage ? attrs({ totalViewCount: view.totalViewCount }) : undefined,
    };
  }

  datasource(datasource: DatasourceRecord): XmlNode {
    return {
      ...attrs({
        id: datasource.id,
        name: datasource.name,
        description: datasource.description || undefined,
        contentUrl: datasource.contentUrl,
        type: datasource.type,
        createdAt: datasource.createdAt,
        updatedAt: datasource.updatedAt,
        encryptExtracts: 'false',
        hasExtracts: datasource.hasExtracts,
        isCertified: datasource.isCertified,
        certificationNote: datasource.certificationNote || undefined,
        useRemoteQueryAgent: datasource.useRemoteQueryAgent,
        webpageUrl: this.webpageUrl('datasources', datasource.id),
        size: sizeInMegabytes(datasource.file.size),
      }),
      project: this.project(datasource.projectId),
      owner: this.owner(datasource.ownerId),
      tags: tagsXml(datasource.tags),
    };
  }

  private project(projectId: string): XmlNode {
    return attrs({ id: projectId, name: this.state.projects.get(this.site.id, projectId)?.name });
  }

  private owner(ownerId: string): XmlNode {
    return attrs({ id: ownerId, name: this.state.users.get(ownerId)?.name });
  }

  private webpageUrl(kind: 'workbooks' | 'datasources', id: string): string {
    const site = this.site.contentUrl === '' ? '' : `site/${this.site.contentUrl}/`;
    return `${this.baseUrl}/#/${site}${kind}/${id}`;
  }
}

/** A connection as Query/Update Workbook (or Data Source) Connection(s) return it; the password never appears. */
export function connectionXml(connection: ConnectionRecord): XmlNode {
  return {
    ...attrs({
      id: connection.id,
      type: connection.type,
      embedPassword: connection.embedPassword,
      serverAddress: connection.serverAddress,
      serverPort: connection.serverPort || undefined,
      userName: connection.userName,
      queryTaggingEnabled: connection.queryTaggingEnabled,
    }),
    datasource: attrs({ id: connection.datasourceId, name: connection.datasourceName }),
  };
}

/** `<fileUpload>`: fileSize in whole megabytes received so far, as servers report it ("0" right after Initiate). */
export function fileUploadXml(session: UploadSession): XmlNode {
  return attrs({ uploadSessionId: session.id, fileSize: Math.floor(session.size / (1024 * 1024)) });
}

function tagsXml(tags: readonly string[]): XmlNode {
  return { tag: tags.map((label) => attrs({ label })) };
}
