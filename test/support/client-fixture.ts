// A sandbox plus a client Server for the core client suites; started once per suite, stopped after it.
import { PersonalAccessTokenAuth, Server, TableauAuth, type ServerOptions } from '../../src/client';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox';

export interface ClientFixture {
  sandbox: Sandbox;
  server: Server;
  /** A fresh Server for the same sandbox; closed by the fixture after the suite. */
  newServer(options?: ServerOptions): Server;
  adminAuth(siteContentUrl?: string): TableauAuth;
  tokenAuth(siteContentUrl?: string): PersonalAccessTokenAuth;
}

/** Fast retries keep the retry suites quick; behaviour is the same as with the defaults. */
export const quickRetry = { retry: { baseDelayMs: 10, maxDelayMs: 5_000 } };

export function useClient(sandboxOptions: SandboxOptions = {}, serverOptions: ServerOptions = quickRetry, signIn = true): ClientFixture {
  const fixture = {} as ClientFixture;
  const servers: Server[] = [];
  before(async () => {
    fixture.sandbox = await startSandbox(sandboxOptions);
    fixture.newServer = (options = serverOptions) => {
      const server = new Server(fixture.sandbox.url, options);
      servers.push(server);
      return server;
    };
    fixture.adminAuth = (site = '') => new TableauAuth(fixture.sandbox.credentials.username, fixture.sandbox.credentials.password, site);
    fixture.tokenAuth = (site = '') => new PersonalAccessTokenAuth(fixture.sandbox.credentials.tokenName, fixture.sandbox.credentials.tokenSecret, site);
    fixture.server = fixture.newServer();
    if (signIn) await fixture.server.auth.signIn(fixture.adminAuth());
  });
  after(async () => {
    await Promise.all(servers.map((server) => server.close().catch(() => undefined)));
    await fixture.sandbox?.stop();
  });
  return fixture;
}
