import * as vscode from 'vscode';
import { sanitizeEntry, type ServerEntry } from './server-entry';

const ENTRIES_KEY = 'tableau.servers';
const SECRET_KEY_PREFIX = 'tableau.server.';

/**
 * The list of servers (globalState) and their secrets (SecretStorage, keyed by the entry id). This is the only
 * place that reads or writes either, so the rule "secrets only in SecretStorage" is enforced here.
 */
export class ServerRegistry implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after an entry was added, updated or removed. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly state: vscode.Memento,
    private readonly secrets: vscode.SecretStorage,
  ) {}

  list(): ServerEntry[] {
    return this.state.get<ServerEntry[]>(ENTRIES_KEY, []).map(sanitizeEntry);
  }

  get(id: string): ServerEntry | undefined {
    return this.list().find((entry) => entry.id === id);
  }

  /** Saves a new entry and its secret; the secret first, so an entry never exists without one. */
  async add(entry: ServerEntry, secret: string): Promise<void> {
    await this.secrets.store(secretKey(entry.id), secret);
    await this.write([...this.list().filter((existing) => existing.id !== entry.id), sanitizeEntry(entry)]);
  }

  async update(entry: ServerEntry): Promise<void> {
    await this.write(this.list().map((existing) => (existing.id === entry.id ? sanitizeEntry(entry) : existing)));
  }

  /** Removes the entry and deletes its secret. */
  async remove(id: string): Promise<void> {
    await this.secrets.delete(secretKey(id));
    await this.write(this.list().filter((entry) => entry.id !== id));
  }

  getSecret(id: string): Promise<string | undefined> {
    return Promise.resolve(this.secrets.get(secretKey(id)));
  }

  async setSecret(id: string, secret: string): Promise<void> {
    await this.secrets.store(secretKey(id), secret);
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }

  private async write(entries: ServerEntry[]): Promise<void> {
    await this.state.update(ENTRIES_KEY, entries);
    this.changed.fire();
  }
}

function secretKey(id: string): string {
  return `${SECRET_KEY_PREFIX}${id}`;
}
