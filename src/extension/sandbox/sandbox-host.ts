import * as vscode from 'vscode';
import { redactSecrets } from '../../client';
import { startSandbox, type Sandbox } from '../../sandbox';
import type { ServerRegistry } from '../servers/registry';
import { newServerId, type ServerEntry } from '../servers/server-entry';
import type { SessionManager } from '../servers/session-manager';

const RUNNING_CONTEXT_KEY = 'tableau.sandboxRunning';

/**
 * The sandbox inside the extension host: a local Tableau REST server on 127.0.0.1 with demo content, added as a
 * server entry like any other (its token secret in SecretStorage). Its content lives in memory and its credentials
 * are new each start, so stopping it removes its entry rather than leaving one that can never sign in again.
 */
export class SandboxHost implements vscode.Disposable {
  private running: { sandbox: Sandbox; entry: ServerEntry } | undefined;
  private starting: Promise<ServerEntry> | undefined;

  constructor(
    private readonly registry: ServerRegistry,
    private readonly sessions: SessionManager,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** The running sandbox (tests reach its fault injection and state through this). */
  get sandbox(): Sandbox | undefined {
    return this.running?.sandbox;
  }

  get entry(): ServerEntry | undefined {
    return this.running?.entry;
  }

  /** Starts the sandbox, or returns the entry of the one already running. */
  start(): Promise<ServerEntry> {
    if (this.running) return Promise.resolve(this.running.entry);
    this.starting ??= this.launch().finally(() => (this.starting = undefined));
    return this.starting;
  }

  /** Stops the sandbox and removes its entry; false when none was running. */
  async stop(): Promise<boolean> {
    await this.starting?.catch(() => undefined);
    const running = this.running;
    if (!running) return false;
    this.running = undefined;
    await vscode.commands.executeCommand('setContext', RUNNING_CONTEXT_KEY, false);
    await this.sessions.reset(running.entry.id);
    await this.registry.remove(running.entry.id);
    await running.sandbox.stop();
    this.log.info(`Stopped the sandbox at ${running.sandbox.url}.`);
    return true;
  }

  /** Entries of sandboxes from an earlier window that ended without deactivating; storage only, no network. */
  async removeStaleEntries(): Promise<void> {
    for (const entry of this.registry.list()) if (entry.sandbox && entry.id !== this.running?.entry.id) await this.registry.remove(entry.id);
  }

  dispose(): void {
    void this.stop();
  }

  private async launch(): Promise<ServerEntry> {
    const sandbox = await startSandbox({
      host: '127.0.0.1',
      port: 0,
      seed: 'demo',
      logger: (line) => this.log.trace(`[sandbox] ${redactSecrets(line)}`),
    });
    const entry: ServerEntry = {
      id: newServerId(),
      label: 'Sandbox',
      url: sandbox.url,
      siteContentUrl: sandbox.credentials.siteContentUrl,
      authKind: 'token',
      identity: sandbox.credentials.tokenName,
      skipTlsVerification: false,
      sandbox: true,
    };
    try {
      await this.registry.add(entry, sandbox.credentials.tokenSecret);
    } catch (error) {
      await sandbox.stop();
      throw error;
    }
    this.running = { sandbox, entry };
    await vscode.commands.executeCommand('setContext', RUNNING_CONTEXT_KEY, true);
    this.log.info(`Started the sandbox at ${sandbox.url} with demo content.`);
    return entry;
  }
}
