import { NonXmlResponseError, NotSignedInError, ServerResponseError } from '../errors';
import type { Credentials } from '../models/tableau-auth';
import { ServerInfoItem } from '../models/server-info-item';
import { child, parseXml, text, XmlParseError, type XmlElement } from '../xml/parse';
import type { HttpMethod, HttpResponse, HttpTransport, RequestBody } from './transport';

/** One REST API call, described relative to `/api/{version}/`. */
export interface ApiCall {
  method: HttpMethod;
  /** Path after `/api/{version}/` (or after `/api/{version}/sites/{siteId}/` when `site` is set). */
  path: string;
  /** Prefix the path with the signed-in site: `sites/{siteId}/`. */
  site?: boolean;
  /** Query string without the leading `?`. */
  query?: string;
  body?: RequestBody;
  /** Defaults to `application/xml` when there is a body. */
  contentType?: string;
  extraHeaders?: Record<string, string>;
  /** Default true: the session token is sent, and a missing session is an error. */
  authenticated?: boolean;
  /** Default: every method but POST. */
  idempotent?: boolean;
  signal?: AbortSignal;
}

export interface Session {
  token: string;
  siteId: string;
  siteContentUrl: string;
  userId: string;
  /** What to sign in with again when the token expires. */
  credentials: Credentials;
}

/** The oldest version that has `serverinfo`; used to ask the server what it speaks. */
const negotiationVersion = '2.4';
const errorBodyLimit = 64 * 1024;

/**
 * The request pipeline every endpoint shares: version negotiation, the session token, one transparent renewal
 * of an expired token, and turning error answers into typed errors.
 */
export class ApiClient {
  session: Session | undefined;
  /** Signs in again with the session's credentials; installed by the auth endpoint. */
  renewSession?: (expired: Session) => Promise<void>;

  private pinnedVersion: string | undefined;
  private negotiatedVersion: string | undefined;
  private negotiation: Promise<void> | undefined;
  private renewal: Promise<void> | undefined;

  constructor(
    public serverAddress: string,
    readonly transport: HttpTransport,
    version?: string,
  ) {
    this.pinnedVersion = version;
  }

  get version(): string {
    return this.pinnedVersion ?? this.negotiatedVersion ?? negotiationVersion;
  }

  /** Setting a version pins it: the client then never asks the server for its own. */
  set version(value: string) {
    this.pinnedVersion = value;
  }

  get baseUrl(): string {
    return `${this.serverAddress}/api/${this.version}`;
  }

  requireSession(): Session {
    if (!this.session) throw new NotSignedInError(this.serverAddress);
    return this.session;
  }

  /** Asks the server for its highest REST API version once, before the first versioned call. */
  async ensureVersion(): Promise<void> {
    if (this.pinnedVersion || this.negotiatedVersion) return;
    this.negotiation ??= this.fetchServerInfo(negotiationVersion).then(
      (info) => {
        this.negotiatedVersion = info.restApiVersion || negotiationVersion;
      },
      (error: unknown) => {
        this.negotiation = undefined;
        throw error;
      },
    );
    await this.negotiation;
  }

  async fetchServerInfo(version = this.version): Promise<ServerInfoItem> {
    const response = await this.request({ method: 'GET', path: 'serverinfo', authenticated: false }, version);
    return ServerInfoItem.fromResponse(await this.readXml(response, 'GET'));
  }

  /** Sends the call; resolves to any 2xx or 3xx answer, throws a typed error for the rest. */
  async request(call: ApiCall, version?: string): Promise<HttpResponse> {
    if (!version) await this.ensureVersion();
    const authenticated = call.authenticated ?? true;
    const session = authenticated ? this.requireSession() : undefined;
    let response = await this.transport.send(this.toHttpRequest(call, session, version));
    if (response.status === 401 && session && this.renewSession) {
      const error = await this.errorFrom(response, call.method);
      if (error instanceof ServerResponseError && error.code === '401002') {
        await this.renew(session);
        response = await this.transport.send(this.toHttpRequest(call, this.requireSession(), version));
      } else {
        throw error;
      }
    }
    if (response.status >= 400) throw await this.errorFrom(response, call.method);
    return response;
  }

