import * as assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { Sandbox } from '../../../src/sandbox';
import type { TableauExtensionApi } from '../../../src/extension/test-api';
import { addEntry, childLabels, extensionWithSandbox, removeTestEntries, serverNode, treeItem, withPrompts } from '../support/extension-api';
import { ScriptedPrompter } from '../support/scripted-prompter';

suite('Secrets and server storage', () => {
  let api: TableauExtensionApi;
  let sandbox: Sandbox;

  suiteSetup(async () => {
    ({ api, sandbox } = await extensionWithSandbox());
  });

  teardown(async () => {
    await removeTestEntries(api);
  });

  function sandboxEntry(label = 'Stored') {
    return addEntry(api, { label, url: sandbox.url, identity: sandbox.credentials.tokenName }, sandbox.credentials.tokenSecret);
  }

  function requests(method: string, pathPart: string): number {
    return sandbox.faults.recentRequests.filter((request) => request.method === method && request.path.includes(pathPart)).length;
  }

  test('after adding and browsing a server, its secret is in SecretStorage and nowhere in globalState, settings or the log', async () => {
    const secret = sandbox.credentials.tokenSecret;
    const prompter = new ScriptedPrompter()
      .answer('addServer.url', sandbox.url)
      .answer('addServer.httpWarning', 'Use http:// Anyway')
      .answer('addServer.site', '')
      .answer('addServer.authKind', 'User name and password')
      .answer('addServer.username', sandbox.credentials.username)
      .answer('addServer.secret', sandbox.credentials.password)
      .answer('addServer.label', 'Password server');
    await withPrompts(api, prompter, () => vscode.commands.executeCommand('tableau.addServer'));
    const entry = api.registry.list().find((candidate) => candidate.label === 'Password server');
    assert.ok(entry, 'the server was added');
    assert.ok((await childLabels(api, serverNode(api, entry.id))).length > 0, 'browsing it signed in');
    assert.equal(await api.registry.getSecret(entry.id), sandbox.credentials.password, 'the password is in SecretStorage');

    const secrets = [secret, sandbox.credentials.password];
    const globalState = JSON.stringify(api.globalState.keys().map((key) => [key, api.globalState.get(key)]));
    assert.match(globalState, /Password server/, 'globalState holds the server list');
    for (const value of secrets) assert.ok(!globalState.includes(value), 'no secret in globalState');

    const settings = JSON.stringify(['tableau', 'http'].map((section) => vscode.workspace.getConfiguration(section)));
    for (const value of secrets) assert.ok(!settings.includes(value), 'no secret in settings');

    const log = await readFile(join(api.logUri.fsPath, 'Tableau.log'), 'utf8');
    assert.match(log, /POST \/api\/[\d.]+\/auth\/signin → 200/, 'the log records requests (method, path, status)');
    for (const value of secrets) assert.ok(!log.includes(value), 'no secret in the log');

    const tooltip = treeItem(api, serverNode(api, entry.id)).tooltip;
    const shown = JSON.stringify([treeItem(api, serverNode(api, entry.id)).label, treeItem(api, serverNode(api, entry.id)).description, tooltip]);
    for (const value of secrets) assert.ok(!shown.includes(value), 'no secret in the tree');
  });

  test('Remove Server signs it out and deletes its secret, after a confirmation', async () => {
    const entry = await sandboxEntry('To remove');
    await childLabels(api, serverNode(api, entry.id));
    assert.equal(api.sessions.peek(entry.id)?.isSignedIn, true);

    const keep = new ScriptedPrompter();
    await withPrompts(api, keep, () => vscode.commands.executeCommand('tableau.removeServer', serverNode(api, entry.id)));
    assert.match(keep.find('removeServer.confirm')[0]?.text ?? '', /To remove/);
    assert.ok(api.registry.get(entry.id), 'declining the confirmation keeps the server');

    const signOutsBefore = requests('POST', '/auth/signout');
    const remove = new ScriptedPrompter().answer('removeServer.confirm', 'Remove');
    await withPrompts(api, remove, () => vscode.commands.executeCommand('tableau.removeServer', serverNode(api, entry.id)));
    assert.equal(api.registry.get(entry.id), undefined, 'the server is gone from the list');
    assert.equal(await api.registry.getSecret(entry.id), undefined, 'its secret is gone from SecretStorage');
    assert.ok(!(await childLabels(api, undefined)).includes('To remove'), 'the tree no longer shows it');
    assert.equal(requests('POST', '/auth/signout'), signOutsBefore + 1, 'its session was signed out on the server');
  });

  test('Edit Secret keeps a new secret only after signing in with it', async () => {
    const entry = await sandboxEntry('Secret to edit');
    await api.registry.setSecret(entry.id, 'an-old-secret');

    const wrong = new ScriptedPrompter().answer('editSecret.secret', 'still-wrong');
    await withPrompts(api, wrong, () => vscode.commands.executeCommand('tableau.editSecret', serverNode(api, entry.id)));
    assert.match(wrong.find('editSecret.failed')[0]?.text ?? '', /refused the sign-in/);
    assert.equal(await api.registry.getSecret(entry.id), 'an-old-secret', 'a secret that fails to sign in is not kept');

    const retried = new ScriptedPrompter().answer('editSecret.secret', 'wrong-again', sandbox.credentials.tokenSecret).answer('editSecret.failed', 'Try Again');
    await withPrompts(api, retried, () => vscode.commands.executeCommand('tableau.editSecret', serverNode(api, entry.id)));
    assert.equal(await api.registry.getSecret(entry.id), sandbox.credentials.tokenSecret, 'the secret that signs in is stored');
    assert.ok((await childLabels(api, serverNode(api, entry.id))).includes('Default'), 'the server browses with the new secret');
  });

  test('Sign Out ends the session and collapses the server; expanding it signs in again', async () => {
    const entry = await sandboxEntry('Signed in');
    await childLabels(api, serverNode(api, entry.id));
    const before = serverNode(api, entry.id);
    const signOuts = requests('POST', '/auth/signout');
    const signIns = requests('POST', '/auth/signin');

    await vscode.commands.executeCommand('tableau.signOut', before);
    assert.equal(requests('POST', '/auth/signout'), signOuts + 1, 'the server was told');
    assert.equal(api.sessions.peek(entry.id), undefined, 'no session is kept');
    const after = serverNode(api, entry.id);
    assert.notEqual(after.key, before.key, 'the server row is a new, collapsed row');
    assert.doesNotMatch(String(treeItem(api, after).description), /signed in/);

    assert.ok((await childLabels(api, after)).includes('Default'));
    assert.equal(requests('POST', '/auth/signin'), signIns + 1, 'expanding signed in again');
    assert.match(String(treeItem(api, serverNode(api, entry.id)).description), /signed in/);
  });
});
