// npm run test:desktop — the same in-host suites in desktop VS Code through @vscode/test-electron, which downloads
// VS Code (VSCODE_VERSION: 'stable' by default, or e.g. 1.100.3 / insiders) into .vscode-test/desktop/. Needs a
// machine that can reach the VS Code download servers, and a display (on Linux without one: xvfb-run -a npm run test:desktop).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { bundleSuites } from './bundle-suites';
import { artifactsDir, repoRoot, suiteEntry, vscodeTestDir } from './paths';
import { createTempProfile, removeProfile, seedUserSettings } from './profile';

async function main(): Promise<number> {
  const tests = await bundleSuites();
  console.log(`desktop: bundled ${tests.length} test file${tests.length === 1 ? '' : 's'} into ${suiteEntry}`);
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.warn('desktop: no DISPLAY; VS Code will not start without one. Try: xvfb-run -a npm run test:desktop');
  }
  const artifacts = artifactsDir();
  mkdirSync(artifacts, { recursive: true });
  const profile = createTempProfile('desktop');
  seedUserSettings(profile);
  try {
    return await runTests({
      version: process.env.VSCODE_VERSION ?? 'stable',
      cachePath: join(vscodeTestDir, 'desktop'),
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: suiteEntry,
      extensionTestsEnv: { TABLEAU_TEST_ARTIFACTS: artifacts },
      launchArgs: [
        profile.workspace,
        '--user-data-dir', profile.userDataDir,
        '--extensions-dir', profile.extensionsDir,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
      ],
    });
  } finally {
    removeProfile(profile);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`desktop: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
