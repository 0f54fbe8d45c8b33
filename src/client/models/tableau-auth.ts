/** Sign-in with a user name and password (Tableau Server; Tableau Cloud has retired it in favour of tokens). */
export class TableauAuth {
  readonly kind = 'password';

  constructor(
    public username: string,
    public password: string,
    /** The site's content URL; '' is the default site. */
    public siteId = '',
    public userIdToImpersonate?: string,
  ) {}
}

/** Sign-in with a personal access token, the way Tableau Cloud requires. */
export class PersonalAccessTokenAuth {
  readonly kind = 'token';

  constructor(
    public tokenName: string,
    public tokenSecret: string,
    /** The site's content URL; '' is the default site. */
    public siteId = '',
  ) {}
}

export type Credentials = TableauAuth | PersonalAccessTokenAuth;
