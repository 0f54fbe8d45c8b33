import type { FieldType, FieldValue } from './fields';

/** A filter or record value brought to a comparable form: strings stay strings, dates become epoch ms. */
export type Comparable = string | number | boolean;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Parses a filter value of the field's type; undefined means the text is not a valid value of that type. */
export function parseFilterValue(type: FieldType, text: string): Comparable | undefined {
  switch (type) {
    case 'string':
      return text;
    case 'number': {
      const value = /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
      return Number.isFinite(value) ? value : undefined;
    }
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : undefined;
    case 'date': {
      if (!ISO_INSTANT.test(text)) return undefined;
      const ms = Date.parse(text);
      return Number.isNaN(ms) ? undefined : ms;
    }
  }
}

/** The record's value in comparable form; arrays map element-wise; null/undefined mean "no value". */
export function recordValue(type: FieldType, value: FieldValue): Comparable | Comparable[] | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return value.map((item) => toComparable(type, item)).filter(isDefined);
  return toComparable(type, value as string | number | boolean);
}

function toComparable(type: FieldType, value: string | number | boolean): Comparable | undefined {
  if (type === 'date' && typeof value === 'string') {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? undefined : ms;
  }
  return value;
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}

export function compareValues(a: Comparable, b: Comparable): number {
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return (a as number) - (b as number);
}
