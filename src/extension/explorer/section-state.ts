import type { SectionSource } from './loaders';
import type { ErrorNode, ExplorerNode, LoadMoreNode } from './nodes';

/** Paging state of one section (e.g. the workbooks of a project): what is loaded, what is left, what failed. */
export interface SectionState {
  source: SectionSource;
  /** Fixed when the section is created, so a settings change cannot skew page numbers; applies after a refresh. */
  pageSize: number;
  nodes: ExplorerNode[];
  pagesLoaded: number;
  received: number;
  total: number;
  done: boolean;
  error: ErrorNode | undefined;
  /** The page request in flight; a second "Load more" while it runs joins it instead of loading twice. */
  loading: Promise<void> | undefined;
  /** A stable node object, so VS Code keeps its identity while its label switches between "Load more…" and "Loading…". */
  loadMore: LoadMoreNode;
}

export function newSection(parent: ExplorerNode, source: SectionSource, pageSize: number): SectionState {
  return {
    source,
    pageSize,
    nodes: [],
    pagesLoaded: 0,
    received: 0,
    total: 0,
    done: false,
    error: undefined,
    loading: undefined,
    loadMore: { kind: 'loadMore', key: `${parent.key}/more:${source.name}`, parent, section: source.name, loaded: 0, total: 0, loading: false },
  };
}

/** What a section contributes to its parent's children: its items, then an error node or a "Load more…" node. */
export function visibleNodes(section: SectionState): ExplorerNode[] {
  if (section.error) return [...section.nodes, section.error];
  if (!section.done && section.pagesLoaded > 0) return [...section.nodes, section.loadMore];
  return section.nodes;
}

/**
 * Loads the next page. A call while a page is loading returns the same promise, so a double click on
 * "Load more…" (or Retry) sends one request. A failure is kept as the section's error node, never thrown.
 */
export function loadNextPage(parent: ExplorerNode, section: SectionState, onError: (error: unknown, parent: ExplorerNode) => string): Promise<void> {
  if (section.loading) return section.loading;
  if (section.done && !section.error) return Promise.resolve();
  section.loadMore.loading = true;
  section.loading = (async () => {
    try {
      const page = await section.source.fetchPage(section.pagesLoaded + 1, section.pageSize);
      section.pagesLoaded += 1;
      section.received += page.received;
      section.total = page.total;
      const known = new Set(section.nodes.map((node) => node.key));
      section.nodes.push(...page.nodes.filter((node) => !known.has(node.key)));
      section.done = page.received === 0 || section.received >= page.total;
      section.error = undefined;
    } catch (error) {
      section.error = { kind: 'error', key: `${parent.key}/error:${section.source.name}`, parent, section: section.source.name, message: onError(error, parent) };
    } finally {
      section.loading = undefined;
      section.loadMore.loading = false;
      section.loadMore.loaded = section.received;
      section.loadMore.total = section.total;
    }
  })();
  return section.loading;
}
