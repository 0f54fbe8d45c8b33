import * as vscode from 'vscode';
import { locate, type FoundItem } from '../explorer/locate';
import { byName } from '../explorer/loaders/section-source';
import { serverOf, siteOf, type ExplorerNode, type ServerNode } from '../explorer/nodes';
import type { PickOption } from '../ui/prompts';
import { registerCommand, type CommandContext } from './command-context';

const SEARCH_LIMIT = 100;

interface ResultOption extends PickOption {
  found: FoundItem;
}

export function registerFindCommand(context: CommandContext): vscode.Disposable {
  return registerCommand(context, 'tableau.find', 'Find', (node?: ExplorerNode) => find(context, node));
}

/**
 * Asks for a name, searches the site on the server (a name filter on workbooks, views and data sources, so items
 * on pages not loaded yet are found too), and reveals the picked item in the tree. Resolves to the revealed node.
 */
export async function find(context: CommandContext, node?: ExplorerNode): Promise<ExplorerNode | undefined> {
  const prompter = context.prompts.prompter;
  // From a row's menu: that row; from the view title or the palette: the selected row, if its server still exists.
  const candidate = node && 'kind' in node ? node : context.treeView.selection[0];
  const start = candidate && context.registry.get(serverOf(candidate)?.entry.id ?? '') ? candidate : undefined;
  const server = serverOf(start) ?? (await chooseServer(context));
  if (!server) return undefined;
  const session = context.sessions.get(server.entry.id);
  const siteContentUrl = siteOf(start)?.scope.siteContentUrl ?? session.siteContentUrl ?? server.entry.siteContentUrl;
  const siteName = siteOf(start)?.scope.siteName ?? (siteContentUrl || 'Default');

  const name = await prompter.input({
    id: 'find.name',
    title: `Find on ${server.entry.label}, site ${siteName}`,
    prompt: 'Exact name of a workbook, view or data source',
    validate: (text) => (text.trim() ? undefined : 'Enter a name.'),
  });
  if (name === undefined) return undefined;
  const wanted = name.trim();

  const found = await prompter.withProgress(`Searching ${server.entry.label} for '${wanted}'…`, () =>
    session.run(siteContentUrl, async (client): Promise<FoundItem[]> => {
      const filter: Array<[string, string]> = [['name', wanted]];
      const [workbooks] = await client.workbooks.get(byName(1, SEARCH_LIMIT, filter));
      const [views] = await client.views.get(byName(1, SEARCH_LIMIT, filter));
      const [datasources] = await client.datasources.get(byName(1, SEARCH_LIMIT, filter));
      return [
        ...workbooks.map((item): FoundItem => ({ kind: 'workbook', item })),
        ...views.map((item): FoundItem => ({ kind: 'view', item })),
        ...datasources.map((item): FoundItem => ({ kind: 'datasource', item })),
      ];
    }),
  );
  if (found.length === 0) {
    void prompter.message({ id: 'find.none', kind: 'info', message: `No workbook, view or data source named '${wanted}' on site ${siteName} of ${server.entry.label}.` });
    return undefined;
  }
  const choice = await prompter.pick<ResultOption>({
    id: 'find.result',
    title: `Found ${found.length} named '${wanted}'`,
    placeHolder: 'Choose one to show in the Tableau view',
    items: found.map(toOption),
  });
  if (!choice) return undefined;
  const target = await locate(context.tree, context.sessions, server, siteContentUrl, choice.found);
  await context.treeView.reveal(target, { select: true, focus: true, expand: false });
  return target;
}

async function chooseServer(context: CommandContext): Promise<ServerNode | undefined> {
  const entries = context.registry.list();
  if (entries.length === 0) throw new Error('There is no server to search: add one (or start the sandbox) first.');
  const entry =
    entries.length === 1
      ? entries[0]
      : (
          await context.prompts.prompter.pick({
            id: 'find.server',
            title: 'Find',
            placeHolder: 'Which server?',
            items: entries.map((candidate) => ({ label: candidate.label, description: candidate.url, entry: candidate })),
          })
        )?.entry;
  return entry ? context.tree.serverNode(entry.id) : undefined;
}

function toOption(found: FoundItem): ResultOption {
  switch (found.kind) {
    case 'workbook':
      return { label: `$(book) ${found.item.name ?? ''}`, description: `workbook in ${found.item.projectName ?? 'a project'}`, found };
    case 'view':
      return { label: `$(graph) ${found.item.name ?? ''}`, description: `view${found.item.sheetType ? ` (${found.item.sheetType})` : ''}`, found };
    case 'datasource':
      return { label: `$(database) ${found.item.name ?? ''}`, description: `data source in ${found.item.projectName ?? 'a project'}`, found };
  }
}
