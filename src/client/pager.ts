import { InvalidArgumentError } from './errors';
import type { PaginationItem } from './models/pagination-item';
import { RequestOptions } from './request-options';

export type Page<T> = [T[], PaginationItem];

/** Anything with TSC's list signature: `get(reqOptions?) → [items, paginationItem]`. */
export interface Pageable<T> {
  get(reqOptions?: RequestOptions): Promise<Page<T>>;
}

/** A page-fetching function, for `populate*` calls: `(ro) => server.groups.populateUsers(g, ro).then(p => [g.users, p])`. */
export type PageFetcher<T> = (reqOptions: RequestOptions) => Promise<Page<T>>;

export interface PagerOptions {
  /** Pages fetched ahead concurrently while the caller consumes the current one. Default 0 (sequential). */
  prefetch?: number;
}

/**
 * Iterates every item of a paged list: `for await (const project of new Pager(server.projects))`.
 * With `prefetch`, up to that many following pages are requested while earlier ones are consumed, which hides
 * latency to far-away servers; items still arrive in order.
 */
export class Pager<T> implements AsyncIterable<T> {
  private readonly fetchPage: PageFetcher<T>;
  private readonly prefetch: number;

  constructor(
    source: Pageable<T> | PageFetcher<T>,
    private readonly requestOptions: RequestOptions = new RequestOptions(),
    options: PagerOptions = {},
  ) {
    this.fetchPage = typeof source === 'function' ? source : (ro) => source.get(ro);
    this.prefetch = Math.max(0, Math.floor(options.prefetch ?? 0));
    if (requestOptions.pageSize < 1) throw new InvalidArgumentError('The page size must be at least 1.');
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    const first = this.requestOptions.pageNumber;
    const [firstItems, pagination] = await this.fetchPage(this.requestOptions.forPage(first));
    yield* firstItems;
    const pageSize = pagination.pageSize || this.requestOptions.pageSize;
    const lastPage = Math.ceil(pagination.totalAvailable / pageSize);
    if (firstItems.length === 0 || first >= lastPage) return;

    const pending = new Map<number, Promise<Page<T>>>();
    const request = (pageNumber: number) => {
      const promise = this.fetchPage(this.requestOptions.forPage(pageNumber));
      // A page the caller never reaches (early break, earlier failure) must not surface as an unhandled rejection.
      promise.catch(() => undefined);
      pending.set(pageNumber, promise);
    };
    let nextToRequest = first + 1;
    try {
      for (let pageNumber = first + 1; pageNumber <= lastPage; pageNumber++) {
        while (nextToRequest <= lastPage && nextToRequest <= pageNumber + this.prefetch) request(nextToRequest++);
        const [items] = await pending.get(pageNumber)!;
        pending.delete(pageNumber);
        yield* items;
        if (items.length === 0) return;
      }
    } finally {
      pending.clear();
    }
  }
}
