// npm run test:vscode — the in-host suites (test/vscode/suite) inside code-server's real extension host.
// code-server has no --extensionTestsPath flag; its web workbench takes the same two paths from the `payload` query
// parameter, runs the suite, and reports through window.codeAutomationLog / window.codeAutomationExit, which
// playwright exposes to the page before it loads.
import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, newWorkbenchPage, screenshot } from './browser';
import { bundleSuites } from './bundle-suites';
import type { Browser } from 'playwright-core';
import { logTail, remoteUri, startCodeServer, workbenchUrl, type RunningCodeServer } from './code-server';
import { artifactsDir, repoRoot, suiteEntry } from './paths';
import { freePort } from './ports';
import { createTempProfile, removeProfile, seedUserSettings } from './profile';

const TIMEOUT_MS = Number(process.env.TABLEAU_VSCODE_TEST_TIMEOUT_MS ?? 10 * 60_000);

async function main(): Promise<number> {
  const started = Date.now();
  const tests = await bundleSuites();
  console.log(`in-host: bundled ${tests.length} test file${tests.length === 1 ? '' : 's'} into ${suiteEntry}`);
  const artifacts = artifactsDir();
  mkdirSync(artifacts, { recursive: true });
  const profile = createTempProfile('in-host');
  // Ctrl+C skips `finally`: the process-exit hook in code-server.ts kills code-server; this removes the profile.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      removeProfile(profile);
      process.exit(130);
    });
  }
  seedUserSettings(profile);
  const logFile = join(artifacts, 'in-host-code-server.log');
  const workbenchLog = join(artifacts, 'in-host-workbench.log');
  writeFileSync(workbenchLog, '');
  const reportTag = `[suite ${randomUUID().slice(0, 8)}] `;
  let server: RunningCodeServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startCodeServer({ profile, port: await freePort(), logFile, env: { TABLEAU_TEST_ARTIFACTS: artifacts, TABLEAU_SUITE_LOG_TAG: reportTag } });
    browser = await launchChromium();
    const page = await newWorkbenchPage(browser);
    let reportExit: (code: number) => void = () => undefined;
    const exitCode = new Promise<number>((resolveExit) => (reportExit = resolveExit));
    // The workbench's own log and the extension host's console arrive here together: the suite's report (tagged by
    // test/vscode/suite/index.ts) goes to the terminal, everything else to a log file.
    await page.exposeFunction('codeAutomationLog', (level: string, message: string) => {
      const text = String(message);
      const at = text.indexOf(reportTag);
      if (at >= 0) process.stdout.write(`${text.slice(at + reportTag.length).replace(/\n$/, '')}\n`);
      else appendFileSync(workbenchLog, `[${level}] ${text.replace(/\n$/, '')}\n`);
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => reportExit(Number(code)));
    const url = workbenchUrl(server.origin, profile.workspace, [
      ['extensionDevelopmentPath', remoteUri(server.origin, repoRoot)],
      ['extensionTestsPath', remoteUri(server.origin, suiteEntry)],
    ]);
    await page.goto(url);
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      exitCode.then((code) => ({ kind: 'exit' as const, code })),
      server.exited.then((code) => ({ kind: 'server-died' as const, code })),
      new Promise<{ kind: 'timeout' }>((resolveTimeout) => (timer = setTimeout(() => resolveTimeout({ kind: 'timeout' }), TIMEOUT_MS))),
    ]);
    clearTimeout(timer);
    if (outcome.kind === 'exit' && outcome.code === 0) {
      console.log(`in-host: passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return 0;
    }
    const shot = await screenshot(page, join(artifacts, 'in-host-failure.png'));
    if (outcome.kind === 'exit') console.error(`in-host: the suites failed (exit code ${outcome.code}).`);
    if (outcome.kind === 'timeout') console.error(`in-host: no result after ${TIMEOUT_MS / 1000} s (TABLEAU_VSCODE_TEST_TIMEOUT_MS).`);
    if (outcome.kind === 'server-died') console.error(`in-host: code-server exited (code ${outcome.code}) during the run:\n${logTail(logFile)}`);
    if (shot) console.error(`in-host: screenshot ${shot}`);
    console.error(`in-host: logs ${workbenchLog} (workbench and extension host), ${logFile} (code-server)`);
    return outcome.kind === 'exit' ? outcome.code || 1 : 1;
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    if (!process.env.TABLEAU_KEEP_PROFILE) removeProfile(profile);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`in-host: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
