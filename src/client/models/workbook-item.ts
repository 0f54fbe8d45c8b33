import { attr, boolAttr, child, children, dateAttr, intAttr, type XmlElement } from '../xml/parse';
import type { ConnectionItem } from './connection-item';
import { Lazy } from './lazy';
import { tagsFrom } from './tags';
import { ViewItem } from './view-item';

/** A workbook on the site. */
export class WorkbookItem {
  id?: string;
  description?: string;
  /** The workbook's name as it appears in URLs. */
  contentUrl?: string;
  webpageUrl?: string;
  createdAt?: Date;
  updatedAt?: Date;
  ownerId?: string;
  projectName?: string;
  /** As the server reports it. */
  size?: number;
  defaultViewId?: string;
  encryptExtracts?: string;
  hasExtracts?: boolean;
  tags = new Set<string>();

  private readonly viewList = new Lazy<ViewItem[]>("The workbook's views have not been populated: call server.workbooks.populateViews(workbook) first.");
  private readonly connectionList = new Lazy<ConnectionItem[]>(
    "The workbook's connections have not been populated: call server.workbooks.populateConnections(workbook) first.",
  );
  private readonly previewImageData = new Lazy<Buffer>(
    "The workbook's preview image has not been populated: call server.workbooks.populatePreviewImage(workbook) first.",
  );

  constructor(
    public projectId: string,
    /** Defaults to the file name (without extension) when publishing. */
    public name?: string,
    public showTabs = false,
  ) {}

  /** Call `server.workbooks.populateViews(workbook)` first (`getById` fills it too). */
  get views(): ViewItem[] {
    return this.viewList.get();
  }

  set views(value: ViewItem[]) {
    this.viewList.set(value);
  }

  /** Call `server.workbooks.populateConnections(workbook)` first. */
  get connections(): ConnectionItem[] {
    return this.connectionList.get();
  }

  set connections(value: ConnectionItem[]) {
    this.connectionList.set(value);
  }

  /** PNG thumbnail; call `server.workbooks.populatePreviewImage(workbook)` first. */
  get previewImage(): Buffer {
    return this.previewImageData.get();
  }

  set previewImage(value: Buffer) {
    this.previewImageData.set(value);
  }

  static fromElement(element: XmlElement): WorkbookItem {
    const project = child(element, 'project');
    const workbook = new WorkbookItem(attr(project, 'id') ?? '', attr(element, 'name'), boolAttr(element, 'showTabs') ?? false);
    workbook.id = attr(element, 'id');
    workbook.projectName = attr(project, 'name');
    workbook.description = attr(element, 'description');
    workbook.contentUrl = attr(element, 'contentUrl');
    workbook.webpageUrl = attr(element, 'webpageUrl');
    workbook.createdAt = dateAttr(element, 'createdAt');
    workbook.updatedAt = dateAttr(element, 'updatedAt');
    workbook.ownerId = attr(child(element, 'owner'), 'id');
    workbook.size = intAttr(element, 'size');
    workbook.defaultViewId = attr(element, 'defaultViewId');
    workbook.encryptExtracts = attr(element, 'encryptExtracts');
    workbook.hasExtracts = boolAttr(element, 'hasExtracts');
    workbook.tags = tagsFrom(element);
    // Query Workbook lists the views inline; Query Workbooks for Site does not, and then they stay unpopulated.
    const views = child(element, 'views');
    if (views) workbook.views = children(views, 'view').map((view) => ViewItem.fromElement(view, workbook.id));
    return workbook;
  }

  static listFromResponse(response: XmlElement): WorkbookItem[] {
    return children(child(response, 'workbooks'), 'workbook').map((element) => WorkbookItem.fromElement(element));
  }
}
