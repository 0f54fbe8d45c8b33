import { apiError } from '../http/api-error';
import type { RawQuery } from './raw-query';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

export interface Pagination {
  pageNumber: number;
  pageSize: number;
  totalAvailable: number;
}

export interface PageRequest {
  pageNumber: number;
  pageSize: number;
}

export function parsePaging(query: RawQuery): PageRequest {
  const sizeText = query.get('pageSize');
  const numberText = query.get('pageNumber');
  const pageSize = sizeText === undefined ? DEFAULT_PAGE_SIZE : positiveInteger(sizeText);
  if (pageSize === undefined) {
    throw apiError('invalidPageSize', `The page size parameter '${sizeText}' is not an integer, or is less than one.`);
  }
  if (pageSize > MAX_PAGE_SIZE) {
    throw apiError(
      'pageSizeLimitExceeded',
      `The specified page size ${pageSize} is larger than the maximum page size (${MAX_PAGE_SIZE}).`,
    );
  }
  const pageNumber = numberText === undefined ? 1 : positiveInteger(numberText);
  if (pageNumber === undefined) {
    throw apiError('invalidPageNumber', `The page number parameter '${numberText}' is not an integer, or is less than one.`);
  }
  return { pageNumber, pageSize };
}

function positiveInteger(text: string): number | undefined {
  if (!/^\d{1,9}$/.test(text)) return undefined;
  const value = Number(text);
  return value >= 1 ? value : undefined;
}

/** One page of the records. Asking past the last page is an error, as the REST reference documents. */
export function paginate<T>(records: T[], page: PageRequest): { items: T[]; pagination: Pagination } {
  const totalAvailable = records.length;
  const lastPage = Math.max(1, Math.ceil(totalAvailable / page.pageSize));
  if (page.pageNumber > lastPage) {
    throw apiError(
      'invalidPageNumber',
      `The page number ${page.pageNumber} is greater than the final page number (${lastPage}) at page size ${page.pageSize}; ${totalAvailable} items are available.`,
    );
  }
  const start = (page.pageNumber - 1) * page.pageSize;
  return {
    items: records.slice(start, start + page.pageSize),
    pagination: { pageNumber: page.pageNumber, pageSize: page.pageSize, totalAvailable },
  };
}
