import { apiError } from '../http/api-error';

/** Shared by the bulk generators (projects, users): the count they accept and the names they make. */

/** A 400 unless `count` is a whole number from 1 to `max`. */
export function requireGenerateCount(count: number, max: number): void {
  if (!Number.isInteger(count) || count < 1 || count > max) {
    throw apiError('badRequest', `count must be an integer from 1 to ${max}.`);
  }
}

/**
 * Names with numbers counting up from 1, zero-padded to `width` (`nameFor('0001')`), skipping any name in `taken`
 * (compared case-insensitively); each name handed out is added to `taken`. Returns the name and its number.
 */
export function numberedNames(taken: Set<string>, width: number, nameFor: (number: string) => string): () => { name: string; number: string } {
  let suffix = 0;
  return () => {
    let number: string;
    let name: string;
    do {
      suffix += 1;
      number = String(suffix).padStart(width, '0');
      name = nameFor(number);
    } while (taken.has(name.toLowerCase()));
    taken.add(name.toLowerCase());
    return { name, number };
  };
}
