import { apiError } from '../http/api-error';
import type { QueryFields } from './fields';
import { safeDecode } from './raw-query';
import { compareValues, recordValue, type Comparable } from './values';

export interface SortClause {
  field: string;
  direction: 'asc' | 'desc';
}

/** Parses `field:asc|desc[,field:asc|desc]` from the raw parameter, decoding pieces after splitting (see filter.ts). */
export function parseSort(rawParam: string): SortClause[] {
  const alreadyDecoded = !rawParam.includes(':');
  const decode = (raw: string): string => {
    const decoded = safeDecode(raw);
    if (decoded === undefined) throw apiError('invalidSort', `The sort parameter '${rawParam}' contains a malformed percent-encoding.`);
    return decoded;
  };
  const text = alreadyDecoded ? decode(rawParam) : rawParam;
  return text.split(',').map((expression) => {
    const parts = expression.split(':').map((part) => (alreadyDecoded ? part : decode(part)));
    const [field, direction] = parts;
    if (parts.length !== 2 || field === '' || (direction !== 'asc' && direction !== 'desc')) {
      throw apiError(
        'invalidSort',
        `The sort expression '${parts.join(':')}' is malformed; use field:asc or field:desc, e.g. name:asc.`,
      );
    }
    return { field, direction };
  });
}

/** A comparator over records; ties keep the incoming order (Array.prototype.sort is stable). */
export function compileSort<T>(clauses: SortClause[], fields: QueryFields<T>, resource: string): (a: T, b: T) => number {
  const keys = clauses.map((clause) => {
    const spec = Object.hasOwn(fields, clause.field) ? fields[clause.field] : undefined;
    if (!spec || !spec.sortable) {
      const known = Object.keys(fields).filter((name) => fields[name].sortable);
      throw apiError(
        'invalidSort',
        `The sort query contains a key which is not recognized for this api version: '${clause.field}'. ` +
          `${resource} can be sorted on: ${known.join(', ') || 'nothing'}.`,
      );
    }
    const sign = clause.direction === 'asc' ? 1 : -1;
    return { sign, read: (record: T) => sortKey(recordValue(spec.type, spec.get(record))) };
  });
  return (a, b) => {
    for (const key of keys) {
      const result = compareNullable(key.read(a), key.read(b));
      if (result !== 0) return key.sign * result;
    }
    return 0;
  };
}

function sortKey(value: Comparable | Comparable[] | undefined): Comparable | undefined {
  const single = Array.isArray(value) ? value[0] : value;
  return typeof single === 'string' ? single.toLowerCase() : single;
}

function compareNullable(a: Comparable | undefined, b: Comparable | undefined): number {
  if (a === undefined) return b === undefined ? 0 : 1;
  if (b === undefined) return -1;
  return compareValues(a, b);
}
