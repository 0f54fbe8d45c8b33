import { apiError } from './http/api-error';

/** What the sandbox reports itself as: the release that shipped REST API 3.29. */
export const PRODUCT_VERSION = '2026.2.0';
export const PRODUCT_BUILD = '20262.26.0512.1430';
export const LATEST_API_VERSION = '3.29';

export interface ApiVersion {
  major: number;
  minor: number;
  text: string;
}

// Tableau's REST API went 2.0 ... 2.8, then 3.0 ... 3.29; there is no 2.9.
const HIGHEST_MINOR: Record<number, number> = { 2: 8, 3: 29 };

export function parseApiVersion(text: string): ApiVersion {
  const match = /^(\d+)\.(\d+)$/.exec(text);
  const major = match ? Number(match[1]) : NaN;
  const minor = match ? Number(match[2]) : NaN;
  const highest = HIGHEST_MINOR[major];
  if (!match || highest === undefined || minor > highest) {
    throw apiError(
      'resourceNotFound',
      `REST API version '${text}' is not supported by this server. Use a version from 2.0 to ${LATEST_API_VERSION}, e.g. /api/${LATEST_API_VERSION}/...`,
    );
  }
  return { major, minor, text };
}

export function versionAtLeast(version: ApiVersion, major: number, minor: number): boolean {
  return version.major > major || (version.major === major && version.minor >= minor);
}
