import { rootCertificates } from 'node:tls';
import { Agent, EnvHttpProxyAgent, type Dispatcher } from 'undici';

export interface NetworkOptions {
  /** Extra CA certificates (PEM) trusted on top of Node's bundled roots. */
  ca?: string | Buffer | Array<string | Buffer>;
  /** Verify the server's certificate. Default true; turning it off is an explicit, visible choice. */
  rejectUnauthorized?: boolean;
  /** HTTP(S) proxy URL for requests to this server. */
  proxy?: string;
  /** Hosts that bypass the proxy (comma-separated, as `NO_PROXY`). */
  noProxy?: string;
  /** Time allowed for connecting, for the response headers, and between body chunks. */
  timeoutMs?: number;
}

/**
 * One dispatcher per Server: keep-alive connections to that server only, its own TLS trust and proxy.
 * The global dispatcher is never touched, because a host such as VS Code relies on it.
 */
export function createDispatcher(options: NetworkOptions): Dispatcher {
  const extraCa = options.ca === undefined ? [] : Array.isArray(options.ca) ? options.ca : [options.ca];
  const tls = {
    // Passing `ca` replaces Node's roots, so public CAs are kept alongside the extra ones.
    ca: extraCa.length > 0 ? [...rootCertificates, ...extraCa.map(String)] : undefined,
    rejectUnauthorized: options.rejectUnauthorized ?? true,
    timeout: options.timeoutMs,
  };
  const agentOptions = {
    connect: tls,
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
    keepAliveTimeout: 30_000,
  };
  if (!options.proxy) return new Agent(agentOptions);
  return new EnvHttpProxyAgent({
    ...agentOptions,
    httpProxy: options.proxy,
    httpsProxy: options.proxy,
    noProxy: options.noProxy ?? '',
    requestTls: tls,
  });
}
