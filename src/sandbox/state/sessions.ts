import { randomBytes } from 'node:crypto';
import type { Session } from './types';

/**
 * Signed-in sessions keyed by credentials token. Tokens expire a fixed time after sign-in; an expired token is
 * forgotten the first time it is presented. The token shape follows recent servers: `<secret>|<user-luid>|<site-luid>`.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly ttlMs: number) {}

  get ttlSeconds(): number {
    return Math.round(this.ttlMs / 1000);
  }

  create(userId: string, siteId: string, impersonatorId: string | null, now = Date.now()): Session {
    const token = `${randomBytes(24).toString('base64url')}|${userId}|${siteId}`;
    const session: Session = { token, userId, siteId, impersonatorId, issuedAt: now, expiresAt: now + this.ttlMs };
    this.sessions.set(token, session);
    return session;
  }

  /** The live session for this token, or undefined when unknown, signed out or expired. */
  find(token: string, now = Date.now()): Session | undefined {
    const session = this.sessions.get(token);
    if (!session) return undefined;
    if (now >= session.expiresAt) {
      this.sessions.delete(token);
      return undefined;
    }
    return session;
  }

  revoke(token: string): void {
    this.sessions.delete(token);
  }

  revokeWhere(predicate: (session: Session) => boolean): void {
    for (const [token, session] of this.sessions) {
      if (predicate(session)) this.sessions.delete(token);
    }
  }

  get count(): number {
    return this.sessions.size;
  }
}
