import { apiError } from '../http/api-error';
import { json, type RouteResponse } from '../http/respond';
import type { SandboxState } from '../state/store';
import { generateUsers } from '../state/users-generate';
import { parseSiteRole } from '../state/users-roles';

/**
 * `POST /_sandbox/generate` with `{"kind":"users","count":1200,"siteContentUrl":"","namePrefix":"user","siteRole":"Viewer"}`:
 * bulk users on a site (roles cycle through the assignable ones unless siteRole is given).
 */
export function generateUsersFromJson(state: SandboxState, body: Record<string, unknown>): RouteResponse {
  const text = (key: string): string | undefined => {
    const value = body[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') throw apiError('badRequest', `'${key}' must be a string.`);
    return value;
  };
  const contentUrl = text('siteContentUrl') ?? '';
  const site = state.findSiteByContentUrl(contentUrl);
  if (!site) throw apiError('siteNotFound', `No site has the content URL '${contentUrl}'.`);
  const count = body.count;
  if (typeof count !== 'number') throw apiError('badRequest', "'count' must be an integer of at least 1.");
  const role = text('siteRole');
  const ids = generateUsers(state, {
    siteId: site.id,
    count,
    namePrefix: text('namePrefix'),
    siteRole: role === undefined ? undefined : parseSiteRole(role, 'add'),
  });
  return json(201, { kind: 'users', siteId: site.id, created: ids.length, firstId: ids[0], lastId: ids[ids.length - 1] });
}
