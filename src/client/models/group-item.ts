import { attr, child, children, intAttr, type XmlElement } from '../xml/parse';
import { Lazy } from './lazy';
import type { UserItem } from './user-item';

/** A group of users on the signed-in site. Every site has an `All Users` group that holds each of its users. */
export class GroupItem {
  id?: string;
  /** The Active Directory domain, `local` for groups created on the server. */
  domainName?: string;
  /** For imported groups: the site role given to members on sign-in or sync. */
  minimumSiteRole?: string;
  /** Reported by servers that include it in Query Groups. */
  userCount?: number;

  private readonly userList = new Lazy<UserItem[]>("The group's users have not been populated: call server.groups.populateUsers(group) first.");

  constructor(public name: string) {}

  /** The group's members; call `server.groups.populateUsers(group)` first (one page at a time). */
  get users(): UserItem[] {
    return this.userList.get();
  }

  set users(value: UserItem[]) {
    this.userList.set(value);
  }

  static fromElement(element: XmlElement): GroupItem {
    const group = new GroupItem(attr(element, 'name') ?? '');
    group.id = attr(element, 'id');
    group.domainName = attr(child(element, 'domain'), 'name');
    group.minimumSiteRole = attr(element, 'minimumSiteRole');
    group.userCount = intAttr(element, 'userCount');
    return group;
  }

  static listFromResponse(response: XmlElement): GroupItem[] {
    return children(child(response, 'groups'), 'group').map((element) => GroupItem.fromElement(element));
  }
}
