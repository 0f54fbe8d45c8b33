import { ErrorCodes, type ErrorCodeName, type ErrorCodeSpec } from './error-codes';

/** An error a route throws to answer with a Tableau `<error>` body. The detail should tell a person what to change. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly summary: string;
  readonly detail: string;
  readonly headers: Record<string, string>;

  constructor(spec: ErrorCodeSpec, detail: string, headers: Record<string, string> = {}) {
    super(`${spec.code} ${spec.summary}: ${detail}`);
    this.name = 'ApiError';
    this.status = spec.status;
    this.code = spec.code;
    this.summary = spec.summary;
    this.detail = detail;
    this.headers = headers;
  }
}

export function apiError(name: ErrorCodeName, detail: string, headers?: Record<string, string>): ApiError {
  return new ApiError(ErrorCodes[name], detail, headers);
}
