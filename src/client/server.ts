import { InvalidArgumentError } from './errors';
import { ApiClient } from './http/api-client';
import type { NetworkOptions } from './http/dispatcher';
import type { RetryOptions } from './http/retry';
import { HttpTransport } from './http/transport';
import { redactingLogger, silentLogger, type Logger } from './logger';
import { AuthEndpoint } from './endpoints/auth';
import { ProjectsEndpoint } from './endpoints/projects';
import { ServerInfoEndpoint } from './endpoints/server-info';
import { SitesEndpoint } from './endpoints/sites';
import { DatasourcesEndpoint } from './endpoints/datasources';
import { FileUploadsEndpoint } from './endpoints/file-uploads';
import { ViewsEndpoint } from './endpoints/views';
import { WorkbooksEndpoint } from './endpoints/workbooks';
import { UsersEndpoint } from './endpoints/users';
import { GroupsEndpoint } from './endpoints/groups';
import { SchedulesEndpoint } from './endpoints/schedules';
import { PublishMode, type PublishModeValue } from './publish-mode';

export { PublishMode, type PublishModeValue };

export interface ServerOptions extends NetworkOptions {
  /** Pin the REST API version (e.g. '3.29'); by default the client uses the server's highest. */
  version?: string;
  userAgent?: string;
  /** Receives one line per request (method, path, status, duration) and warnings; secrets are redacted. */
  logger?: Logger;
  retry?: RetryOptions;
}

/** A Tableau Server or Tableau Cloud site collection, and the entry point to every endpoint. */
export class Server {
  static readonly PublishMode = PublishMode;

  readonly auth: AuthEndpoint;
  readonly serverInfo: ServerInfoEndpoint;
  readonly sites: SitesEndpoint;
  readonly projects: ProjectsEndpoint;
  readonly workbooks: WorkbooksEndpoint;
  readonly datasources: DatasourcesEndpoint;
  readonly views: ViewsEndpoint;
  readonly users: UsersEndpoint;
  readonly groups: GroupsEndpoint;
  readonly schedules: SchedulesEndpoint;
  /** @internal Upload sessions behind `workbooks.publish` and `datasources.publish` for large files. */
  readonly fileUploads: FileUploadsEndpoint;

  /** @internal The request pipeline shared by the endpoints. */
  readonly api: ApiClient;

  constructor(serverAddress: string, options: ServerOptions = {}) {
    const logger = redactingLogger(options.logger ?? silentLogger);
    const transport = new HttpTransport({ ...options, logger });
    this.api = new ApiClient(normalizeAddress(serverAddress), transport, options.version);
    this.auth = new AuthEndpoint(this.api, logger);
    this.serverInfo = new ServerInfoEndpoint(this.api);
    this.sites = new SitesEndpoint(this.api);
    this.projects = new ProjectsEndpoint(this.api);
    this.fileUploads = new FileUploadsEndpoint(this.api);
    this.workbooks = new WorkbooksEndpoint(this.api, this.fileUploads);
    this.datasources = new DatasourcesEndpoint(this.api, this.fileUploads);
    this.views = new ViewsEndpoint(this.api);
    this.users = new UsersEndpoint(this.api);
    this.groups = new GroupsEndpoint(this.api);
    this.schedules = new SchedulesEndpoint(this.api);
  }

  /** Where requests go; after a Tableau Cloud sign-in redirect, the pod that answered. */
  get serverAddress(): string {
    return this.api.serverAddress;
  }

  get version(): string {
    return this.api.version;
  }

  set version(value: string) {
    this.api.version = value;
  }

  /** `{serverAddress}/api/{version}` */
  get baseUrl(): string {
    return this.api.baseUrl;
  }

  /** The signed-in site's LUID. */
  get siteId(): string | undefined {
    return this.api.session?.siteId;
  }

  get siteContentUrl(): string | undefined {
    return this.api.session?.siteContentUrl;
  }

  get userId(): string | undefined {
    return this.api.session?.userId;
  }

  get authToken(): string | undefined {
    return this.api.session?.token;
  }

  get isSignedIn(): boolean {
    return this.api.session !== undefined;
  }

  /** Asks the server for its highest REST API version and uses it (unless a version was pinned). */
  async useServerVersion(): Promise<string> {
    const info = await this.api.fetchServerInfo();
    if (info.restApiVersion) this.api.version = info.restApiVersion;
    return this.version;
  }

  /** Closes this server's connections. */
  close(): Promise<void> {
    return this.api.transport.close();
  }
}

function normalizeAddress(address: string): string {
  const trimmed = (address ?? '').trim();
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    throw new InvalidArgumentError(`Server address '${trimmed}' has no scheme: write it with https:// (for example https://${trimmed || 'tableau.example.com'}).`);
  }
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new InvalidArgumentError(`Server address '${trimmed}' is not a valid URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InvalidArgumentError(`Server address '${trimmed}' must start with https:// or http://.`);
  }
  if (url.username || url.password) throw new InvalidArgumentError('Put credentials in TableauAuth or PersonalAccessTokenAuth, not in the server address.');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
