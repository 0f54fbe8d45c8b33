import type { ApiClient } from '../http/api-client';
import type { ServerInfoItem } from '../models/server-info-item';

export class ServerInfoEndpoint {
  constructor(private readonly api: ApiClient) {}

  /** Product version, build and REST API version; needs no sign-in. */
  get(): Promise<ServerInfoItem> {
    return this.api.fetchServerInfo();
  }
}
