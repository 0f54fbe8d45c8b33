import { ServerResponseError, SiteItem, type Server } from '../../../client';
import { siteKey, type ServerNode, type SiteNode } from '../nodes';
import { byName, totalOf, type LoaderContext, type SectionPage, type SectionSource } from './section-source';

/**
 * A server's sites: all of them for a server administrator (Query Sites), and only the signed-in site for anyone
 * the server refuses the list to.
 */
export function sitesSource(parent: ServerNode, { sessions }: LoaderContext): SectionSource {
  const session = () => sessions.get(parent.entry.id);
  return {
    name: 'sites',
    async fetchPage(pageNumber, pageSize): Promise<SectionPage> {
      try {
        const [sites, pagination] = await session().run(undefined, (server) => server.sites.get(byName(pageNumber, pageSize)));
        return { nodes: sites.map((site) => siteNode(parent, site)), received: sites.length, total: totalOf(pagination, sites.length) };
      } catch (error) {
        if (!(error instanceof ServerResponseError) || error.status !== 403) throw error;
        const site = await session().run(parent.entry.siteContentUrl, signedInSite);
        return { nodes: [siteNode(parent, site)], received: 1, total: 1 };
      }
    },
  };
}

async function signedInSite(server: Server): Promise<SiteItem> {
  const siteId = server.siteId ?? '';
  try {
    return await server.sites.getById(siteId);
  } catch {
    // Some roles may not read their own site's record; the session still says which site it is.
    const contentUrl = server.siteContentUrl ?? '';
    const site = new SiteItem(contentUrl || 'Default', contentUrl);
    site.id = siteId;
    return site;
  }
}

export function siteNode(parent: ServerNode, site: SiteItem): SiteNode {
  const siteId = site.id ?? site.contentUrl;
  return {
    kind: 'site',
    key: siteKey(parent.entry.id, siteId),
    parent,
    site,
    scope: { serverId: parent.entry.id, siteId, siteContentUrl: site.contentUrl, siteName: site.name || site.contentUrl || 'Default' },
  };
}
