import { attr, boolAttr, child, children, dateAttr, intAttr, type XmlElement } from '../xml/parse';
import type { ConnectionItem } from './connection-item';
import { Lazy } from './lazy';
import { tagsFrom } from './tags';

/** A published data source on the site. */
export class DatasourceItem {
  id?: string;
  description?: string;
  contentUrl?: string;
  webpageUrl?: string;
  createdAt?: Date;
  updatedAt?: Date;
  /** The connection class, e.g. `sqlserver`, `excel-direct`, `hyper`. */
  datasourceType?: string;
  projectName?: string;
  ownerId?: string;
  hasExtracts?: boolean;
  /** As the server reports it. */
  size?: number;
  isCertified?: boolean;
  certificationNote?: string;
  encryptExtracts?: string;
  useRemoteQueryAgent?: boolean;
  tags = new Set<string>();

  private readonly connectionList = new Lazy<ConnectionItem[]>(
    "The data source's connections have not been populated: call server.datasources.populateConnections(datasource) first.",
  );

  constructor(
    public projectId: string,
    /** Defaults to the file name (without extension) when publishing. */
    public name?: string,
  ) {}

  /** Call `server.datasources.populateConnections(datasource)` first. */
  get connections(): ConnectionItem[] {
    return this.connectionList.get();
  }

  set connections(value: ConnectionItem[]) {
    this.connectionList.set(value);
  }

  static fromElement(element: XmlElement): DatasourceItem {
    const project = child(element, 'project');
    const datasource = new DatasourceItem(attr(project, 'id') ?? '', attr(element, 'name'));
    datasource.id = attr(element, 'id');
    datasource.projectName = attr(project, 'name');
    datasource.description = attr(element, 'description');
    datasource.contentUrl = attr(element, 'contentUrl');
    datasource.webpageUrl = attr(element, 'webpageUrl');
    datasource.createdAt = dateAttr(element, 'createdAt');
    datasource.updatedAt = dateAttr(element, 'updatedAt');
    datasource.datasourceType = attr(element, 'type');
    datasource.ownerId = attr(child(element, 'owner'), 'id');
    datasource.hasExtracts = boolAttr(element, 'hasExtracts');
    datasource.size = intAttr(element, 'size');
    datasource.isCertified = boolAttr(element, 'isCertified');
    datasource.certificationNote = attr(element, 'certificationNote');
    datasource.encryptExtracts = attr(element, 'encryptExtracts');
    datasource.useRemoteQueryAgent = boolAttr(element, 'useRemoteQueryAgent');
    datasource.tags = tagsFrom(element);
    return datasource;
  }

  static listFromResponse(response: XmlElement): DatasourceItem[] {
    return children(child(response, 'datasources'), 'datasource').map((element) => DatasourceItem.fromElement(element));
  }
}
