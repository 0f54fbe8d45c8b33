import * as assert from 'node:assert/strict';
import { createServer } from 'node:http';
import * as vscode from 'vscode';
import type { Sandbox } from '../../../src/sandbox';
import type { TableauExtensionApi } from '../../../src/extension/test-api';
import { childLabels, extensionWithSandbox, removeTestEntries, serverNode, withPrompts } from '../support/extension-api';
import { selfSignedSandboxForSuite } from '../support/https-sandbox';
import { close, closedPort, listen } from '../support/sandbox-client';
import { ScriptedPrompter } from '../support/scripted-prompter';

suite('Add Server', () => {
  let api: TableauExtensionApi;
  let sandbox: Sandbox;

  suiteSetup(async () => {
    ({ api, sandbox } = await extensionWithSandbox());
  });

  teardown(async () => {
    await removeTestEntries(api);
  });

  /** Answers for a complete, correct run against the running sandbox. */
  function answers(overrides: { secret?: string[]; label?: string } = {}): ScriptedPrompter {
    return new ScriptedPrompter()
      .answer('addServer.url', sandbox.url)
      .answer('addServer.httpWarning', 'Use http:// Anyway')
      .answer('addServer.site', '')
      .answer('addServer.authKind', 'Personal access token')
      .answer('addServer.tokenName', sandbox.credentials.tokenName)
      .answer('addServer.secret', ...(overrides.secret ?? [sandbox.credentials.tokenSecret]))
      .answer('addServer.label', overrides.label ?? 'My Tableau');
  }

  async function addServer(prompter: ScriptedPrompter): Promise<void> {
    await withPrompts(api, prompter, () => vscode.commands.executeCommand('tableau.addServer'));
  }

  function testEntries() {
    return api.registry.list().filter((entry) => !entry.sandbox);
  }

  test('signs in before saving, then lists the server with its secret in SecretStorage', async () => {
    sandbox.faults.resetCount();
    const prompter = answers();
    await addServer(prompter);

    assert.deepEqual(prompter.unused(), [], 'every scripted answer was asked for');
    const [entry] = testEntries();
    assert.ok(entry, 'the server was saved');
    assert.equal(entry.label, 'My Tableau');
    assert.equal(entry.url, sandbox.url);
    assert.equal(entry.siteContentUrl, '');
    assert.equal(entry.authKind, 'token');
    assert.equal(entry.identity, sandbox.credentials.tokenName);
    assert.equal(await api.registry.getSecret(entry.id), sandbox.credentials.tokenSecret);
    assert.ok(
      sandbox.faults.recentRequests.some((request) => request.method === 'POST' && request.path.includes('/auth/signin')),
      'the flow signed in before saving',
    );
    assert.ok((await childLabels(api, undefined)).includes('My Tableau'), 'the tree lists the new server');
    assert.equal(api.treeView.selection[0]?.key, serverNode(api, entry.id).key, 'the new server is selected in the tree');
  });

  test('a wrong secret says what to fix, and correcting just the secret saves the server', async () => {
    const prompter = answers({ secret: ['not-the-secret', sandbox.credentials.tokenSecret] }).answer('addServer.fix', 'Edit token secret');
    await addServer(prompter);

    const [fix] = prompter.find('addServer.fix');
    assert.ok(fix, 'the flow asked what to change');
    assert.match(fix.text, /refused the sign-in/);
    assert.match(fix.text, /token secret/);
    assert.equal(fix.choices[0], 'Edit token secret', 'the secret is offered first as the likely fix');
    assert.equal(prompter.find('addServer.url').length, 1, 'the URL was not asked again');
    assert.equal(prompter.find('addServer.tokenName').length, 1, 'the token name was not asked again');
    const [entry] = testEntries();
    assert.ok(entry, 'the corrected server was saved');
    assert.equal(await api.registry.getSecret(entry.id), sandbox.credentials.tokenSecret);
  });

  test('a wrong token name can be corrected alone, its previous answer pre-filled', async () => {
    const prompter = answers().answer('addServer.fix', 'Edit token name').set('addServer.tokenName', 'nobodys-token', sandbox.credentials.tokenName);
    await addServer(prompter);

    const asked = prompter.find('addServer.tokenName');
    assert.equal(asked.length, 2);
    assert.equal(asked[1].value, 'nobodys-token', 'the second ask shows the previous answer for editing');
    assert.equal(prompter.find('addServer.secret').length, 1, 'the secret was not asked again');
    assert.equal(testEntries()[0]?.identity, sandbox.credentials.tokenName);
  });

  test('Escape at any step saves nothing', async () => {
    const steps: Array<{ step: string; script: (p: ScriptedPrompter) => ScriptedPrompter }> = [
      { step: 'addServer.url', script: (p) => p },
      { step: 'addServer.httpWarning', script: (p) => p.answer('addServer.url', sandbox.url) },
      { step: 'addServer.site', script: (p) => p.answer('addServer.url', sandbox.url).answer('addServer.httpWarning', 'Use http:// Anyway') },
      {
        step: 'addServer.authKind',
        script: (p) => p.answer('addServer.url', sandbox.url).answer('addServer.httpWarning', 'Use http:// Anyway').answer('addServer.site', ''),
      },
      {
        step: 'addServer.tokenName',
        script: (p) =>
          p.answer('addServer.url', sandbox.url).answer('addServer.httpWarning', 'Use http:// Anyway').answer('addServer.site', '').answer('addServer.authKind', 'Personal access token'),
      },
      {
        step: 'addServer.secret',
        script: (p) =>
          p
            .answer('addServer.url', sandbox.url)
            .answer('addServer.httpWarning', 'Use http:// Anyway')
            .answer('addServer.site', '')
            .answer('addServer.authKind', 'Personal access token')
            .answer('addServer.tokenName', sandbox.credentials.tokenName),
      },
    ];
    for (const { step, script } of steps) {
      const prompter = script(new ScriptedPrompter());
      await addServer(prompter);
      // Dismissing the http:// warning goes back to the URL (offering https://); Escape there ends the flow.
      const last = step === 'addServer.httpWarning' ? prompter.shown.at(-2)?.id : prompter.shown.at(-1)?.id;
      assert.equal(last, step, `the flow stopped at ${step}`);
      assert.deepEqual(testEntries(), [], `Escape at ${step} saved nothing`);
    }

    const atFix = answers({ secret: ['wrong'] }).set('addServer.label');
    await addServer(atFix);
    assert.equal(atFix.shown.at(-1)?.id, 'addServer.fix');
    assert.deepEqual(testEntries(), [], 'Escape when asked what to fix saved nothing');

    const atLabel = answers().set('addServer.label');
    await addServer(atLabel);
    assert.equal(atLabel.shown.at(-1)?.id, 'addServer.label', 'the sign-in succeeded and the name was asked');
    assert.deepEqual(testEntries(), [], 'Escape at the name saved nothing, even after a successful sign-in');
  });

  test('the URL must be https:// (http:// only after a warning), and a browser address gives the site', async () => {
    const prompter = new ScriptedPrompter().answer('addServer.url', 'tableau.example.com', 'ftp://tableau.example.com', 'http://tableau.example.com/#/site/marketing/home');
    await addServer(prompter);

    const [url] = prompter.find('addServer.url');
    assert.match(url.rejected[0], /Start with https:\/\//, 'an address without a scheme is refused with the fix');
    assert.match(url.rejected[1], /https:\/\//, 'ftp:// is refused');
    const [warning] = prompter.find('addServer.httpWarning');
    assert.ok(warning, 'http:// got a warning');
    assert.match(warning.text, /unencrypted/);
    // Dismissing the warning asks for the URL again, offering the https:// form.
    const urls = prompter.find('addServer.url');
    assert.equal(urls[1]?.value, 'https://tableau.example.com');
    assert.deepEqual(testEntries(), []);

    const withSite = new ScriptedPrompter().answer('addServer.url', 'https://tableau.example.com/#/site/marketing/home');
    await addServer(withSite);
    assert.equal(withSite.find('addServer.site')[0]?.value, 'marketing', 'the site from the pasted address is offered');
  });

  test('an unreachable host points at the URL, and correcting the URL alone succeeds', async () => {
    const port = await closedPort();
    const prompter = answers()
      .set('addServer.url', `http://127.0.0.1:${port}`, sandbox.url)
      .answer('addServer.fix', 'Edit server URL')
      .answer('addServer.httpWarning', 'Use http:// Anyway');
    await addServer(prompter);

    const [fix] = prompter.find('addServer.fix');
    assert.ok(fix, 'the failure was reported');
    assert.match(fix.text, /Nothing accepts connections at 127\.0\.0\.1:\d+/);
    assert.equal(fix.choices[0], 'Edit server URL');
    assert.equal(prompter.find('addServer.secret').length, 1, 'the secret was not asked again');
    assert.equal(testEntries()[0]?.url, sandbox.url);
  });

  test('a URL that is not Tableau says so', async () => {
    const portal = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Company login</body></html>'));
    const url = await listen(portal);
    try {
      const prompter = answers().set('addServer.url', url);
      await addServer(prompter);
      const [fix] = prompter.find('addServer.fix');
      assert.ok(fix);
      assert.match(fix.text, /instead of the Tableau REST API/);
      assert.equal(fix.choices[0], 'Edit server URL');
      assert.deepEqual(testEntries(), []);
    } finally {
      await close(portal);
    }
  });

  suite('with a server whose certificate is not trusted', () => {
    const selfSigned = selfSignedSandboxForSuite();

    test('the message names the CA setting, and skipping verification (after a warning) saves the server', async () => {
      const { https } = selfSigned;
      assert.ok(https);
      const prompter = new ScriptedPrompter()
        .answer('addServer.url', https.url)
        .answer('addServer.site', '')
        .answer('addServer.authKind', 'Personal access token')
        .answer('addServer.tokenName', https.credentials.tokenName)
        .answer('addServer.secret', https.credentials.tokenSecret)
        .answer('addServer.fix', 'Skip certificate verification for this server')
        .answer('addServer.skipTlsWarning', 'Skip Verification')
        .answer('addServer.label', 'Self-signed');
      await addServer(prompter);

      const [fix] = prompter.find('addServer.fix');
      assert.ok(fix);
      assert.match(fix.text, /certificate .* is not trusted/);
      assert.match(fix.text, /tableau\.caCertificates/);
      assert.match(prompter.find('addServer.skipTlsWarning')[0]?.text ?? '', /intercept/);
      const [entry] = testEntries();
      assert.ok(entry, 'saved after skipping verification');
      assert.equal(entry.skipTlsVerification, true);
      assert.ok((await childLabels(api, serverNode(api, entry.id))).includes('Default'), 'the server browses with verification skipped');
    });
  });
});
