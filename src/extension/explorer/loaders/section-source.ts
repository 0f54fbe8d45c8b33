import { Filter, RequestOptions, Sort, type PaginationItem } from '../../../client';
import type { SessionManager } from '../../servers/session-manager';
import type { ExplorerNode, SectionName } from '../nodes';
import type { OwnerNames } from './owners';

/** What loaders need: the sessions to ask through, and the owner-name lookups they share. */
export interface LoaderContext {
  sessions: SessionManager;
  owners: OwnerNames;
}

/** One page of a section, as the tree shows it. */
export interface SectionPage {
  nodes: ExplorerNode[];
  /** Items the server returned for the page, before any client-side narrowing (paging counts these). */
  received: number;
  /** Items the server has in the whole list. */
  total: number;
}

/** A list under a node that loads page by page: projects, workbooks, data sources, sites or views. */
export interface SectionSource {
  name: SectionName;
  fetchPage(pageNumber: number, pageSize: number): Promise<SectionPage>;
}

/** A page request sorted by name, with the given filters (`field:eq:value`). */
export function byName(pageNumber: number, pageSize: number, filters: Array<[string, string | boolean]> = []): RequestOptions {
  const options = new RequestOptions(pageNumber, pageSize);
  for (const [field, value] of filters) options.filter.add(new Filter(field, RequestOptions.Operator.Equals, value));
  options.sort.add(new Sort(RequestOptions.Field.Name, RequestOptions.Direction.Asc));
  return options;
}

export function totalOf(pagination: PaginationItem, received: number): number {
  return Math.max(pagination.totalAvailable, received);
}
