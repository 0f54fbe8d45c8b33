import type { FaultInjector } from './faults';
import { newSecret } from './state/ids';
import type { SeedName } from './state/seeds';
import type { SandboxState } from './state/store';

export interface SandboxCredentials {
  username: string;
  password: string;
  tokenName: string;
  tokenSecret: string;
  /** The site to sign in to; '' is the Default site. */
  siteContentUrl: string;
}

export interface SandboxTls {
  key: string | Buffer;
  cert: string | Buffer;
}

export interface SandboxOptions {
  /** Interface to listen on; loopback only unless told otherwise. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  seed?: SeedName;
  /** Credentials tokens expire this long after sign-in (default 240 minutes, like Tableau Server). */
  tokenTtlSeconds?: number;
  /** The server administrator's credentials; missing secrets are generated. */
  credentials?: Partial<SandboxCredentials>;
  /** Serve HTTPS with this certificate. */
  tls?: SandboxTls;
  /** Added to every API response (simulates a WAN). */
  latencyMs?: number;
  /** Folder the sandbox owns for uploaded files; default a fresh temp folder removed on stop(). */
  dataDir?: string;
  /**
   * When set (a path prefix such as '/pod2'), Sign In answers 301 with Location on this origin under that prefix,
   * as Tableau Cloud pods do; every request under the prefix is then served as if the prefix were absent.
   */
  signInRedirect?: string;
  /** One line per request and lifecycle event. */
  logger?: (line: string) => void;
}

export interface Sandbox {
  /** e.g. http://127.0.0.1:54321 (no trailing slash). */
  url: string;
  credentials: SandboxCredentials;
  state: SandboxState;
  faults: FaultInjector;
  stop(): Promise<void>;
}

export interface ResolvedOptions {
  host: string;
  port: number;
  seed: SeedName;
  tokenTtlSeconds: number;
  credentials: SandboxCredentials;
  tls: SandboxTls | undefined;
  latencyMs: number;
  dataDir: string | undefined;
  signInRedirect: string | undefined;
  logger: (line: string) => void;
}

export const DEFAULT_TOKEN_TTL_SECONDS = 240 * 60;

export function resolveOptions(options: SandboxOptions = {}): ResolvedOptions {
  const ttl = options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS;
  if (!(ttl > 0)) throw new RangeError(`tokenTtlSeconds must be positive, got ${ttl}`);
  const redirect = options.signInRedirect;
  if (redirect !== undefined && !/^\/[A-Za-z0-9._~-]+(\/[A-Za-z0-9._~-]+)*$/.test(redirect)) {
    throw new RangeError(`signInRedirect must be a path prefix such as '/pod2', got '${redirect}'`);
  }
  return {
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    seed: options.seed ?? 'demo',
    tokenTtlSeconds: ttl,
    credentials: {
      username: options.credentials?.username ?? 'admin',
      password: options.credentials?.password ?? newSecret(12),
      tokenName: options.credentials?.tokenName ?? 'sandbox-token',
      tokenSecret: options.credentials?.tokenSecret ?? newSecret(24),
      siteContentUrl: options.credentials?.siteContentUrl ?? '',
    },
    tls: options.tls,
    latencyMs: Math.max(0, options.latencyMs ?? 0),
    dataDir: options.dataDir,
    signInRedirect: redirect,
    logger: options.logger ?? (() => undefined),
  };
}
