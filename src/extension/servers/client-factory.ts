import { PersonalAccessTokenAuth, Server, TableauAuth, type Credentials, type Logger } from '../../client';
import { networkOptions } from '../settings/network-settings';
import type { ServerEntry } from './server-entry';

export interface ClientContext {
  /** Receives the client's request lines (method, path, status, duration); the client redacts secrets. */
  logger: Logger;
  userAgent: string;
}

/** A client `Server` for an entry, with the network settings in force now. */
export async function createClient(entry: ServerEntry, context: ClientContext): Promise<Server> {
  const { proxyDisablesTlsCheck, ...network } = await networkOptions({ skipTlsVerification: entry.skipTlsVerification });
  if (entry.skipTlsVerification) context.logger.warn(`Certificate verification is off for ${entry.url}, as chosen for the server '${entry.label}'.`);
  else if (proxyDisablesTlsCheck) context.logger.warn(`Certificate verification is off for ${entry.url} because http.proxyStrictSSL is false.`);
  return new Server(entry.url, { ...network, logger: context.logger, userAgent: context.userAgent });
}

export function credentialsFor(entry: ServerEntry, secret: string, siteContentUrl = entry.siteContentUrl): Credentials {
  return entry.authKind === 'token'
    ? new PersonalAccessTokenAuth(entry.identity, secret, siteContentUrl)
    : new TableauAuth(entry.identity, secret, siteContentUrl);
}

/** Signs in with a candidate entry and secret, then signs out: the check before anything is saved. */
export async function checkSignIn(entry: ServerEntry, secret: string, context: ClientContext): Promise<void> {
  const server = await createClient(entry, context);
  try {
    await server.auth.signIn(credentialsFor(entry, secret));
    await server.auth.signOut();
  } finally {
    await server.close();
  }
}
