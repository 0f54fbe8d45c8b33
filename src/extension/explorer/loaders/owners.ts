import type { Server } from '../../../client';
import type { SiteScope } from '../nodes';

/**
 * Content lists name their owners by id only; descriptions show names. Each owner is looked up once per site and
 * remembered. A lookup that fails (a role that may not read users, an older server) leaves the name unknown: the
 * tree then shows less, never an error.
 */
export class OwnerNames {
  private readonly names = new Map<string, Promise<string | undefined>>();

  /** Names for the given owner ids, looked up concurrently within the caller's signed-in session. */
  async resolve(server: Server, scope: SiteScope, ownerIds: Iterable<string | undefined>): Promise<Map<string, string>> {
    const ids = [...new Set([...ownerIds].filter((id): id is string => Boolean(id)))];
    const found = await Promise.all(ids.map(async (id) => [id, await this.lookup(server, scope, id)] as const));
    return new Map(found.filter((entry): entry is readonly [string, string] => entry[1] !== undefined));
  }

  clear(): void {
    this.names.clear();
  }

  private lookup(server: Server, scope: SiteScope, id: string): Promise<string | undefined> {
    const key = `${scope.serverId}/${scope.siteId}/${id}`;
    let name = this.names.get(key);
    if (!name) {
      name = server.users.getById(id).then(
        (user) => user.fullname || user.name || undefined,
        () => undefined,
      );
      this.names.set(key, name);
    }
    return name;
  }
}
