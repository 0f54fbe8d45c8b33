import assert from 'node:assert/strict';
import { PersonalAccessTokenAuth, redactSecrets, TableauAuth, type Logger } from '../../src/client';
import { useClient } from '../support/client-fixture';

function capture(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const push = (level: string) => (message: string) => lines.push(`${level} ${message}`);
  return { lines, trace: push('trace'), debug: push('debug'), info: push('info'), warn: push('warn'), error: push('error') };
}

describe('client: logging', function () {
  const env = useClient({ seed: 'empty' }, undefined, false);

  it('logs method, path, status and duration of every request, and never a secret', async function () {
    const logger = capture();
    const server = env.newServer({ logger });
    const { username, password, tokenName, tokenSecret } = env.sandbox.credentials;
    await server.auth.signIn(new TableauAuth(username, password));
    await server.projects.get();
    await server.auth.signIn(new PersonalAccessTokenAuth(tokenName, tokenSecret));
    const token = server.authToken!;
    await server.auth.signIn(new TableauAuth(username, 'wrong-password-123')).catch(() => undefined);
    await server.auth.signOut();

    const log = logger.lines.join('\n');
    assert.match(log, /info POST \/api\/3\.29\/auth\/signin → 200 \(\d+ ms\)/);
    assert.match(log, /info GET \/api\/3\.29\/sites\/[0-9a-f-]+\/projects → 200 \(\d+ ms\)/);
    assert.match(log, /POST \/api\/3\.29\/auth\/signin → 401/);
    for (const secret of [password, tokenSecret, token, 'wrong-password-123']) {
      assert.ok(!log.includes(secret), `the log must not contain ${secret.slice(0, 3)}…`);
    }
  });

  it('redacts secrets in any text handed to it', function () {
    const text = `<credentials name="a" password="p@ss" personalAccessTokenSecret='s3cr3t' token="tok|en"/> X-Tableau-Auth: abc123`;
    const redacted = redactSecrets(text);
    assert.equal(redacted, `<credentials name="a" password="***" personalAccessTokenSecret='***' token="***"/> X-Tableau-Auth: ***`);
  });
});
