import { attr, child, children, dateAttr, type XmlElement } from '../xml/parse';
import { Lazy } from './lazy';
import type { UserFavorites } from './user-favorites';
import type { WorkbookItem } from './workbook-item';

/**
 * A user of the signed-in site. `siteRole` takes a `UserItem.Roles` value. REST API 3.0 and later (Tableau 2018.1+)
 * accept only the current roles (Creator, Explorer, ExplorerCanPublish, SiteAdministratorCreator,
 * SiteAdministratorExplorer, Viewer, Unlicensed); servers refuse the legacy ones with error 400013.
 */
export class UserItem {
  static readonly Roles = {
    Creator: 'Creator',
    Explorer: 'Explorer',
    ExplorerCanPublish: 'ExplorerCanPublish',
    SiteAdministratorCreator: 'SiteAdministratorCreator',
    SiteAdministratorExplorer: 'SiteAdministratorExplorer',
    Viewer: 'Viewer',
    Unlicensed: 'Unlicensed',
    /** Reported for server administrators; cannot be given through `users.add`. */
    ServerAdministrator: 'ServerAdministrator',
    /** Core-licensed servers only; the REST API cannot add Guest users. */
    Guest: 'Guest',
    /** Legacy (REST API 2.x): now Explorer. */
    Interactor: 'Interactor',
    /** Legacy (REST API 2.x): now ExplorerCanPublish. */
    Publisher: 'Publisher',
    /** Legacy (REST API 2.x): now SiteAdministratorExplorer or SiteAdministratorCreator. */
    SiteAdministrator: 'SiteAdministrator',
    /** Legacy, removed in Tableau Server 10.5: such users became Unlicensed. */
    UnlicensedWithPublish: 'UnlicensedWithPublish',
    /** Legacy, removed in Tableau Server 10.5: such users became Viewer. */
    ViewerWithPublish: 'ViewerWithPublish',
  } as const;

  /** How the user signs in (Tableau Cloud, and servers with SAML or OpenID). */
  static readonly Auth = {
    SAML: 'SAML',
    ServerDefault: 'ServerDefault',
    OpenID: 'OpenID',
  } as const;

  id?: string;
  /** The Active Directory domain, `local` for local users. */
  domainName?: string;
  /** The user's id in the single sign-on system (Tableau Cloud). */
  externalAuthUserId?: string;
  lastLogin?: Date;
  email?: string;
  fullname?: string;

  private readonly workbookList = new Lazy<WorkbookItem[]>("The user's workbooks have not been populated: call server.users.populateWorkbooks(user) first.");
  private readonly favoriteList = new Lazy<UserFavorites>("The user's favorites have not been populated: call server.users.populateFavorites(user) first.");

  constructor(
    public name: string,
    public siteRole: string,
    public authSetting?: string,
  ) {}

  /** The workbooks the user owns; call `server.users.populateWorkbooks(user)` first (one page at a time). */
  get workbooks(): WorkbookItem[] {
    return this.workbookList.get();
  }

  set workbooks(value: WorkbookItem[]) {
    this.workbookList.set(value);
  }

  /** Favorite workbooks, views, data sources and projects; call `server.users.populateFavorites(user)` first. */
  get favorites(): UserFavorites {
    return this.favoriteList.get();
  }

  set favorites(value: UserFavorites) {
    this.favoriteList.set(value);
  }

  static fromElement(element: XmlElement): UserItem {
    const user = new UserItem(attr(element, 'name') ?? '', attr(element, 'siteRole') ?? '', attr(element, 'authSetting'));
    user.id = attr(element, 'id');
    user.applyElement(element);
    return user;
  }

  static listFromResponse(response: XmlElement): UserItem[] {
    return children(child(response, 'users'), 'user').map((element) => UserItem.fromElement(element));
  }

  /** @internal Takes what the server sent and keeps the rest: Update User answers without the id or the last sign-in. */
  applyElement(element: XmlElement): this {
    this.name = attr(element, 'name') ?? this.name;
    this.siteRole = attr(element, 'siteRole') ?? this.siteRole;
    this.authSetting = attr(element, 'authSetting') ?? this.authSetting;
    this.fullname = attr(element, 'fullName') ?? this.fullname;
    this.email = attr(element, 'email') ?? this.email;
    this.lastLogin = dateAttr(element, 'lastLogin') ?? this.lastLogin;
    this.externalAuthUserId = attr(element, 'externalAuthUserId') ?? this.externalAuthUserId;
    this.domainName = attr(child(element, 'domain'), 'name') ?? this.domainName;
    return this;
  }
}
