// Tests of the shipped bundles use dist/; build it when a test run starts without it.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const repositoryRoot = resolve(__dirname, '../..');

export function ensureBuilt(bundle: 'client.js' | 'sandbox.js' | 'extension.js'): string {
  const path = join(repositoryRoot, 'dist', bundle);
  if (!existsSync(path)) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: repositoryRoot });
  return path;
}
