import { randomUUID } from 'node:crypto';

export type AuthKind = 'token' | 'password';

/**
 * One server as the person added it. Stored in globalState, so nothing secret belongs here: the token secret or
 * password lives in SecretStorage under the entry's id.
 */
export interface ServerEntry {
  id: string;
  label: string;
  /** The server root, e.g. https://tableau.example.com (no trailing slash). */
  url: string;
  /** The site to sign in to first; '' is the Default site. */
  siteContentUrl: string;
  authKind: AuthKind;
  /** The personal access token's name, or the user name. */
  identity: string;
  /** The person chose to skip certificate verification for this server, after a warning. */
  skipTlsVerification: boolean;
  /** Set for the entry of the sandbox running inside this extension host; it goes away when the sandbox stops. */
  sandbox?: boolean;
}

export function newServerId(): string {
  return randomUUID();
}

export function describeAuthKind(kind: AuthKind): string {
  return kind === 'token' ? 'personal access token' : 'user name and password';
}

export function identityLabel(kind: AuthKind): string {
  return kind === 'token' ? 'token name' : 'user name';
}

export function secretLabel(kind: AuthKind): string {
  return kind === 'token' ? 'token secret' : 'password';
}

/** Keeps only the fields an entry has, so that nothing else (a secret by mistake) is ever persisted. */
export function sanitizeEntry(entry: ServerEntry): ServerEntry {
  const clean: ServerEntry = {
    id: String(entry.id),
    label: String(entry.label),
    url: String(entry.url),
    siteContentUrl: String(entry.siteContentUrl ?? ''),
    authKind: entry.authKind === 'password' ? 'password' : 'token',
    identity: String(entry.identity),
    skipTlsVerification: entry.skipTlsVerification === true,
  };
  if (entry.sandbox) clean.sandbox = true;
  return clean;
}
