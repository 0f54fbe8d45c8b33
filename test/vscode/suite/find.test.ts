import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { WorkbookItem } from '../../../src/client';
import type { ExplorerNode } from '../../../src/extension/explorer/nodes';
import type { TableauExtensionApi } from '../../../src/extension/test-api';
import type { Sandbox } from '../../../src/sandbox';
import { child, extensionWithSandbox, labelOf, serverNode, setSetting, withPrompts } from '../support/extension-api';
import { allProjects, withClient } from '../support/sandbox-client';
import { ScriptedPrompter } from '../support/scripted-prompter';

suite('Find', () => {
  let api: TableauExtensionApi;
  let sandbox: Sandbox;
  let serverId: string;

  suiteSetup(async () => {
    ({ api, sandbox, serverId } = await extensionWithSandbox());
    // One item per page: what Find reveals is almost never on a loaded page.
    await setSetting('tableau', 'pageSize', 1);
    api.tree.refresh();
  });

  suiteTeardown(async () => {
    await setSetting('tableau', 'pageSize', undefined);
  });

  function ancestry(node: ExplorerNode | undefined): string[] {
    const labels: string[] = [];
    for (let current = node; current; current = api.tree.getParent(current) ?? undefined) labels.unshift(labelOf(api, current));
    return labels;
  }

  /** Find from the Default site's context menu. */
  async function find(prompter: ScriptedPrompter): Promise<ExplorerNode | undefined> {
    const site = await child(api, serverNode(api, serverId), 'Default');
    await withPrompts(api, prompter, () => vscode.commands.executeCommand('tableau.find', site));
    return api.treeView.selection[0];
  }

  test('finds a view by name on the server and reveals it under its workbook and projects', async () => {
    const target = await withClient(sandbox, '', async (client) => {
      const projects = await allProjects(client);
      const [workbooks] = await client.workbooks.get();
      const depth = (workbook: WorkbookItem) => {
        let levels = 0;
        for (let project = projects.find((p) => p.id === workbook.projectId); project; project = projects.find((p) => p.id === project?.parentId)) levels++;
        return levels;
      };
      const deepest = [...workbooks].sort((a, b) => depth(b) - depth(a))[0];
      await client.workbooks.populateViews(deepest);
      const chain: string[] = [];
      for (let project = projects.find((p) => p.id === deepest.projectId); project; project = projects.find((p) => p.id === project?.parentId)) chain.unshift(project.name);
      return { workbook: deepest.name ?? '', view: deepest.views[0]?.name ?? '', chain };
    });
    assert.ok(target.view, 'the demo workbook has a view');

    const prompter = new ScriptedPrompter().answer('find.name', target.view).answer('find.result', new RegExp(`^\\$\\(graph\\) ${escape(target.view)}$`));
    const selected = await find(prompter);
    assert.ok(prompter.find('find.result')[0]?.choices.some((choice) => choice.includes(target.view)), 'the result list offers the view');
    assert.ok(selected, 'an item is selected');
    assert.equal(selected.kind, 'view');
    assert.deepEqual(ancestry(selected), ['Sandbox', 'Default', ...target.chain, target.workbook, target.view]);
    const siblings = await api.tree.getChildren(api.tree.getParent(selected) ?? undefined);
    assert.ok(siblings.some((node) => node.key === selected.key), 'the revealed view is a child of its workbook in the tree');
  });

  test('finds workbooks and data sources too', async () => {
    const names = await withClient(sandbox, '', async (client) => ({
      workbook: (await client.workbooks.get())[0][0]?.name ?? '',
      datasource: (await client.datasources.get())[0][0]?.name ?? '',
    }));
    const workbook = await find(new ScriptedPrompter().answer('find.name', names.workbook).answer('find.result', new RegExp(`^\\$\\(book\\) ${escape(names.workbook)}$`)));
    assert.equal(workbook?.kind, 'workbook');
    assert.equal(labelOf(api, workbook), names.workbook);
    if (names.datasource) {
      const datasource = await find(new ScriptedPrompter().answer('find.name', names.datasource).answer('find.result', /^\$\(database\) /));
      assert.equal(datasource?.kind, 'datasource');
      assert.equal(labelOf(api, datasource), names.datasource);
    }
  });

  test('a name nothing has says so', async () => {
    const prompter = new ScriptedPrompter().answer('find.name', 'No Such Thing 1234');
    await find(prompter);
    assert.match(prompter.find('find.none')[0]?.text ?? '', /No workbook, view or data source named 'No Such Thing 1234'/);
    assert.equal(prompter.find('find.result').length, 0);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
