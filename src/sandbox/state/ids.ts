import { randomBytes, randomUUID } from 'node:crypto';

/** A LUID as Tableau writes them: a lowercase RFC 4122 UUID. */
export function newLuid(): string {
  return randomUUID();
}

/** A random URL-safe secret, e.g. for generated passwords and personal access token secrets. */
export function newSecret(bytes = 18): string {
  return randomBytes(bytes).toString('base64url');
}

/** ISO 8601 UTC with second precision, the way Tableau formats createdAt/updatedAt. */
export function isoNow(now: number = Date.now()): string {
  return new Date(Math.floor(now / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
