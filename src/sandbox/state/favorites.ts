import { isoNow } from './ids';
import type { SandboxState } from './store';
import type { SiteScopedRecord } from './types';

/** What a favorite can point at, as the element name in `<favorite>` (the sandbox models these four). */
export type FavoriteKind = 'workbook' | 'view' | 'datasource' | 'project';
export const FAVORITE_KINDS: readonly FavoriteKind[] = ['workbook', 'view', 'datasource', 'project'];

export interface FavoriteRecord extends SiteScopedRecord {
  userId: string;
  kind: FavoriteKind;
  contentId: string;
  label: string;
  addedAt: string;
}

/** One record per user and item: the id says which, so adding the same item again finds it. */
function favoriteId(userId: string, kind: FavoriteKind, contentId: string): string {
  return `favorite:${userId}:${kind}:${contentId}`;
}

/** Whether the favorite's item still exists on its site (content deleted since is no longer a favorite). */
export function favoriteTargetExists(state: SandboxState, siteId: string, kind: FavoriteKind, contentId: string): boolean {
  switch (kind) {
    case 'project':
      return state.projects.get(siteId, contentId) !== undefined;
    case 'workbook':
      return state.content.workbooks.get(siteId, contentId) !== undefined;
    case 'view':
      return state.content.views.get(siteId, contentId) !== undefined;
    case 'datasource':
      return state.content.datasources.get(siteId, contentId) !== undefined;
  }
}

/** The user's favorites on the site in the order they were added; favorites of deleted items are dropped. */
export function favoritesOf(state: SandboxState, siteId: string, userId: string): FavoriteRecord[] {
  const mine = state.favorites.listSite(siteId).filter((favorite) => favorite.userId === userId);
  const live: FavoriteRecord[] = [];
  for (const favorite of mine) {
    if (favoriteTargetExists(state, siteId, favorite.kind, favorite.contentId)) live.push(favorite);
    else state.favorites.delete(favorite.id);
  }
  return live;
}

export function findFavorite(state: SandboxState, siteId: string, userId: string, kind: FavoriteKind, contentId: string): FavoriteRecord | undefined {
  return state.favorites.get(siteId, favoriteId(userId, kind, contentId));
}

/** Adds the favorite, or relabels it when the user already has it. */
export function putFavorite(
  state: SandboxState,
  input: { siteId: string; userId: string; kind: FavoriteKind; contentId: string; label: string; addedAt?: string },
): FavoriteRecord {
  const existing = findFavorite(state, input.siteId, input.userId, input.kind, input.contentId);
  if (existing) {
    existing.label = input.label;
    return existing;
  }
  return state.favorites.add({
    id: favoriteId(input.userId, input.kind, input.contentId),
    siteId: input.siteId,
    userId: input.userId,
    kind: input.kind,
    contentId: input.contentId,
    label: input.label,
    addedAt: input.addedAt ?? isoNow(),
  });
}

export function removeFavoritesOf(state: SandboxState, siteId: string, userId: string): void {
  for (const favorite of state.favorites.listSite(siteId)) {
    if (favorite.userId === userId) state.favorites.delete(favorite.id);
  }
}
