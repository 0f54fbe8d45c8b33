import { XMLParser } from 'fast-xml-parser';
import { Agent, request } from 'undici';

/** Raw HTTP against a running sandbox, with its own undici Agent (never the global dispatcher). */

export interface HttpResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The parsed `<tsResponse>` (attributes under '@_'); undefined for empty or non-XML bodies. */
  xml: XmlObject | undefined;
}

export type XmlObject = Record<string, any>;

export interface CallOptions {
  token?: string;
  body?: string | Buffer;
  headers?: Record<string, string>;
}

export interface SignedIn {
  token: string;
  siteId: string;
  userId: string;
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseAttributeValue: false, parseTagValue: false });

export const API = '/api/3.29';

export class SandboxHttp {
  readonly agent: Agent;

  constructor(
    readonly baseUrl: string,
    connect: { ca?: string } = {},
  ) {
    this.agent = new Agent({ connect });
  }

  async call(method: string, path: string, options: CallOptions = {}): Promise<HttpResult> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers['x-tableau-auth'] = options.token;
    if (options.body !== undefined) headers['content-type'] ??= 'application/xml';
    const response = await request(`${this.baseUrl}${path}`, {
      method: method as 'GET',
      headers,
      body: options.body,
      dispatcher: this.agent,
    });
    const text = await response.body.text();
    const isXml = String(response.headers['content-type'] ?? '').includes('xml') && text.length > 0;
    return { status: response.statusCode, headers: response.headers, text, xml: isXml ? parser.parse(text).tsResponse : undefined };
  }

  async signInWithPassword(username: string, password: string, siteContentUrl = ''): Promise<SignedIn> {
    const body = `<tsRequest><credentials name="${esc(username)}" password="${esc(password)}"><site contentUrl="${esc(siteContentUrl)}"/></credentials></tsRequest>`;
    return this.expectSignIn(await this.call('POST', `${API}/auth/signin`, { body }));
  }

  async signInWithToken(tokenName: string, tokenSecret: string, siteContentUrl = ''): Promise<SignedIn> {
    const body = `<tsRequest><credentials personalAccessTokenName="${esc(tokenName)}" personalAccessTokenSecret="${esc(tokenSecret)}"><site contentUrl="${esc(siteContentUrl)}"/></credentials></tsRequest>`;
    return this.expectSignIn(await this.call('POST', `${API}/auth/signin`, { body }));
  }

  private expectSignIn(result: HttpResult): SignedIn {
    if (result.status !== 200 || !result.xml) throw new Error(`sign-in failed: ${result.status} ${result.text}`);
    return credentialsOf(result);
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}

export function credentialsOf(result: HttpResult): SignedIn {
  const credentials = result.xml?.credentials;
  return { token: credentials['@_token'], siteId: credentials.site['@_id'], userId: credentials.user['@_id'] };
}

/** The error code of an error response, e.g. '401002'. */
export function errorCode(result: HttpResult): string | undefined {
  return result.xml?.error?.['@_code'];
}

/** Always an array, whether the parser saw one element or many. */
export function list<T = XmlObject>(value: T | T[] | undefined): T[] {
  if (value === undefined || value === '') return [];
  return Array.isArray(value) ? value : [value];
}

export function esc(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}
