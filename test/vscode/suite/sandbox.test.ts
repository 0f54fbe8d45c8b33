import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TableauExtensionApi } from '../../../src/extension/test-api';
import { childLabels, runningSandbox, serverNode, tableauApi } from '../support/extension-api';

async function reachable(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/api/2.4/serverinfo`);
    return true;
  } catch {
    return false;
  }
}

suite('Sandbox start and stop', () => {
  let api: TableauExtensionApi;

  suiteSetup(async () => {
    api = await tableauApi();
  });

  test('Start Sandbox Server adds a browsable server whose token secret is in SecretStorage', async () => {
    const { sandbox, entry } = await runningSandbox(api);
    assert.match(sandbox.url, /^http:\/\/127\.0\.0\.1:\d+$/, 'it listens on loopback');
    assert.equal(entry.url, sandbox.url);
    assert.equal(entry.identity, sandbox.credentials.tokenName);
    assert.equal(await api.registry.getSecret(entry.id), sandbox.credentials.tokenSecret);
    assert.ok(!JSON.stringify(api.globalState.keys().map((key) => api.globalState.get(key))).includes(sandbox.credentials.tokenSecret));
    assert.ok((await childLabels(api, undefined)).includes('Sandbox'));
    assert.ok((await childLabels(api, serverNode(api, entry.id))).includes('Default'));

    await vscode.commands.executeCommand('tableau.startSandbox');
    assert.equal(api.sandbox.sandbox, sandbox, 'starting again keeps the running sandbox');
    assert.equal(api.registry.list().filter((candidate) => candidate.sandbox).length, 1);
  });

  test('Stop Sandbox Server stops it and removes its server and secret; starting again works', async () => {
    const { sandbox, entry } = await runningSandbox(api);
    await vscode.commands.executeCommand('tableau.stopSandbox');
    assert.equal(api.sandbox.sandbox, undefined);
    assert.equal(api.registry.get(entry.id), undefined, 'its server is gone from the list');
    assert.equal(await api.registry.getSecret(entry.id), undefined, 'its secret is gone');
    assert.ok(!(await childLabels(api, undefined)).includes('Sandbox'));
    assert.equal(await reachable(sandbox.url), false, 'nothing answers at its address any more');

    const again = await runningSandbox(api);
    assert.notEqual(again.sandbox.url, '');
    assert.equal(await reachable(again.sandbox.url), true);
    assert.ok((await childLabels(api, serverNode(api, again.entry.id))).includes('Default'));
  });
});
