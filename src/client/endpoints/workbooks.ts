import type { FileUploadsEndpoint } from './file-uploads';
import type { ApiClient } from '../http/api-client';
import type { ConnectionCredentials } from '../models/connection-credentials';
import { ConnectionItem } from '../models/connection-item';
import type { PaginationItem } from '../models/pagination-item';
import { ViewItem } from '../models/view-item';
import { WorkbookItem } from '../models/workbook-item';
import type { RequestOptions } from '../request-options';
import { downloadToFile, type DownloadOptions } from '../transfer/download';
import { planPublish, sendPublish, workbookRules, type PublishOptions } from '../transfer/publish';
import { child } from '../xml/parse';
import { buildRequest, el } from '../xml/build';
import { connectionUpdateElement, credentialsElement, fetchImage } from './content-requests';
import { Endpoint, requireId, segment } from './endpoint';

const missingItemId = 'Workbook item missing ID. Workbook must be retrieved from server first.';
const missingId = 'Workbook ID undefined.';

export class WorkbooksEndpoint extends Endpoint {
  constructor(
    api: ApiClient,
    private readonly fileUploads: FileUploadsEndpoint,
  ) {
    super(api);
  }

  get(reqOptions?: RequestOptions): Promise<[WorkbookItem[], PaginationItem]> {
    return this.list({ method: 'GET', path: 'workbooks', site: true }, reqOptions, WorkbookItem.listFromResponse);
  }

  async getById(workbookId: string): Promise<WorkbookItem> {
    requireId(workbookId, missingId);
    const response = await this.api.xml({ method: 'GET', path: `workbooks/${segment(workbookId)}`, site: true });
    return WorkbookItem.fromElement(child(response, 'workbook') ?? {});
  }

  /**
   * Publishes a `.twb` or `.twbx` file (CreateNew or Overwrite; workbooks cannot be appended). Files over 64 MB
   * go through an upload session; the file is streamed from disk either way.
   */
  async publish(
    workbookItem: WorkbookItem,
    filePath: string,
    mode: string,
    connectionCredentials?: ConnectionCredentials,
    options: PublishOptions = {},
  ): Promise<WorkbookItem> {
    const plan = await planPublish(workbookRules, filePath, mode);
    const payload = buildRequest(
      el(
        'workbook',
        { name: workbookItem.name || plan.defaultName, description: workbookItem.description, showTabs: workbookItem.showTabs },
        ...credentialsElement(connectionCredentials),
        el('project', { id: workbookItem.projectId }),
      ),
    );
    const response = await sendPublish(this.api, this.fileUploads, workbookRules, plan, payload, options);
    return WorkbookItem.fromElement(child(response, 'workbook') ?? {});
  }

  /** Changes the name, owner, project or tab display of a workbook retrieved from the server. */
  async update(workbookItem: WorkbookItem): Promise<WorkbookItem> {
    const id = requireId(workbookItem.id, missingItemId);
    const body = buildRequest(
      el(
        'workbook',
        { name: workbookItem.name, showTabs: workbookItem.showTabs },
        ...(workbookItem.projectId ? [el('project', { id: workbookItem.projectId })] : []),
        ...(workbookItem.ownerId ? [el('owner', { id: workbookItem.ownerId })] : []),
      ),
    );
    const response = await this.api.xml({ method: 'PUT', path: `workbooks/${segment(id)}`, site: true, body });
    return WorkbookItem.fromElement(child(response, 'workbook') ?? {});
  }

  async delete(workbookId: string): Promise<void> {
    requireId(workbookId, missingId);
    await this.api.empty({ method: 'DELETE', path: `workbooks/${segment(workbookId)}`, site: true });
  }

  /**
   * Downloads the workbook: into `filePath` when it is a folder (the current directory when omitted), else to
   * that file. Resolves to the path written.
   */
  async download(workbookId: string, filePath?: string, noExtract = false, options: DownloadOptions = {}): Promise<string> {
    requireId(workbookId, missingId);
    return downloadToFile(
      this.api,
      {
        call: { method: 'GET', path: `workbooks/${segment(workbookId)}/content`, site: true, query: noExtract ? 'includeExtract=false' : undefined },
        filePath,
        packagedExtension: '.twbx',
        plainExtension: '.twb',
        fallbackName: async () => (await this.getById(workbookId)).name,
      },
      options,
    );
  }

  /** Fills `workbookItem.views`; with `usage`, each view's `totalViews` too. */
  async populateViews(workbookItem: WorkbookItem, usage = false): Promise<void> {
    const id = requireId(workbookItem.id, missingItemId);
    const query = usage ? 'includeUsageStatistics=true' : undefined;
    const response = await this.api.xml({ method: 'GET', path: `workbooks/${segment(id)}/views`, site: true, query });
    workbookItem.views = ViewItem.listFromResponse(response, id);
  }

  /** Fills `workbookItem.connections`. */
  async populateConnections(workbookItem: WorkbookItem): Promise<void> {
    const id = requireId(workbookItem.id, missingItemId);
    const response = await this.api.xml({ method: 'GET', path: `workbooks/${segment(id)}/connections`, site: true });
    workbookItem.connections = ConnectionItem.listFromResponse(response);
  }

  /** Fills `workbookItem.previewImage` with the workbook's PNG thumbnail. */
  async populatePreviewImage(workbookItem: WorkbookItem): Promise<void> {
    const id = requireId(workbookItem.id, missingItemId);
    workbookItem.previewImage = await fetchImage(this.api, { method: 'GET', path: `workbooks/${segment(id)}/previewImage`, site: true });
  }

  /** Changes a connection's server, port, user name, password or embedding; resolves to the connection as updated. */
  async updateConnection(workbookItem: WorkbookItem, connectionItem: ConnectionItem): Promise<ConnectionItem> {
    const id = requireId(workbookItem.id, missingItemId);
    const connectionId = requireId(connectionItem.id, 'Connection item missing ID. Call populateConnections first.');
    const response = await this.api.xml({
      method: 'PUT',
      path: `workbooks/${segment(id)}/connections/${segment(connectionId)}`,
      site: true,
      body: buildRequest(connectionUpdateElement(connectionItem)),
    });
    return ConnectionItem.fromElement(child(response, 'connection') ?? {});
  }
}
