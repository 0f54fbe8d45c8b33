import { InvalidArgumentError, NetworkError, NonXmlResponseError, ServerResponseError, TableauClientError } from '../../client';
import { secretLabel, identityLabel, type AuthKind } from '../servers/server-entry';
import { MissingSecretError } from '../servers/session';
import { CaCertificateError } from '../settings/network-settings';

/** The answer a person would change to fix the problem. */
export type FixField = 'url' | 'site' | 'identity' | 'secret' | 'certificate';

export interface ErrorDescription {
  /** What went wrong and what to do about it, in one or two sentences. */
  message: string;
  /** The answer most likely wrong, when the error points at one. */
  field?: FixField;
  /** A setting that fixes it, for an "Open Settings" action. */
  setting?: string;
}

export interface SignInContext {
  authKind: AuthKind;
  url: string;
  siteContentUrl: string;
}

/**
 * Turns any error into a message a person can act on. Typed client errors (sign-in refused, DNS, refused connection,
 * certificate, timeout, a page that is not the REST API) each say what to fix; anything else keeps its own message.
 */
export function describeError(error: unknown, context?: SignInContext): ErrorDescription {
  if (error instanceof ServerResponseError) return describeServerResponse(error, context);
  if (error instanceof NetworkError) return describeNetwork(error);
  if (error instanceof NonXmlResponseError) {
    return {
      message:
        `${hostOf(error.url)} answered with ${error.contentType || 'something'} (HTTP ${error.status}) instead of the Tableau REST API. ` +
        'Check that the server URL is the Tableau Server or Tableau Cloud root (for example https://tableau.example.com), and that no proxy or sign-on portal intercepts it.',
      field: 'url',
    };
  }
  if (error instanceof CaCertificateError) return { message: error.message, setting: 'tableau.caCertificates' };
  if (error instanceof MissingSecretError) return { message: error.message, field: 'secret' };
  if (error instanceof InvalidArgumentError) return { message: error.message, field: /address|scheme|URL/i.test(error.message) ? 'url' : undefined };
  if (error instanceof TableauClientError || error instanceof Error) return { message: error.message };
  return { message: String(error) };
}

function describeServerResponse(error: ServerResponseError, context: SignInContext | undefined): ErrorDescription {
  const kind = context?.authKind ?? 'token';
  if (error.code === '401001' || (error.status === 401 && /signin/i.test(error.url))) {
    const site = context?.siteContentUrl ? `the site '${context.siteContentUrl}'` : 'the Default site';
    return {
      message:
        `Tableau refused the sign-in to ${site}: the ${identityLabel(kind)} or ${secretLabel(kind)} is wrong` +
        `${kind === 'token' ? ', or the token has expired or been revoked' : ''}, or the user is not a member of that site. ` +
        `Check the ${secretLabel(kind)} first, then the ${identityLabel(kind)} and the site content URL.`,
      field: 'secret',
    };
  }
  if (error.code === '401002') return { message: 'The session expired and signing in again failed. Sign out of the server and expand it again.' };
  if (error.status === 404 && /signin/i.test(error.url)) {
    return { message: `${hostOf(error.url)} has no Tableau sign-in endpoint at this address. Check the server URL.`, field: 'url' };
  }
  if (error.status === 403 || error.code.startsWith('403')) {
    return { message: `${error.summary || 'Forbidden'}: ${error.detail || 'the signed-in user lacks the permission or site role for this.'}` };
  }
  return { message: error.message };
}

function describeNetwork(error: NetworkError): ErrorDescription {
  switch (error.kind) {
    case 'dns':
      return { message: `Cannot find the host '${error.host}'. Check the server URL for typos, and your network, VPN or proxy (http.proxy).`, field: 'url' };
    case 'refused':
      return { message: `Nothing accepts connections at ${error.host}. Check the server URL and port, that the server is running, and the proxy settings.`, field: 'url' };
    case 'tls':
      if (/EPROTO|ERR_SSL/.test(error.code)) {
        return { message: `${error.host} does not speak HTTPS on this port. Check the server URL (scheme and port).`, field: 'url' };
      }
      return {
        message:
          `The certificate of ${error.host} is not trusted (${error.code}). If your organisation uses its own certificate authority, ` +
          "add its PEM file to the setting tableau.caCertificates; only if you trust this network, skip certificate verification for this server.",
        field: 'certificate',
        setting: 'tableau.caCertificates',
      };
    case 'timeout':
      return {
        message: `${error.host} did not answer in time. Check the network and proxy settings (http.proxy), or raise tableau.requestTimeoutSeconds.`,
        field: 'url',
        setting: 'tableau.requestTimeoutSeconds',
      };
    default:
      return { message: error.message };
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
