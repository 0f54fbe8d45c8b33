import { GroupItem } from '../models/group-item';
import type { PaginationItem } from '../models/pagination-item';
import { UserItem } from '../models/user-item';
import type { RequestOptions } from '../request-options';
import { buildRequest, el } from '../xml/build';
import { child } from '../xml/parse';
import { Endpoint, requireId, segment } from './endpoint';

const groupMissingId = 'Group item missing ID. Group must be retrieved from server first.';

/** Local groups of the signed-in site and their members. */
export class GroupsEndpoint extends Endpoint {
  get(reqOptions?: RequestOptions): Promise<[GroupItem[], PaginationItem]> {
    return this.list({ method: 'GET', path: 'groups', site: true }, reqOptions, GroupItem.listFromResponse);
  }

  async create(groupItem: GroupItem): Promise<GroupItem> {
    const group = el('group', { name: groupItem.name, minimumSiteRole: groupItem.minimumSiteRole });
    const response = await this.api.xml({ method: 'POST', path: 'groups', site: true, body: buildRequest(group) });
    return GroupItem.fromElement(child(response, 'group') ?? {});
  }

  async delete(groupId: string): Promise<void> {
    requireId(groupId, 'Group ID undefined.');
    await this.api.empty({ method: 'DELETE', path: `groups/${segment(groupId)}`, site: true });
  }

  /** Fills `groupItem.users` with one page of the group's members; resolves to that page's pagination. */
  async populateUsers(groupItem: GroupItem, reqOptions?: RequestOptions): Promise<PaginationItem> {
    const id = requireId(groupItem.id, groupMissingId);
    const [users, pagination] = await this.list({ method: 'GET', path: `groups/${segment(id)}/users`, site: true }, reqOptions, UserItem.listFromResponse);
    groupItem.users = users;
    return pagination;
  }

  /** Adds a user of the site to the group; resolves to that user. */
  async addUser(groupItem: GroupItem, userId: string): Promise<UserItem> {
    const id = requireId(groupItem.id, groupMissingId);
    requireId(userId, 'User ID undefined.');
    const body = buildRequest(el('user', { id: userId }));
    const response = await this.api.xml({ method: 'POST', path: `groups/${segment(id)}/users`, site: true, body });
    return UserItem.fromElement(child(response, 'user') ?? {});
  }

  async removeUser(groupItem: GroupItem, userId: string): Promise<void> {
    const id = requireId(groupItem.id, groupMissingId);
    requireId(userId, 'User ID undefined.');
    await this.api.empty({ method: 'DELETE', path: `groups/${segment(id)}/users/${segment(userId)}`, site: true });
  }
}
