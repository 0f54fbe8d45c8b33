import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'tableau-vscode.tableau-vscode';

interface CommandContribution {
  command: string;
}

suite('Extension activation', () => {
  test('the extension activates in a real VS Code', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded in this window`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  test('every command the manifest contributes is registered, the welcome view\'s among them', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    await extension.activate();
    const contributed = ((extension.packageJSON.contributes?.commands ?? []) as CommandContribution[]).map((entry) => entry.command);
    assert.ok(contributed.includes('tableau.addServer'), 'the manifest contributes tableau.addServer');
    assert.ok(contributed.includes('tableau.startSandbox'), 'the manifest contributes tableau.startSandbox');
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.filter((command) => !registered.has(command)), [], 'contributed commands missing a registration');
  });
});
