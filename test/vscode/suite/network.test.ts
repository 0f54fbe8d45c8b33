import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import type { ErrorNode } from '../../../src/extension/explorer/nodes';
import type { TableauExtensionApi } from '../../../src/extension/test-api';
import type { Sandbox } from '../../../src/sandbox';
import { addEntry, childLabels, extensionWithSandbox, labelOf, removeTestEntries, serverNode, setSetting } from '../support/extension-api';
import { selfSignedSandboxForSuite } from '../support/https-sandbox';
import { close, countingProxy, listen } from '../support/sandbox-client';

suite('Network settings reach the client', () => {
  let api: TableauExtensionApi;
  let sandbox: Sandbox;

  suiteSetup(async () => {
    ({ api, sandbox } = await extensionWithSandbox());
  });

  teardown(async () => {
    await setSetting('http', 'proxy', undefined);
    await setSetting('http', 'noProxy', undefined);
    await setSetting('tableau', 'caCertificates', undefined);
    await setSetting('tableau', 'requestTimeoutSeconds', undefined);
    sandbox.faults.clear();
    await removeTestEntries(api);
  });

  async function firstError(entryId: string): Promise<ErrorNode> {
    const children = await api.tree.getChildren(serverNode(api, entryId));
    const error = children.find((node): node is ErrorNode => node.kind === 'error');
    assert.ok(error, `an error node, got: ${children.map((node) => labelOf(api, node)).join(' | ')}`);
    return error;
  }

  test('http.proxy sends requests through the proxy; http.noProxy bypasses it', async () => {
    const proxy = countingProxy();
    const proxyUrl = await listen(proxy.server);
    const target = new URL(sandbox.url).host;
    try {
      const entry = await addEntry(api, { label: 'Through a proxy', url: sandbox.url, identity: sandbox.credentials.tokenName }, sandbox.credentials.tokenSecret);
      await setSetting('http', 'proxy', proxyUrl);
      assert.ok((await childLabels(api, serverNode(api, entry.id))).includes('Default'), 'the tree loads through the proxy');
      const tunnelled = proxy.targets.filter((host) => host === target).length;
      assert.ok(tunnelled > 0, `the proxy carried the requests (it saw: ${proxy.targets.join(', ') || 'nothing'})`);

      await setSetting('http', 'noProxy', ['127.0.0.1']);
      assert.ok((await childLabels(api, serverNode(api, entry.id))).includes('Default'), 'the tree loads directly');
      assert.equal(proxy.targets.filter((host) => host === target).length, tunnelled, 'no request went through the proxy');
    } finally {
      await close(proxy.server);
    }
  });

  test('tableau.requestTimeoutSeconds bounds the wait for a slow server', async () => {
    const entry = await addEntry(api, { label: 'Slow', url: sandbox.url, identity: sandbox.credentials.tokenName }, sandbox.credentials.tokenSecret);
    await setSetting('tableau', 'requestTimeoutSeconds', 1);
    sandbox.faults.delayNext(1, 4000, { path: '/sites' });
    const error = await firstError(entry.id);
    assert.match(error.message, /did not answer in time/);
    assert.match(error.message, /tableau\.requestTimeoutSeconds/);
  });

  test('a CA file that cannot be read is named in the message', async () => {
    const entry = await addEntry(api, { label: 'Bad CA path', url: sandbox.url, identity: sandbox.credentials.tokenName }, sandbox.credentials.tokenSecret);
    const missing = join('/nonexistent', 'corporate-ca.pem');
    await setSetting('tableau', 'caCertificates', [missing]);
    const error = await firstError(entry.id);
    assert.match(error.message, /corporate-ca\.pem/);
    assert.match(error.message, /tableau\.caCertificates/);
    assert.match(error.message, /does not exist/);
  });

  suite('with an HTTPS server whose certificate is self-signed', () => {
    const selfSigned = selfSignedSandboxForSuite();

    test('verification refuses it until its CA is listed in tableau.caCertificates', async () => {
      const { https, cert } = selfSigned;
      assert.ok(https && cert);
      const entry = await addEntry(api, { label: 'Internal CA', url: https.url, identity: https.credentials.tokenName }, https.credentials.tokenSecret);
      const error = await firstError(entry.id);
      assert.match(error.message, /certificate of 127\.0\.0\.1:\d+ is not trusted/);
      assert.match(error.message, /tableau\.caCertificates/);

      await setSetting('tableau', 'caCertificates', [cert.caPath]);
      assert.ok((await childLabels(api, serverNode(api, entry.id))).includes('Default'), 'with the CA trusted, the server browses');
    });
  });
});
