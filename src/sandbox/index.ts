import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './cli';
import { FaultInjector } from './faults';
import { resolveOptions, type Sandbox, type SandboxOptions } from './options';
import { SandboxServer } from './server';
import { applySeed } from './state/seeds';
import { SandboxState } from './state/store';

export type { Sandbox, SandboxCredentials, SandboxOptions, SandboxTls } from './options';
export type { FaultAction, FaultKind, FaultMatch, FaultRule, RecordedRequest, StatusFaultOptions } from './faults';
export { FaultInjector } from './faults';
export { SandboxState } from './state/store';
export type { SeedName } from './state/seeds';
export type { ProjectRecord, Session, SiteRecord, SiteRole, UserRecord } from './state/types';
export type { ConnectionRecord, DatasourceRecord, StoredFile, UploadSession, ViewRecord, WorkbookRecord } from './state/content-types';
export { ErrorCodes } from './http/error-codes';
export { LATEST_API_VERSION, PRODUCT_VERSION } from './version';

/** Starts a local, stateful Tableau REST API server. Stop it with `await sandbox.stop()`. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const resolved = resolveOptions(options);
  const ownsDataDir = resolved.dataDir === undefined;
  const dataDir = resolved.dataDir ?? (await mkdtemp(join(tmpdir(), 'tableau-sandbox-')));
  await mkdir(dataDir, { recursive: true });

  const state = new SandboxState(resolved.tokenTtlSeconds, dataDir);
  applySeed(state, resolved.seed, resolved.credentials);
  if (!state.findSiteByContentUrl(resolved.credentials.siteContentUrl)) {
    const contentUrl = resolved.credentials.siteContentUrl;
    state.addSite({ name: contentUrl.charAt(0).toUpperCase() + contentUrl.slice(1), contentUrl });
  }
  const faults = new FaultInjector(resolved.latencyMs);
  const server = new SandboxServer(resolved, state, faults);
  let url: string;
  try {
    url = await server.listen();
  } catch (error) {
    if (ownsDataDir) await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  resolved.logger(`sandbox listening on ${url} (seed ${resolved.seed})`);

  let stopped: Promise<void> | undefined;
  return {
    url,
    credentials: resolved.credentials,
    state,
    faults,
    stop() {
      stopped ??= (async () => {
        await server.close();
        if (ownsDataDir) await rm(dataDir, { recursive: true, force: true });
        resolved.logger('sandbox stopped');
      })();
      return stopped;
    },
  };
}

if (require.main === module) {
  runCli(process.argv.slice(2), startSandbox).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
