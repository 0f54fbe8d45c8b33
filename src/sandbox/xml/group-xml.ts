import type { GroupRecord } from '../state/groups';
import { attrs, type XmlNode } from './build';

/** `<group>` per the XSD groupType: attributes, then `<domain>`. */
export function groupXml(group: GroupRecord, userCount?: number): XmlNode {
  return {
    ...attrs({ id: group.id, name: group.name, minimumSiteRole: group.minimumSiteRole, userCount }),
    domain: attrs({ name: group.domainName }),
  };
}
