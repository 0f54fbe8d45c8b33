// One browser tab on a fresh code-server: a temporary profile with a packaged .vsix installed, code-server on a free
// port, headless Chromium on the workbench. For UI tests; close() always stops everything.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, newWorkbenchPage } from './browser';
import { installExtension, startCodeServer, workbenchUrl, type RunningCodeServer } from './code-server';
import { artifactsDir, repoRoot } from './paths';
import { freePort } from './ports';
import { createTempProfile, removeProfile, seedUserSettings, type Profile } from './profile';

export interface WorkbenchSession {
  page: Page;
  browser: Browser;
  server: RunningCodeServer;
  profile: Profile;
  close(): Promise<void>;
}

export interface WorkbenchOptions {
  /** Names the temporary profile and the log file (test-artifacts/<purpose>-code-server.log). */
  purpose: string;
  vsix?: string;
  settings?: Record<string, unknown>;
}

/** The .vsix that `npm run package` writes: <name>-<version>.vsix at the repository root. */
export function packagedVsixPath(): string {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };
  return join(repoRoot, `${manifest.name}-${manifest.version}.vsix`);
}

export async function openWorkbench(options: WorkbenchOptions): Promise<WorkbenchSession> {
  const profile = createTempProfile(options.purpose);
  let server: RunningCodeServer | undefined;
  let browser: Browser | undefined;
  const close = async (): Promise<void> => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    if (!process.env.TABLEAU_KEEP_PROFILE) removeProfile(profile);
  };
  try {
    seedUserSettings(profile, options.settings);
    if (options.vsix) installExtension(profile, options.vsix);
    server = await startCodeServer({
      profile,
      port: await freePort(),
      logFile: join(artifactsDir(), `${options.purpose}-code-server.log`),
      env: { TABLEAU_TEST_ARTIFACTS: artifactsDir() },
    });
    browser = await launchChromium();
    const page = await newWorkbenchPage(browser);
    await page.goto(workbenchUrl(server.origin, profile.workspace));
    await page.locator('.monaco-workbench .activitybar').waitFor({ timeout: 60_000 });
    return { page, browser, server, profile, close };
  } catch (error) {
    await close();
    throw error;
  }
}
