import { randomInt, randomUUID } from 'node:crypto';
import { isoNow } from './ids';
import type { UploadSession } from './content-types';

/**
 * Upload sessions (Initiate File Upload / Append to File Upload). Ids have the shape real servers use,
 * `<number>:<hex>-<number>:<number>` (the XSD's fileUploadSessionIdType). Appends to one session run one at a
 * time in arrival order, so a retried chunk never interleaves with the attempt it replaces.
 */
export class UploadSessionStore {
  private readonly sessions = new Map<string, UploadSession>();
  private readonly queues = new Map<string, Promise<unknown>>();

  create(siteId: string, userId: string, path: string): UploadSession {
    const id = `${randomInt(1000, 100000)}:${randomUUID().replace(/-/g, '')}-1:0`;
    const session: UploadSession = { id, siteId, userId, path, size: 0, createdAt: isoNow() };
    this.sessions.set(id, session);
    return session;
  }

  /** The session with this id on this site; another site's session is treated as absent. */
  get(siteId: string, id: string): UploadSession | undefined {
    const session = this.sessions.get(id);
    return session && session.siteId === siteId ? session : undefined;
  }

  delete(id: string): void {
    this.sessions.delete(id);
  }

  /** Puts back a session taken for a publish that then failed, so the client can try the publish again. */
  restore(session: UploadSession): void {
    this.sessions.set(session.id, session);
  }

  get count(): number {
    return this.sessions.size;
  }

  /** Runs `task` once every earlier task queued for this session has settled. */
  exclusive<T>(id: string, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(id) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(task);
    const settled = next.catch(() => undefined);
    this.queues.set(id, settled);
    void settled.then(() => {
      if (this.queues.get(id) === settled) this.queues.delete(id);
    });
    return next;
  }
}
