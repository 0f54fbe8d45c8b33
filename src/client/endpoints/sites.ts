import { MissingRequiredFieldError } from '../errors';
import { SiteItem } from '../models/site-item';
import type { PaginationItem } from '../models/pagination-item';
import type { RequestOptions } from '../request-options';
import { child } from '../xml/parse';
import { buildRequest, el } from '../xml/build';
import { Endpoint, requireId, segment } from './endpoint';

export class SitesEndpoint extends Endpoint {
  /** All sites on the server (server administrators only). */
  get(reqOptions?: RequestOptions): Promise<[SiteItem[], PaginationItem]> {
    return this.list({ method: 'GET', path: 'sites' }, reqOptions, SiteItem.listFromResponse);
  }

  async getById(siteId: string): Promise<SiteItem> {
    requireId(siteId, 'Site ID undefined.');
    return this.fetchOne(segment(siteId));
  }

  async getByName(siteName: string): Promise<SiteItem> {
    requireId(siteName, 'Site Name undefined.');
    return this.fetchOne(segment(siteName), 'key=name');
  }

  async getByContentUrl(contentUrl: string): Promise<SiteItem> {
    if (contentUrl === undefined || contentUrl === null) throw new MissingRequiredFieldError('Content URL undefined.');
    return this.fetchOne(segment(contentUrl), 'key=contentUrl');
  }

  async create(siteItem: SiteItem): Promise<SiteItem> {
    validateQuota(siteItem);
    const response = await this.api.xml({ method: 'POST', path: 'sites', body: buildRequest(siteElement(siteItem)) });
    return SiteItem.fromElement(child(response, 'site') ?? {});
  }

  async update(siteItem: SiteItem): Promise<SiteItem> {
    const id = requireId(siteItem.id, 'Site item missing ID.');
    validateQuota(siteItem);
    const response = await this.api.xml({ method: 'PUT', path: `sites/${segment(id)}`, body: buildRequest(siteElement(siteItem)) });
    return SiteItem.fromElement(child(response, 'site') ?? {});
  }

  async delete(siteId: string): Promise<void> {
    requireId(siteId, 'Site ID undefined.');
    await this.api.empty({ method: 'DELETE', path: `sites/${segment(siteId)}` });
    // A deleted site takes its sessions with it.
    if (this.api.session?.siteId === siteId) this.api.session = undefined;
  }

  private async fetchOne(key: string, query?: string): Promise<SiteItem> {
    const response = await this.api.xml({ method: 'GET', path: `sites/${key}`, query });
    return SiteItem.fromElement(child(response, 'site') ?? {});
  }
}

function validateQuota(site: SiteItem): void {
  if (site.adminMode === SiteItem.AdminMode.ContentOnly && site.userQuota !== undefined) {
    throw new MissingRequiredFieldError('You cannot set admin_mode to ContentOnly and also set a user quota');
  }
}

function siteElement(site: SiteItem) {
  return el('site', {
    name: site.name,
    contentUrl: site.contentUrl,
    adminMode: site.adminMode,
    userQuota: site.userQuota,
    storageQuota: site.storageQuota,
    disableSubscriptions: site.disableSubscriptions,
    subscribeOthersEnabled: site.subscribeOthersEnabled,
    revisionHistoryEnabled: site.revisionHistoryEnabled,
    revisionLimit: site.revisionLimit,
    state: site.state,
  });
}