  /** The call's `<tsResponse>`, parsed. */
  async xml(call: ApiCall): Promise<XmlElement> {
    const response = await this.request(call);
    return this.readXml(response, call.method);
  }

  /** For calls answered with no content (204) or content nobody needs. */
  async empty(call: ApiCall): Promise<void> {
    const response = await this.request(call);
    if (response.status >= 300) throw await this.nonXml(response, call.method);
    await response.body.dump();
  }

  async readXml(response: HttpResponse, method: string): Promise<XmlElement> {
    const contentType = String(response.headers['content-type'] ?? '');
    if (response.status >= 300 || !/xml/i.test(contentType)) throw await this.nonXml(response, method);
    const body = await response.body.text();
    let document: XmlElement;
    try {
      document = parseXml(body);
    } catch (error) {
      if (error instanceof XmlParseError) throw new NonXmlResponseError(response.status, contentType, method, response.url.href, error.message);
      throw error;
    }
    const root = child(document, 'tsResponse');
    if (!root) throw new NonXmlResponseError(response.status, contentType, method, response.url.href, body.slice(0, 200));
    return root;
  }

  private toHttpRequest(call: ApiCall, session: Session | undefined, version = this.version) {
    const sitePrefix = call.site ? `sites/${encodeURIComponent(this.requireSession().siteId)}/` : '';
    const url = new URL(`${this.serverAddress}/api/${version}/${sitePrefix}${call.path}${call.query ? `?${call.query}` : ''}`);
    const headers: Record<string, string> = { accept: 'application/xml', ...call.extraHeaders };
    if (session) headers['x-tableau-auth'] = session.token;
    if (call.body !== undefined) headers['content-type'] ??= call.contentType ?? 'application/xml';
    return { method: call.method, url, headers, body: call.body, signal: call.signal, idempotent: call.idempotent ?? call.method !== 'POST' };
  }

  /** Concurrent calls that meet the same expired token share one renewal. */
  private async renew(expired: Session): Promise<void> {
    if (this.session && this.session.token !== expired.token) return;
    this.renewal ??= this.renewSession!(expired).finally(() => {
      this.renewal = undefined;
    });
    await this.renewal;
  }

  async errorFrom(response: HttpResponse, method: string): Promise<Error> {
    const contentType = String(response.headers['content-type'] ?? '');
    const body = await readLimited(response, errorBodyLimit);
    if (/xml/i.test(contentType)) {
      try {
        const error = child(child(parseXml(body), 'tsResponse'), 'error');
        if (error) {
          return new ServerResponseError(response.status, error.$?.code ?? '', text(child(error, 'summary')) ?? '', text(child(error, 'detail')) ?? '', method, response.url.href);
        }
      } catch {
        // Not parseable: reported below with the status and the start of the body.
      }
    }
    if (contentType && !/xml|json|text\/plain/i.test(contentType)) {
      return new NonXmlResponseError(response.status, contentType, method, response.url.href, snippetOf(body));
    }
    return new ServerResponseError(response.status, '', `HTTP ${response.status}`, snippetOf(body), method, response.url.href);
  }

  private async nonXml(response: HttpResponse, method: string): Promise<NonXmlResponseError> {
    const contentType = String(response.headers['content-type'] ?? '');
    const location = response.headers.location;
    const body = await readLimited(response, errorBodyLimit);
    const snippet = location ? `redirect to ${String(location)}` : snippetOf(body);
    return new NonXmlResponseError(response.status, contentType, method, response.url.href, snippet);
  }
}

function snippetOf(body: string): string {
  return body.replace(/\s+/g, ' ').trim().slice(0, 160);
}

async function readLimited(response: HttpResponse, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    const buffer = Buffer.from(chunk as Uint8Array);
    if (size < limit) chunks.push(buffer.subarray(0, limit - size));
    size += buffer.length;
  }
  return Buffer.concat(chunks).toString('utf8');
}
