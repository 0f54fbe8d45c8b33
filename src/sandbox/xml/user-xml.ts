import type { SiteUser } from '../state/users-ops';
import { attrs, type XmlNode } from './build';

/**
 * `<user>` per the XSD userType: attributes, then `<domain>`. Update User answers without the id and the last
 * sign-in (`forUpdate`), as Tableau does.
 */
export function userXml({ user, role }: SiteUser, forUpdate = false): XmlNode {
  return {
    ...attrs({
      id: forUpdate ? undefined : user.id,
      name: user.name,
      fullName: user.fullName,
      email: user.email || undefined,
      siteRole: role,
      authSetting: user.authSetting ?? 'ServerDefault',
      lastLogin: forUpdate ? undefined : user.lastLogin,
      externalAuthUserId: forUpdate ? undefined : '',
    }),
    domain: forUpdate ? undefined : attrs({ name: 'local' }),
  };
}
