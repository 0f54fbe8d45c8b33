import { attr, child, children, dateAttr, intAttr, type XmlElement } from '../xml/parse';
import { Lazy } from './lazy';
import { tagsFrom } from './tags';

/** A view (worksheet or dashboard) of a workbook. */
export class ViewItem {
  id?: string;
  name?: string;
  /** `{workbookUrl}/sheets/{viewUrlName}` */
  contentUrl?: string;
  viewUrlName?: string;
  /** `worksheet`, `dashboard` or `story`, where the server says. */
  sheetType?: string;
  ownerId?: string;
  workbookId?: string;
  projectId?: string;
  /** Set when the views were queried with usage statistics. */
  totalViews?: number;
  createdAt?: Date;
  updatedAt?: Date;
  tags = new Set<string>();

  private readonly previewImageData = new Lazy<Buffer>("The view's preview image has not been populated: call server.views.populatePreviewImage(view) first.");
  private readonly imageData = new Lazy<Buffer>("The view's image has not been populated: call server.views.populateImage(view) first.");

  /** PNG thumbnail; call `server.views.populatePreviewImage(view)` first. */
  get previewImage(): Buffer {
    return this.previewImageData.get();
  }

  set previewImage(value: Buffer) {
    this.previewImageData.set(value);
  }

  /** PNG image of the view; call `server.views.populateImage(view)` first. */
  get image(): Buffer {
    return this.imageData.get();
  }

  set image(value: Buffer) {
    this.imageData.set(value);
  }

  /** @param workbookId the enclosing workbook, for views listed inside a `<workbook>` that do not repeat it. */
  static fromElement(element: XmlElement, workbookId?: string): ViewItem {
    const view = new ViewItem();
    view.id = attr(element, 'id');
    view.name = attr(element, 'name');
    view.contentUrl = attr(element, 'contentUrl');
    view.viewUrlName = attr(element, 'viewUrlName');
    view.sheetType = attr(element, 'sheetType');
    view.createdAt = dateAttr(element, 'createdAt');
    view.updatedAt = dateAttr(element, 'updatedAt');
    view.ownerId = attr(child(element, 'owner'), 'id');
    view.workbookId = attr(child(element, 'workbook'), 'id') ?? workbookId;
    view.projectId = attr(child(element, 'project'), 'id');
    view.totalViews = intAttr(child(element, 'usage'), 'totalViewCount');
    view.tags = tagsFrom(element);
    return view;
  }

  static listFromResponse(response: XmlElement, workbookId?: string): ViewItem[] {
    return children(child(response, 'views'), 'view').map((element) => ViewItem.fromElement(element, workbookId));
  }
}
