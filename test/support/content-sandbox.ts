// A sandbox with a signed-in client and a scratch folder, for the workbook, data source and view tests.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProjectItem, Server, ServerResponseError, TableauAuth } from '../../src/client';
import { startSandbox, type Sandbox } from '../../src/sandbox';

export interface ContentSandbox {
  sandbox: Sandbox;
  server: Server;
  /** A project created for the test run, to publish into. */
  projectId: string;
  /** A scratch folder removed by `close()`. */
  dir: string;
  close(): Promise<void>;
}

export async function startContentSandbox(seed: 'empty' | 'demo' = 'empty'): Promise<ContentSandbox> {
  const sandbox = await startSandbox({ seed });
  const server = new Server(sandbox.url, { retry: { baseDelayMs: 20, maxDelayMs: 2_000 } });
  const dir = await mkdtemp(join(tmpdir(), 'tableau-client-test-'));
  try {
    const { username, password, siteContentUrl } = sandbox.credentials;
    await server.auth.signIn(new TableauAuth(username, password, siteContentUrl));
    const project = await server.projects.create(new ProjectItem(`Publishing ${Date.now()}`));
    return {
      sandbox,
      server,
      projectId: project.id!,
      dir,
      async close() {
        await server.auth.signOut().catch(() => undefined);
        await server.close();
        await sandbox.stop();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await server.close();
    await sandbox.stop();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Real servers refuse a publish onto an existing name without `overwrite=true` with 403 / 403007 ("... already
 * exists and may not be overwritten without the 'overwrite' flag"), and the client's message says what to do.
 */
export function isNameConflict(error: unknown): boolean {
  return error instanceof ServerResponseError && error.status === 403 && error.code === '403007' && /Overwrite/.test(error.message);
}
