import { InvalidArgumentError, NonXmlResponseError, TableauClientError } from '../errors';
import type { Logger } from '../logger';
import { SiteItem } from '../models/site-item';
import { TableauAuth, type Credentials } from '../models/tableau-auth';
import type { ApiClient, Session } from '../http/api-client';
import { attr, child, type XmlElement } from '../xml/parse';
import { buildRequest, el } from '../xml/build';

const maxSignInRedirects = 3;

/** Sign in, sign out and switch site; also renews an expired session for the rest of the client. */
export class AuthEndpoint {
  constructor(
    private readonly api: ApiClient,
    private readonly logger: Logger,
  ) {
    api.renewSession = (expired) => this.renew(expired);
  }

  /** Signs in; afterwards `server.siteId`, `server.userId` and `server.authToken` are set. */
  async signIn(credentials: Credentials): Promise<void> {
    const siteContentUrl = credentials.siteId ?? '';
    const body = buildRequest(credentialsElement(credentials, siteContentUrl));
    let redirects = 0;
    for (;;) {
      const response = await this.api.request({ method: 'POST', path: 'auth/signin', body, authenticated: false });
      if (response.status >= 300 && response.status < 400 && response.headers.location) {
        await response.body.dump();
        if (++redirects > maxSignInRedirects) throw new TableauClientError(`Sign-in was redirected more than ${maxSignInRedirects} times; check the server address.`);
        this.followRedirect(String(response.headers.location), response.url);
        continue;
      }
      const root = await this.api.readXml(response, 'POST');
      this.api.session = sessionFrom(root, credentials, siteContentUrl);
      return;
    }
  }

  /** Signs out and forgets the session, even when the server no longer knows the token. */
  async signOut(): Promise<void> {
    if (!this.api.session) return;
    try {
      await this.api.empty({ method: 'POST', path: 'auth/signout', authenticated: true });
    } catch (error) {
      this.logger.debug(`Sign-out was not confirmed by the server: ${(error as Error).message}`);
    } finally {
      this.api.session = undefined;
    }
  }

  /** Moves the session to another site of the same server, with the same user. */
  async switchSite(site: string | SiteItem): Promise<void> {
    const contentUrl = typeof site === 'string' ? site : site.contentUrl;
    const current = this.api.requireSession();
    const root = await this.api.xml({ method: 'POST', path: 'auth/switchSite', body: buildRequest(el('site', { contentUrl })) });
    this.api.session = sessionFrom(root, current.credentials, contentUrl);
  }

  /**
   * Runs `body` signed in, and always signs out afterwards, even when it throws
   * (the equivalent of TSC's `with server.auth.sign_in(auth):`).
   */
  async withSignIn<T>(credentials: Credentials, body: () => Promise<T>): Promise<T> {
    await this.signIn(credentials);
    try {
      return await body();
    } finally {
      await this.signOut();
    }
  }

  private async renew(expired: Session): Promise<void> {
    this.logger.info('The session token expired or was invalidated; signing in again.');
    const credentials = withSite(expired.credentials, expired.siteContentUrl);
    await this.signIn(credentials);
    this.api.session = { ...this.api.requireSession(), credentials: expired.credentials };
  }

  private followRedirect(location: string, from: URL): void {
    const target = new URL(location, from);
    if (from.protocol === 'https:' && target.protocol !== 'https:') {
      throw new NonXmlResponseError(301, '', 'POST', from.href, `refusing a sign-in redirect from HTTPS to ${target.origin}, which would expose the credentials`);
    }
    const apiIndex = target.pathname.indexOf('/api/');
    const prefix = apiIndex >= 0 ? target.pathname.slice(0, apiIndex) : '';
    this.api.serverAddress = `${target.origin}${prefix}`;
    this.logger.info(`Sign-in redirected to ${this.api.serverAddress}; using it for this session.`);
  }
}

function credentialsElement(credentials: Credentials, siteContentUrl: string) {
  const site = el('site', { contentUrl: siteContentUrl });
  if (credentials.kind === 'password') {
    const auth: TableauAuth = credentials;
    if (!auth.username) throw new InvalidArgumentError('A user name is required to sign in.');
    const impersonate = auth.userIdToImpersonate ? [el('user', { id: auth.userIdToImpersonate })] : [];
    return el('credentials', { name: auth.username, password: auth.password }, site, ...impersonate);
  }
  if (!credentials.tokenName) throw new InvalidArgumentError('A personal access token name is required to sign in.');
  return el('credentials', { personalAccessTokenName: credentials.tokenName, personalAccessTokenSecret: credentials.tokenSecret }, site);
}

function sessionFrom(root: XmlElement, credentials: Credentials, requestedSite: string): Session {
  const element = child(root, 'credentials');
  const token = attr(element, 'token');
  const site = child(element, 'site');
  if (!token) throw new TableauClientError('The sign-in answer carried no session token.');
  return {
    token,
    siteId: attr(site, 'id') ?? '',
    siteContentUrl: attr(site, 'contentUrl') ?? requestedSite,
    userId: attr(child(element, 'user'), 'id') ?? '',
    credentials,
  };
}

function withSite(credentials: Credentials, siteContentUrl: string): Credentials {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(credentials) as object) as Credentials, credentials);
  copy.siteId = siteContentUrl;
  return copy;
}
