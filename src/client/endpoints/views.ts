import { MissingRequiredFieldError } from '../errors';
import type { ImageRequestOptions } from '../image-request-options';
import type { PaginationItem } from '../models/pagination-item';
import { ViewItem } from '../models/view-item';
import type { RequestOptions } from '../request-options';
import { child } from '../xml/parse';
import { fetchImage } from './content-requests';
import { Endpoint, requireId, segment } from './endpoint';

export class ViewsEndpoint extends Endpoint {
  /** Every view on the site; with `usage`, each view's `totalViews` too. */
  get(reqOptions?: RequestOptions, usage = false): Promise<[ViewItem[], PaginationItem]> {
    const query = usage ? 'includeUsageStatistics=true' : undefined;
    return this.list({ method: 'GET', path: 'views', site: true, query }, reqOptions, (response) => ViewItem.listFromResponse(response));
  }

  async getById(viewId: string): Promise<ViewItem> {
    requireId(viewId, 'View item missing ID.');
    const response = await this.api.xml({ method: 'GET', path: `views/${segment(viewId)}`, site: true });
    return ViewItem.fromElement(child(response, 'view') ?? {});
  }

  /** Fills `viewItem.previewImage` with the view's PNG thumbnail; needs the view's id and workbook id. */
  async populatePreviewImage(viewItem: ViewItem): Promise<void> {
    const { id, workbookId } = viewItem;
    if (!id || !workbookId) throw new MissingRequiredFieldError('View item missing ID or workbook ID');
    viewItem.previewImage = await fetchImage(this.api, { method: 'GET', path: `workbooks/${segment(workbookId)}/views/${segment(id)}/previewImage`, site: true });
  }

  /** Fills `viewItem.image` with the view rendered as a PNG. */
  async populateImage(viewItem: ViewItem, reqOptions?: ImageRequestOptions): Promise<void> {
    const id = requireId(viewItem.id, 'View item missing ID.');
    viewItem.image = await fetchImage(this.api, { method: 'GET', path: `views/${segment(id)}/image`, site: true, query: reqOptions?.toQueryString() || undefined });
  }
}
