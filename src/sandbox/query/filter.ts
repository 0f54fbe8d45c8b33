import { apiError } from '../http/api-error';
import { FILTER_OPERATORS, type FieldSpec, type FilterOperator, type QueryFields } from './fields';
import { safeDecode } from './raw-query';
import { splitTopLevel } from './split';
import { compareValues, parseFilterValue, recordValue, type Comparable } from './values';

export interface FilterClause {
  field: string;
  operator: string;
  /** Decoded values; one for every operator but `in`. */
  values: string[];
}

/**
 * Parses `field:op:value[,field:op:value]` from the RAW (still percent-encoded) filter parameter: split on the
 * literal ',' ':' '[' ']' first, then decode each piece, so encoded separators inside values round-trip.
 * The value is everything after the second ':' (timestamps carry literal colons). When the parameter has no
 * literal ':' at all the client encoded the whole expression; it is then decoded first, as a servlet would.
 */
export function parseFilter(rawParam: string): FilterClause[] {
  const alreadyDecoded = !rawParam.includes(':');
  const text = alreadyDecoded ? decodeOrThrow(rawParam, rawParam) : rawParam;
  const piece = (raw: string): string => (alreadyDecoded ? raw : decodeOrThrow(raw, rawParam));
  return splitTopLevel(text, ',').map((expression) => {
    const first = expression.indexOf(':');
    const second = first === -1 ? -1 : expression.indexOf(':', first + 1);
    if (first === -1 || second === -1) {
      throw apiError(
        'invalidFilter',
        `The filter expression '${piece(expression)}' is malformed; use field:operator:value, e.g. name:eq:Finance.`,
      );
    }
    const field = piece(expression.slice(0, first));
    const operator = piece(expression.slice(first + 1, second));
    const rawValue = expression.slice(second + 1);
    if (operator === 'in') {
      if (!rawValue.startsWith('[') || !rawValue.endsWith(']')) {
        throw apiError('invalidFilter', `The 'in' operator for key '${field}' needs a bracketed list, e.g. ${field}:in:[a,b].`);
      }
      const values = splitTopLevel(rawValue.slice(1, -1), ',').map(piece);
      if (values.every((value) => value === '')) throw missingValue(field);
      return { field, operator, values };
    }
    const value = piece(rawValue);
    if (value === '') throw missingValue(field);
    return { field, operator, values: [value] };
  });
}

function missingValue(field: string) {
  return apiError('invalidFilter', `The filter query is missing a value for key '${field}'.`);
}

function decodeOrThrow(raw: string, whole: string): string {
  const decoded = safeDecode(raw);
  if (decoded === undefined) {
    throw apiError('invalidFilter', `The filter parameter '${whole}' contains a malformed percent-encoding.`);
  }
  return decoded;
}

type Predicate<T> = (record: T) => boolean;

/** Checks every clause against the resource's fields and returns one predicate (clauses are ANDed). */
export function compileFilter<T>(clauses: FilterClause[], fields: QueryFields<T>, resource: string): Predicate<T> {
  const predicates = clauses.map((clause) => compileClause(clause, fields, resource));
  return (record) => predicates.every((predicate) => predicate(record));
}

function compileClause<T>(clause: FilterClause, fields: QueryFields<T>, resource: string): Predicate<T> {
  const spec: FieldSpec<T> | undefined = Object.hasOwn(fields, clause.field) ? fields[clause.field] : undefined;
  if (!spec || spec.filter.length === 0) {
    const known = Object.keys(fields).filter((name) => fields[name].filter.length > 0);
    throw apiError(
      'invalidFilter',
      `The filter query contains a key which is not recognized for this api version: '${clause.field}'. ` +
        `${resource} can be filtered on: ${known.join(', ') || 'nothing'}.`,
    );
  }
  if (!FILTER_OPERATORS.includes(clause.operator as FilterOperator)) {
    throw apiError(
      'invalidFilter',
      `The filter query contains an operator which is not recognized: '${clause.operator}'. Use one of ${spec.filter.join(', ')} for '${clause.field}'.`,
    );
  }
  const operator = clause.operator as FilterOperator;
  if (!spec.filter.includes(operator)) {
    throw apiError(
      'invalidFilter',
      `The operator '${operator}' is not supported for key '${clause.field}'. Supported operators: ${spec.filter.join(', ')}.`,
    );
  }
  const wanted = clause.values.map((text) => {
    const value = parseFilterValue(spec.type, text);
    if (value === undefined) {
      throw apiError('invalidFilter', `The value '${text}' for key '${clause.field}' is not a valid ${describeType(spec.type)}.`);
    }
    return value;
  });
  return (record) => matches(recordValue(spec.type, spec.get(record)), operator, wanted);
}

function describeType(type: FieldSpec<unknown>['type']): string {
  if (type === 'date') return 'ISO 8601 date-time (e.g. 2024-01-31T12:00:00Z)';
  if (type === 'boolean') return "boolean ('true' or 'false')";
  return type;
}

function matches(actual: Comparable | Comparable[] | undefined, operator: FilterOperator, wanted: Comparable[]): boolean {
  if (actual === undefined) return false;
  if (Array.isArray(actual)) {
    // Multi-valued fields (tags): eq/has = contains the value, in = shares any value.
    return actual.some((item) => matches(item, operator === 'has' ? 'eq' : operator, wanted));
  }
  const target = wanted[0];
  switch (operator) {
    case 'eq':
      return compareValues(actual, target) === 0;
    case 'gt':
      return compareValues(actual, target) > 0;
    case 'gte':
      return compareValues(actual, target) >= 0;
    case 'lt':
      return compareValues(actual, target) < 0;
    case 'lte':
      return compareValues(actual, target) <= 0;
    case 'in':
      return wanted.some((value) => compareValues(actual, value) === 0);
    case 'has':
      return typeof actual === 'string' && typeof target === 'string' && actual.toLowerCase().includes(target.toLowerCase());
  }
}
