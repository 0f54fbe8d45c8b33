/** How a resource declares what its list endpoint can filter and sort on. */

export type FieldType = 'string' | 'number' | 'boolean' | 'date';
export type FilterOperator = 'eq' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'has';
export const FILTER_OPERATORS: readonly FilterOperator[] = ['eq', 'gt', 'gte', 'lt', 'lte', 'in', 'has'];

/** A field value read from a record; arrays are multi-valued fields such as tags. Dates are ISO 8601 strings. */
export type FieldValue = string | number | boolean | null | undefined | readonly string[];

export interface FieldSpec<T> {
  type: FieldType;
  /** Operators allowed in `filter=`; empty means the field is not filterable. */
  filter: readonly FilterOperator[];
  sortable: boolean;
  get: (record: T) => FieldValue;
}

export type QueryFields<T> = Record<string, FieldSpec<T>>;

export const COMPARISON_OPERATORS: readonly FilterOperator[] = ['eq', 'gt', 'gte', 'lt', 'lte'];
