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
  // Users, groups, favorites: codes from the REST API reference's error tables for those methods; summaries are
  // the tables' condition names, except content not found, which servers send as "Resource Not Found".
  invalidSiteRole: spec(400, '400013', 'Invalid site role', true),
  invalidFavoriteLabel: spec(400, '400005', 'Invalid label', true),
  favoritesForbidden: spec(403, '403004', 'Forbidden favorites access', true),
  licensingUpdateOnSelf: spec(403, '403009', 'Licensing update on self forbidden', true),
  activeDirectoryNotConfigured: spec(403, '403011', 'ActiveDirectory is not configured', true),
  userWorkbooksReadForbidden: spec(403, '403018', 'Read forbidden', true),
  queryUserForbidden: spec(403, '403133', 'Query user permissions forbidden', true),
  notAFavorite: spec(404, '404010', 'Not a favorite', true),
  groupNotFound: spec(404, '404012', 'Group not found', true),
  favoriteWorkbookNotFound: spec(404, '404006', 'Resource Not Found', true),
  favoriteViewNotFound: spec(404, '404011', 'Resource Not Found', true),
  favoriteDatasourceNotFound: spec(404, '404011', 'Resource Not Found', true),
  userConflict: spec(409, '409000', 'User conflict', true),
  userAssetConflict: spec(409, '409003', 'User asset conflict', true),
  guestUserConflict: spec(409, '409005', 'Guest user conflict', true),
  favoriteLabelConflict: spec(409, '409007', 'Label conflict', true),
  groupNameConflict: spec(409, '409009', 'Group name conflict', true),
  userAlreadyInGroup: spec(409, '409011', 'User conflict', true),
  // Workbooks, views, data sources, publishing (codes from the REST API reference's error tables for those
  // methods; summaries as real servers send them, e.g. "404006: Resource Not Found", "403007: Forbidden").
  invalidParameterValue: spec(400, '400008', 'Bad Request', true),
  invalidDatasourceFile: spec(400, '400010', 'Bad Request', true),
  publishingError: spec(400, '400011', 'Bad Request', true),
  invalidWorkbookFileName: spec(400, '400020', 'Bad Request', true),
  invalidWorkbookFileType: spec(400, '400035', 'Bad Request', true),
  overwriteWithAppend: spec(400, '400055', 'Bad Request', true),
  publishForbidden: spec(403, '403007', 'Forbidden', true),
  workbookDownloadForbidden: spec(403, '403019', 'Forbidden', true),
  workbookConnectionUpdateForbidden: spec(403, '403029', 'Forbidden', true),
  datasourceConnectionUpdateForbidden: spec(403, '403023', 'Forbidden', true),
  contentUpdateForbidden: spec(403, '403027', 'Forbidden', true),
  datasourceDownloadForbidden: spec(403, '403028', 'Forbidden', true),
  contentDeleteForbidden: spec(403, '403004', 'Forbidden', true),
  datasourceNotFound: spec(404, '404004', 'Resource Not Found', true),
  workbookNotFound: spec(404, '404006', 'Resource Not Found', true),
  viewNotFound: spec(404, '404011', 'Resource Not Found', true),
  fileUploadNotFound: spec(404, '404015', 'Resource Not Found', true),
  connectionNotFound: spec(404, '404020', 'Resource Not Found', true),
  workbookNameConflict: spec(409, '409013', 'Resource Conflict', true),
  datasourceNameConflict: spec(409, '409015', 'Resource Conflict', true),
} as const;

export type ErrorCodeName = keyof typeof ErrorCodes;
