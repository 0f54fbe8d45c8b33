import type { SiteRecord, Session } from '../state/types';
import { attrs, type XmlNode } from './build';

/** `<credentials>` as Sign In and Switch Site return it: token, then `<site>` and `<user>` in XSD order. */
export function credentialsXml(session: Session, site: SiteRecord, now = Date.now()): XmlNode {
  return {
    ...attrs({ token: session.token, estimatedTimeToExpiration: formatRemaining(session.expiresAt - now) }),
    site: attrs({ id: site.id, contentUrl: site.contentUrl }),
    user: attrs({ id: session.userId }),
  };
}

/** hours:minutes:seconds, the form recent servers use for estimatedTimeToExpiration. */
function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return `${hours}:${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}
