// Where the harness finds and puts things. Everything it writes lives under .vscode-test/ or test-artifacts/ (git-ignored).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(__dirname, '..', '..');
export const vscodeTestDir = join(repoRoot, '.vscode-test');
export const codeServerBin = join(vscodeTestDir, 'code-server', 'node_modules', '.bin', 'code-server');
export const setupScript = join(repoRoot, 'test', 'harness', 'setup.mjs');
export const suitesOutDir = join(repoRoot, 'out', 'test', 'vscode', 'suite');
export const suiteEntry = join(suitesOutDir, 'index.js');

/** Screenshots and logs for a person to look at after a run; TABLEAU_TEST_ARTIFACTS overrides it. */
export function artifactsDir(): string {
  return resolve(process.env.TABLEAU_TEST_ARTIFACTS ?? join(repoRoot, 'test-artifacts'));
}

// Keep in step with CHROMIUM_CANDIDATES in setup.mjs, which installs Debian's chromium when none of these exists.
const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  const found = fromEnv ? (existsSync(fromEnv) ? fromEnv : undefined) : CHROMIUM_CANDIDATES.find((candidate) => existsSync(candidate));
  if (!found) throw new Error('No Chromium or Chrome found. Run `node test/harness/setup.mjs` (installs Debian\'s chromium) or set CHROMIUM_PATH.');
  return found;
}
