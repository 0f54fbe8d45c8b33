import * as vscode from 'vscode';
import type { ClientContext } from './client-factory';
import type { ServerRegistry } from './registry';
import { ServerSession } from './session';

/** Keeps one session per server entry, and drops sessions whose entry changed or went away. */
export class SessionManager implements vscode.Disposable {
  private readonly sessions = new Map<string, ServerSession>();
  private readonly signedIn = new vscode.EventEmitter<ServerSession>();
  private readonly signedOut = new vscode.EventEmitter<string>();
  /** Fires after a session signed in or moved to another site. */
  readonly onDidSignIn = this.signedIn.event;
  /** Fires with the entry id after a session was signed out or dropped. */
  readonly onDidSignOut = this.signedOut.event;
  private readonly registryListener: vscode.Disposable;

  constructor(
    private readonly registry: ServerRegistry,
    private readonly context: ClientContext,
  ) {
    this.registryListener = registry.onDidChange(() => void this.dropStale());
  }

  /** The session for an entry, created on first use (no network work until it is used). */
  get(entryId: string): ServerSession {
    const existing = this.sessions.get(entryId);
    if (existing) return existing;
    const entry = this.registry.get(entryId);
    if (!entry) throw new Error('This server is no longer in the list; refresh the Tableau view.');
    const session = new ServerSession(entry, this.registry, this.context, (s) => this.signedIn.fire(s));
    this.sessions.set(entryId, session);
    return session;
  }

  peek(entryId: string): ServerSession | undefined {
    return this.sessions.get(entryId);
  }

  /** Signs out and forgets the session; the next use builds a fresh client and signs in again. */
  async reset(entryId: string): Promise<void> {
    const session = this.sessions.get(entryId);
    if (!session) return;
    this.sessions.delete(entryId);
    // Announced before the network round trip, so the tree forgets this session's content at once.
    this.signedOut.fire(entryId);
    try {
      await session.signOut();
    } catch (error) {
      this.context.logger.debug(`Signing out of ${session.entry.url} failed: ${(error as Error).message}`);
    }
  }

  /** Drops every session, e.g. after a network setting changed: the next use builds clients with the new settings. */
  async resetAll(): Promise<void> {
    await Promise.all([...this.sessions.keys()].map((id) => this.reset(id)));
  }

  dispose(): void {
    this.registryListener.dispose();
    void this.resetAll();
    this.signedIn.dispose();
    this.signedOut.dispose();
  }

  /** A session built from an entry that has since been edited or removed must not keep serving it. */
  private async dropStale(): Promise<void> {
    const current = new Map(this.registry.list().map((entry) => [entry.id, entry]));
    for (const [id, session] of this.sessions) {
      const entry = current.get(id);
      if (!entry || JSON.stringify(entry) !== JSON.stringify(session.entry)) await this.reset(id);
    }
  }
}
