import { MissingRequiredFieldError } from '../errors';
import type { ApiCall, ApiClient } from '../http/api-client';
import { PaginationItem } from '../models/pagination-item';
import type { RequestOptions } from '../request-options';
import type { XmlElement } from '../xml/parse';

/** What every resource endpoint shares: the request pipeline and list/paging plumbing. */
export abstract class Endpoint {
  constructor(protected readonly api: ApiClient) {}

  /** Lists resolve to `[items, paginationItem]`, as in TSC. */
  protected async list<T>(call: ApiCall, requestOptions: RequestOptions | undefined, parse: (response: XmlElement) => T[]): Promise<[T[], PaginationItem]> {
    const query = [requestOptions?.toQueryString(), call.query].filter(Boolean).join('&');
    const response = await this.api.xml({ ...call, query });
    const items = parse(response);
    return [items, PaginationItem.fromResponse(response, items.length)];
  }
}

/** TSC raises these before any request when an id is missing; so do we. */
export function requireId(id: string | undefined | null, message: string): string {
  if (!id) throw new MissingRequiredFieldError(message);
  return id;
}

export function segment(id: string): string {
  return encodeURIComponent(id);
}
