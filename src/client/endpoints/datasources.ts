import type { FileUploadsEndpoint } from './file-uploads';
import type { ApiClient } from '../http/api-client';
import type { ConnectionCredentials } from '../models/connection-credentials';
import { ConnectionItem } from '../models/connection-item';
import { DatasourceItem } from '../models/datasource-item';
import type { PaginationItem } from '../models/pagination-item';
import type { RequestOptions } from '../request-options';
import { downloadToFile, type DownloadOptions } from '../transfer/download';
import { datasourceRules, planPublish, sendPublish, type PublishOptions } from '../transfer/publish';
import { child } from '../xml/parse';
import { buildRequest, el } from '../xml/build';
import { connectionUpdateElement, credentialsElement } from './content-requests';
import { Endpoint, requireId, segment } from './endpoint';

const missingItemId = 'Datasource item missing ID. Datasource must be retrieved from server first.';
const missingId = 'Datasource ID undefined.';

export class DatasourcesEndpoint extends Endpoint {
  constructor(
    api: ApiClient,
    private readonly fileUploads: FileUploadsEndpoint,
  ) {
    super(api);
  }

  get(reqOptions?: RequestOptions): Promise<[DatasourceItem[], PaginationItem]> {
    return this.list({ method: 'GET', path: 'datasources', site: true }, reqOptions, DatasourceItem.listFromResponse);
  }

  async getById(datasourceId: string): Promise<DatasourceItem> {
    requireId(datasourceId, missingId);
    const response = await this.api.xml({ method: 'GET', path: `datasources/${segment(datasourceId)}`, site: true });
    return DatasourceItem.fromElement(child(response, 'datasource') ?? {});
  }

  /**
   * Publishes a `.tds`, `.tdsx`, `.tde` or `.hyper` file: CreateNew, Overwrite, or Append (onto an extract).
   * Files over 64 MB go through an upload session; the file is streamed from disk either way.
   */
  async publish(
    datasourceItem: DatasourceItem,
    filePath: string,
    mode: string,
    connectionCredentials?: ConnectionCredentials,
    options: PublishOptions = {},
  ): Promise<DatasourceItem> {
    const plan = await planPublish(datasourceRules, filePath, mode);
    const payload = buildRequest(
      el(
        'datasource',
        { name: datasourceItem.name || plan.defaultName, description: datasourceItem.description, useRemoteQueryAgent: datasourceItem.useRemoteQueryAgent },
        ...credentialsElement(connectionCredentials),
        el('project', { id: datasourceItem.projectId }),
      ),
    );
    const response = await sendPublish(this.api, this.fileUploads, datasourceRules, plan, payload, options);
    return DatasourceItem.fromElement(child(response, 'datasource') ?? {});
  }

  /** Changes the name, owner, project or certification of a data source retrieved from the server. */
  async update(datasourceItem: DatasourceItem): Promise<DatasourceItem> {
    const id = requireId(datasourceItem.id, missingItemId);
    const body = buildRequest(
      el(
        'datasource',
        { name: datasourceItem.name, isCertified: datasourceItem.isCertified, certificationNote: datasourceItem.certificationNote },
        ...(datasourceItem.projectId ? [el('project', { id: datasourceItem.projectId })] : []),
        ...(datasourceItem.ownerId ? [el('owner', { id: datasourceItem.ownerId })] : []),
      ),
    );
    const response = await this.api.xml({ method: 'PUT', path: `datasources/${segment(id)}`, site: true, body });
    return DatasourceItem.fromElement(child(response, 'datasource') ?? {});
  }

  async delete(datasourceId: string): Promise<void> {
    requireId(datasourceId, missingId);
    await this.api.empty({ method: 'DELETE', path: `datasources/${segment(datasourceId)}`, site: true });
  }

  /**
   * Downloads the data source (`.tdsx`, or `.tds` when it has no packaged data): into `filePath` when it is a
   * folder (the current directory when omitted), else to that file. Resolves to the path written.
   */
  async download(datasourceId: string, filePath?: string, noExtract = false, options: DownloadOptions = {}): Promise<string> {
    requireId(datasourceId, missingId);
    return downloadToFile(
      this.api,
      {
        call: { method: 'GET', path: `datasources/${segment(datasourceId)}/content`, site: true, query: noExtract ? 'includeExtract=false' : undefined },
        filePath,
        packagedExtension: '.tdsx',
        plainExtension: '.tds',
        fallbackName: async () => (await this.getById(datasourceId)).name,
      },
      options,
    );
  }

  /** Fills `datasourceItem.connections`. */
  async populateConnections(datasourceItem: DatasourceItem): Promise<void> {
    const id = requireId(datasourceItem.id, missingItemId);
    const response = await this.api.xml({ method: 'GET', path: `datasources/${segment(id)}/connections`, site: true });
    datasourceItem.connections = ConnectionItem.listFromResponse(response);
  }

  /** Changes a connection's server, port, user name, password or embedding; resolves to the connection as updated. */
  async updateConnection(datasourceItem: DatasourceItem, connectionItem: ConnectionItem): Promise<ConnectionItem> {
    const id = requireId(datasourceItem.id, missingItemId);
    const connectionId = requireId(connectionItem.id, 'Connection item missing ID. Call populateConnections first.');
    const response = await this.api.xml({
      method: 'PUT',
      path: `datasources/${segment(id)}/connections/${segment(connectionId)}`,
      site: true,
      body: buildRequest(connectionUpdateElement(connectionItem)),
    });
    return ConnectionItem.fromElement(child(response, 'connection') ?? {});
  }
}
