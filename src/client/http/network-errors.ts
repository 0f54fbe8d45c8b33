import { NetworkError, RequestAbortedError, type NetworkFailureKind } from '../errors';

const tlsCodes = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REVOKED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'EPROTO',
  'ERR_SSL_WRONG_VERSION_NUMBER',
]);
const timeoutCodes = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);
const resetCodes = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ECONNABORTED']);

/** The most specific error code along the `cause` chain. */
function errorCode(error: unknown): string {
  let current: unknown = error;
  let found = '';
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') {
      found = code;
      if (!code.startsWith('UND_ERR_SOCKET')) return code;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return found;
}

function kindOf(code: string): NetworkFailureKind {
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_FAIL') return 'dns';
  if (code === 'ECONNREFUSED') return 'refused';
  if (tlsCodes.has(code) || code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS')) return 'tls';
  if (timeoutCodes.has(code)) return 'timeout';
  if (resetCodes.has(code)) return 'reset';
  return 'other';
}

/** True for failures worth another attempt of an idempotent request. */
export function isTransientNetworkError(error: unknown): boolean {
  const kind = kindOf(errorCode(error));
  return kind === 'reset';
}

export function isAbortError(error: unknown): boolean {
  const name = (error as { name?: unknown })?.name;
  return name === 'AbortError' || errorCode(error) === 'UND_ERR_ABORTED' || errorCode(error) === 'ABORT_ERR';
}

/** Turns whatever undici or Node threw into an error that names the host and the cause. */
export function toNetworkError(error: unknown, url: URL, what: string): Error {
  if (error instanceof NetworkError || error instanceof RequestAbortedError) return error;
  if (isAbortError(error)) return new RequestAbortedError(what);
  const code = errorCode(error) || 'UNKNOWN';
  const kind = kindOf(code);
  const host = url.host;
  const reason = (error as Error)?.message ?? String(error);
  const messages: Record<NetworkFailureKind, string> = {
    dns: `Cannot resolve host '${url.hostname}' (${code}). Check the server address for typos, and your DNS or VPN.`,
    refused: `Connection refused by ${host} (${code}). Check that the server is running and that the address and port are right.`,
    tls:
      `TLS problem with ${host}: ${reason} (${code}). ` +
      (code === 'EPROTO' || code.startsWith('ERR_SSL')
        ? 'Check whether the server speaks HTTPS on this port (try http:// or the right port).'
        : "Add the server's CA certificate to the trusted certificates, or, only if you trust this network, turn off certificate verification for this server."),
    timeout: `Timed out talking to ${host} (${code}). The server or network is slow or unreachable; try again or raise the request timeout.`,
    reset: `The connection to ${host} was closed unexpectedly (${code}). Try again; if it persists, check proxies and firewalls between you and the server.`,
    other: `Network error talking to ${host}: ${reason} (${code}).`,
  };
  return new NetworkError(kind, host, code, messages[kind], error);
}
