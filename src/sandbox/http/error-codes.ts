// The Tableau REST error codes the sandbox emits, in one place so every route answers the same way.
// "verified" marks codes confirmed against public Tableau material (docs excerpts, TSC docstrings and test
// assets, issue threads quoting real server responses); the others are best guesses, kept here so a later
// correction is a one-line change.

export interface ErrorCodeSpec {
  status: number;
  code: string;
  summary: string;
  verified: boolean;
}

function spec(status: number, code: string, summary: string, verified: boolean): ErrorCodeSpec {
  return { status, code, summary, verified };
}

export const ErrorCodes = {
  badRequest: spec(400, '400000', 'Bad Request', true),
  invalidPageNumber: spec(400, '400006', 'Invalid page number', true),
  invalidPageSize: spec(400, '400007', 'Invalid page size', true),
  invalidFilter: spec(400, '400065', 'Bad Request', true),
  invalidSort: spec(400, '400066', 'Bad Request', false),
  noCredentials: spec(401, '401000', 'Unauthorized Access', true),
  signInError: spec(401, '401001', 'Signin Error', true),
  invalidCredentials: spec(401, '401002', 'Unauthorized Access', true),
  forbidden: spec(403, '403000', 'Forbidden', false),
  pageSizeLimitExceeded: spec(403, '403014', 'Page size limit exceeded', true),
  switchSiteSameSite: spec(403, '403070', 'Forbidden', true),
  siteNotFound: spec(404, '404000', 'Site not found', true),
  userNotFound: spec(404, '404002', 'User not found', true),
  projectNotFound: spec(404, '404005', 'Project not found', true),
  resourceNotFound: spec(404, '404000', 'Resource Not Found', false),
  methodNotAllowed: spec(405, '405000', 'Invalid request method', true),
  siteNameConflict: spec(409, '409001', 'Site name conflict', false),
  siteContentUrlConflict: spec(409, '409002', 'Site URL conflict', true),
  projectNameConflict: spec(409, '409006', 'Resource Conflict', true),
  payloadTooLarge: spec(413, '413000', 'Request entity too large', false),
  tooManyRequests: spec(429, '429000', 'Too Many Requests', false),
  internalError: spec(500, '500000', 'Internal Server Error', false),
  serviceUnavailable: spec(503, '503000', 'Service Unavailable', false),
} as const;

export type ErrorCodeName = keyof typeof ErrorCodes;
