import type { PaginationItem } from '../models/pagination-item';
import { favoritesFromResponse } from '../models/user-favorites';
import { UserItem } from '../models/user-item';
import { WorkbookItem } from '../models/workbook-item';
import type { RequestOptions } from '../request-options';
import { buildRequest, el } from '../xml/build';
import { child } from '../xml/parse';
import { Endpoint, requireId, segment } from './endpoint';

/** Users of the signed-in site: Get Users on Site, Add User to Site, Update User, Remove User from Site and friends. */
export class UsersEndpoint extends Endpoint {
  get(reqOptions?: RequestOptions): Promise<[UserItem[], PaginationItem]> {
    return this.list({ method: 'GET', path: 'users', site: true }, reqOptions, UserItem.listFromResponse);
  }

  async getById(userId: string): Promise<UserItem> {
    requireId(userId, 'User ID undefined.');
    const response = await this.api.xml({ method: 'GET', path: `users/${segment(userId)}`, site: true });
    return UserItem.fromElement(child(response, 'user') ?? {});
  }

  /** Adds the user to the site (an existing server user of that name joins the site). Resolves to the new user with its id. */
  async add(userItem: UserItem): Promise<UserItem> {
    const user = el('user', { name: userItem.name, siteRole: userItem.siteRole, authSetting: userItem.authSetting });
    const response = await this.api.xml({ method: 'POST', path: 'users', site: true, body: buildRequest(user) });
    return UserItem.fromElement(child(response, 'user') ?? {});
  }

  /**
   * Sends the item's name, full name, email, site role and sign-in setting, and `password` when given (the user can
   * then sign in with it). Resolves to the same item, updated with what the server answered.
   */
  async update(userItem: UserItem, password?: string): Promise<UserItem> {
    const id = requireId(userItem.id, 'User item missing ID.');
    const user = el('user', {
      name: userItem.name || undefined,
      fullName: userItem.fullname,
      email: userItem.email,
      // A server administrator's role is not a site role one can set; sending it back would be refused.
      siteRole: userItem.siteRole && userItem.siteRole !== UserItem.Roles.ServerAdministrator ? userItem.siteRole : undefined,
      authSetting: userItem.authSetting,
      password,
    });
    const response = await this.api.xml({ method: 'PUT', path: `users/${segment(id)}`, site: true, body: buildRequest(user) });
    const updated = child(response, 'user');
    return updated ? userItem.applyElement(updated) : userItem;
  }

  /**
   * Removes the user from the site. A user who still owns content cannot be removed (409003) unless `mapTo` (TSC's
   * `map_to`, sent as `mapAssetsTo`) names the user who takes that content over.
   */
  async remove(userId: string, mapTo?: string): Promise<void> {
    requireId(userId, 'User ID undefined.');
    const query = mapTo ? `mapAssetsTo=${encodeURIComponent(mapTo)}` : undefined;
    await this.api.empty({ method: 'DELETE', path: `users/${segment(userId)}`, site: true, query });
  }

  /** Fills `userItem.workbooks` with one page of the workbooks the user owns; resolves to that page's pagination. */
  async populateWorkbooks(userItem: UserItem, reqOptions?: RequestOptions): Promise<PaginationItem> {
    const id = requireId(userItem.id, 'User item missing ID.');
    const [workbooks, pagination] = await this.list({ method: 'GET', path: `users/${segment(id)}/workbooks`, site: true }, reqOptions, WorkbookItem.listFromResponse);
    userItem.workbooks = workbooks;
    return pagination;
  }

  /** Fills `userItem.favorites` with the user's favorite workbooks, views, data sources and projects. */
  async populateFavorites(userItem: UserItem): Promise<void> {
    const id = requireId(userItem.id, 'User item missing ID.');
    const response = await this.api.xml({ method: 'GET', path: `favorites/${segment(id)}`, site: true });
    userItem.favorites = favoritesFromResponse(response);
  }
}
