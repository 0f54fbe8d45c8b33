import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox';
import { SandboxHttp, type SignedIn } from './sandbox-http';

export interface SandboxFixture {
  sandbox: Sandbox;
  http: SandboxHttp;
  /** Signs in as the sandbox's server administrator (password), to `siteContentUrl` ('' = Default). */
  signInAdmin(siteContentUrl?: string): Promise<SignedIn>;
  /** Signs in as a seeded user by name, with the password the seed generated. */
  signInAs(userName: string, siteContentUrl?: string): Promise<SignedIn>;
}

/** Starts a sandbox before the suite's tests and stops it after. Access the fixture inside tests/hooks. */
export function useSandbox(options: SandboxOptions = {}): SandboxFixture {
  const fixture = {} as SandboxFixture;
  before(async () => {
    fixture.sandbox = await startSandbox(options);
    fixture.http = new SandboxHttp(fixture.sandbox.url);
    fixture.signInAdmin = (site = '') =>
      fixture.http.signInWithPassword(fixture.sandbox.credentials.username, fixture.sandbox.credentials.password, site);
    fixture.signInAs = (userName, site = '') => {
      const user = fixture.sandbox.state.findUserByName(userName);
      if (!user) throw new Error(`no seeded user '${userName}'`);
      return fixture.http.signInWithPassword(user.name, user.password, site);
    };
  });
  after(async () => {
    await fixture.http?.close();
    await fixture.sandbox?.stop();
  });
  return fixture;
}
