import { attrs, type XmlNode } from '../xml/build';
import type { QueryFields } from './fields';
import { compileFilter, parseFilter } from './filter';
import { paginate, parsePaging, type Pagination } from './paging';
import type { RawQuery } from './raw-query';
import { compileSort, parseSort } from './sort';

export interface ListQueryResult<T> {
  items: T[];
  pagination: Pagination;
}

/**
 * Filter, sort and page `records` as a list endpoint does, from the request's `filter`, `sort`, `pageSize` and
 * `pageNumber` parameters. Parameters are all validated before any work, so a bad page size wins over a bad filter
 * no matter how many records there are.
 */
export function runListQuery<T>(records: T[], query: RawQuery, fields: QueryFields<T>, resource: string): ListQueryResult<T> {
  const page = parsePaging(query);
  const rawFilter = query.getRaw('filter');
  const rawSort = query.getRaw('sort');
  const predicate = rawFilter ? compileFilter(parseFilter(rawFilter), fields, resource) : undefined;
  const comparator = rawSort ? compileSort(parseSort(rawSort), fields, resource) : undefined;
  let selected = predicate ? records.filter(predicate) : records;
  if (comparator) selected = [...selected].sort(comparator);
  return paginate(selected, page);
}

export function paginationXml(pagination: Pagination): XmlNode {
  return attrs({
    pageNumber: pagination.pageNumber,
    pageSize: pagination.pageSize,
    totalAvailable: pagination.totalAvailable,
  });
}
