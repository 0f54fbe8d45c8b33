import { apiError } from '../http/api-error';
import type { SandboxState } from '../state/store';
import type { SiteRecord } from '../state/types';
import { booleanAttribute, enumAttribute, integerAttribute } from '../xml/attribute-values';
import { attribute, type RequestElement } from '../xml/parse';

/** Reading `<site>` attributes from Create Site and Update Site requests. */

const CONTENT_URL = /^[A-Za-z0-9_-]*$/;

export type SiteChanges = Partial<Omit<SiteRecord, 'id' | 'createdAt'>>;

export function readSiteChanges(element: RequestElement): SiteChanges {
  const changes: SiteChanges = {};
  const name = attribute(element, 'name');
  if (name !== undefined) {
    if (name.trim() === '') throw apiError('badRequest', 'The site name must not be empty.');
    changes.name = name.trim();
  }
  const contentUrl = attribute(element, 'contentUrl');
  if (contentUrl !== undefined) {
    if (!CONTENT_URL.test(contentUrl)) {
      throw apiError('badRequest', `The contentUrl '${contentUrl}' may only contain letters, digits, hyphens and underscores.`);
    }
    changes.contentUrl = contentUrl;
  }
  const adminMode = enumAttribute(element, 'adminMode', ['ContentAndUsers', 'ContentOnly'] as const);
  if (adminMode) changes.adminMode = adminMode;
  const state = enumAttribute(element, 'state', ['Active', 'Suspended'] as const);
  if (state) changes.state = state;
  const userQuota = integerAttribute(element, 'userQuota', { min: 0, max: 1_000_000, also: [-1] });
  if (userQuota !== undefined) changes.userQuota = userQuota === -1 ? null : userQuota;
  const storageQuota = integerAttribute(element, 'storageQuota', { min: 0, max: 1_000_000_000 });
  if (storageQuota !== undefined) changes.storageQuota = storageQuota;
  const revisionLimit = integerAttribute(element, 'revisionLimit', { min: 2, max: 10_000, also: [-1] });
  if (revisionLimit !== undefined) changes.revisionLimit = revisionLimit;
  const flags = [
    'disableSubscriptions',
    'subscribeOthersEnabled',
    'revisionHistoryEnabled',
    'commentingEnabled',
    'guestAccessEnabled',
    'flowsEnabled',
    'runNowEnabled',
  ] as const;
  for (const flag of flags) {
    const value = booleanAttribute(element, flag);
    if (value !== undefined) changes[flag] = value;
  }
  if (changes.adminMode === 'ContentOnly' && changes.userQuota !== undefined && changes.userQuota !== null) {
    throw apiError('badRequest', 'A user quota cannot be set when adminMode is ContentOnly; drop userQuota or use ContentAndUsers.');
  }
  return changes;
}

/** 409s for a name or content URL another site already uses (compared case-insensitively). */
export function checkSiteConflicts(state: SandboxState, changes: SiteChanges, exceptId?: string): void {
  if (changes.name !== undefined) {
    const clash = state.findSiteByName(changes.name);
    if (clash && clash.id !== exceptId) {
      throw apiError('siteNameConflict', `A site named '${clash.name}' already exists; choose another name.`);
    }
  }
  if (changes.contentUrl !== undefined) {
    const clash = state.findSiteByContentUrl(changes.contentUrl);
    if (clash && clash.id !== exceptId) {
      throw apiError('siteContentUrlConflict', `A site already exists with the content URL '${changes.contentUrl}' (site '${clash.name}').`);
    }
  }
}
