import type { SiteRecord } from '../state/types';
import { attrs, type XmlNode } from './build';

export interface SiteUsage {
  numUsers: number;
  storage: number;
}

/** `<site>` per the XSD siteType: optional `<usage>` child, then attributes. */
export function siteXml(site: SiteRecord, usage?: SiteUsage): XmlNode {
  return {
    ...attrs({
      id: site.id,
      name: site.name,
      contentUrl: site.contentUrl,
      adminMode: site.adminMode,
      state: site.state,
      userQuota: site.userQuota ?? -1,
      storageQuota: site.storageQuota ?? undefined,
      disableSubscriptions: site.disableSubscriptions,
      subscribeOthersEnabled: site.subscribeOthersEnabled,
      revisionHistoryEnabled: site.revisionHistoryEnabled,
      revisionLimit: site.revisionLimit,
      commentingEnabled: site.commentingEnabled,
      guestAccessEnabled: site.guestAccessEnabled,
      flowsEnabled: site.flowsEnabled,
      runNowEnabled: site.runNowEnabled,
    }),
    usage: usage ? attrs({ numUsers: usage.numUsers, storage: usage.storage }) : undefined,
  };
}
