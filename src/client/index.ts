// The public API of the Tableau Server Client, as bundled into dist/client.js.
export { Server, PublishMode, type ServerOptions, type PublishModeValue } from './server';
export { TableauAuth, PersonalAccessTokenAuth, type Credentials } from './models/tableau-auth';
export { ServerInfoItem } from './models/server-info-item';
export { SiteItem } from './models/site-item';
export { ProjectItem } from './models/project-item';
export { PaginationItem } from './models/pagination-item';
export { WorkbookItem } from './models/workbook-item';
export { DatasourceItem } from './models/datasource-item';
export { ViewItem } from './models/view-item';
export { UserItem } from './models/user-item';
export type { UserFavorites } from './models/user-favorites';
export { GroupItem } from './models/group-item';
export { ScheduleItem } from './models/schedule-item';
export { ConnectionItem } from './models/connection-item';
export { ConnectionCredentials } from './models/connection-credentials';
export { ImageRequestOptions } from './image-request-options';
export type { PublishOptions } from './transfer/publish';
export type { DownloadOptions } from './transfer/download';
export type { UploadProgress, DownloadProgress } from './transfer/progress';
export { safeFileName, fileNameFromContentDisposition } from './transfer/safe-file-name';
export { RequestOptions, Filter, Sort, type FilterValue } from './request-options';
export { Pager, type Pageable, type PageFetcher, type PagerOptions, type Page } from './pager';
export {
  TableauClientError,
  ServerResponseError,
  NotSignedInError,
  MissingRequiredFieldError,
  InvalidArgumentError,
  NonXmlResponseError,
  NetworkError,
  RequestAbortedError,
  UnpopulatedPropertyError,
  type NetworkFailureKind,
} from './errors';
export { redactSecrets, type Logger } from './logger';
export type { NetworkOptions } from './http/dispatcher';
export type { RetryOptions } from './http/retry';
