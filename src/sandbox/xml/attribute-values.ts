import { apiError } from '../http/api-error';
import { attribute, type RequestElement } from './parse';

/** Typed readers for request attributes; each rejects a bad value with a 400 that names the attribute. */

export function booleanAttribute(element: RequestElement, name: string): boolean | undefined {
  const raw = attribute(element, name);
  if (raw === undefined) return undefined;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw apiError('badRequest', `The ${name} attribute must be 'true' or 'false', not '${raw}'.`);
}

export function integerAttribute(
  element: RequestElement,
  name: string,
  range: { min: number; max: number; also?: number[] },
): number | undefined {
  const raw = attribute(element, name);
  if (raw === undefined || raw === '') return undefined;
  const value = /^-?\d+$/.test(raw) ? Number(raw) : NaN;
  const allowed = (value >= range.min && value <= range.max) || (range.also ?? []).includes(value);
  if (!allowed) {
    const extra = range.also?.length ? ` (or ${range.also.join(', ')})` : '';
    throw apiError('badRequest', `The ${name} attribute must be an integer from ${range.min} to ${range.max}${extra}, not '${raw}'.`);
  }
  return value;
}

export function enumAttribute<T extends string>(element: RequestElement, name: string, allowed: readonly T[]): T | undefined {
  const raw = attribute(element, name);
  if (raw === undefined) return undefined;
  const match = allowed.find((candidate) => candidate === raw);
  if (!match) {
    throw apiError('badRequest', `The ${name} attribute must be one of ${allowed.join(', ')}, not '${raw}'.`);
  }
  return match;
}
