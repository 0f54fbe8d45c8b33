import type { Server } from '../../client';
import { createClient, credentialsFor, type ClientContext } from './client-factory';
import type { ServerRegistry } from './registry';
import type { ServerEntry } from './server-entry';

/** The registry has no secret for an entry (never stored, or cleared outside the extension). */
export class MissingSecretError extends Error {
  constructor(label: string) {
    super(`No secret is stored for the server '${label}'. Use "Edit Secret…" on it to enter the token secret or password again.`);
    this.name = 'MissingSecretError';
  }
}

/**
 * One signed-in client per server entry. Sign-in is lazy (first use), and every use runs exclusively, because the
 * session is on one site at a time: a request for another site switches the session to it first, and requests for
 * different sites must not interleave with that switch.
 */
export class ServerSession {
  private client: Server | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly entry: ServerEntry,
    private readonly registry: ServerRegistry,
    private readonly context: ClientContext,
    private readonly onSignedIn: (session: ServerSession) => void,
  ) {}

  get isSignedIn(): boolean {
    return this.client?.isSignedIn ?? false;
  }

  /** The content URL of the site the session is on, when signed in. */
  get siteContentUrl(): string | undefined {
    return this.client?.isSignedIn ? this.client.siteContentUrl : undefined;
  }

  /** Runs `task` signed in on `siteContentUrl` (the current site when undefined), signing in or switching first. */
  run<T>(siteContentUrl: string | undefined, task: (server: Server) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      const server = await this.signedIn(siteContentUrl);
      if (siteContentUrl !== undefined && server.siteContentUrl !== siteContentUrl) await this.switchSite(server, siteContentUrl);
      return task(server);
    });
  }

  /** Signs out (when signed in) and closes the connections; the next use signs in again. */
  signOut(): Promise<void> {
    return this.exclusive(async () => {
      const client = this.client;
      this.client = undefined;
      if (!client) return;
      try {
        await client.auth.signOut();
      } finally {
        await client.close();
      }
    });
  }

  private async signedIn(siteContentUrl: string | undefined): Promise<Server> {
    if (this.client?.isSignedIn) return this.client;
    this.client ??= await createClient(this.entry, this.context);
    const secret = await this.registry.getSecret(this.entry.id);
    if (!secret) throw new MissingSecretError(this.entry.label);
    await this.client.auth.signIn(credentialsFor(this.entry, secret, siteContentUrl ?? this.entry.siteContentUrl));
    this.onSignedIn(this);
    return this.client;
  }

  private async switchSite(server: Server, siteContentUrl: string): Promise<void> {
    try {
      await server.auth.switchSite(siteContentUrl);
    } catch (error) {
      // Tableau Cloud does not offer Switch Site; signing in to the other site with the same credentials does.
      this.context.logger.info(`Switching to site '${siteContentUrl}' failed (${(error as Error).message}); signing in to it instead.`);
      const secret = await this.registry.getSecret(this.entry.id);
      if (!secret) throw new MissingSecretError(this.entry.label);
      await server.auth.signIn(credentialsFor(this.entry, secret, siteContentUrl));
    }
    this.onSignedIn(this);
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(task, task);
    this.queue = result.catch(() => undefined);
    return result;
  }
}
