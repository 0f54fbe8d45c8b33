// Bundles the in-host suites for the extension host: out/test/vscode/suite/index.js and one bundle per *.test.ts
// beside it, each with the project sources it imports. `vscode` comes from the extension host; npm packages (mocha
// included) resolve from the project's node_modules at run time, as the extension under test is the project root.
// Note: a test that imports src/extension gets its own copy of those modules, not the running extension's.
import { readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as esbuild from 'esbuild';
import { repoRoot, suitesOutDir } from './paths';

const suitesSourceDir = join(repoRoot, 'test', 'vscode', 'suite');

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

export async function bundleSuites(): Promise<string[]> {
  const tests = testFiles(suitesSourceDir);
  rmSync(suitesOutDir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: [join(suitesSourceDir, 'index.ts'), ...tests],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    outbase: suitesSourceDir,
    outdir: suitesOutDir,
    external: ['vscode'],
    packages: 'external',
    logLevel: 'warning',
  });
  return tests.map((file) => relative(repoRoot, file));
}
