// The in-host suites' entry point, in the @vscode/test-electron contract: VS Code loads this module in the extension
// host of a window opened with extensionTestsPath and awaits run(); a rejection means failure. The same bundle runs
// in code-server (npm run test:vscode) and desktop VS Code (npm run test:desktop).
// Test files are bundled beside this one as *.test.js; they may use either mocha interface (suite/test or describe/it).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

// The web workbench relays console calls without applying format strings, and mixes them with its own log. So the
// report is formatted here, and tagged with TABLEAU_SUITE_LOG_TAG when the harness sets one so it can pick it out.
function routeReportThroughConsole(): void {
  const tag = process.env.TABLEAU_SUITE_LOG_TAG ?? '';
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(`${tag}${format(...args)}`);
}

function bundledTests(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return bundledTests(path);
      return entry.name.endsWith('.test.js') ? [path] : [];
    })
    .sort();
}

export async function run(): Promise<void> {
  routeReportThroughConsole();
  const mocha = new Mocha({
    ui: 'tdd',
    reporter: 'spec',
    color: false,
    forbidOnly: true,
    timeout: Number(process.env.TABLEAU_SUITE_TIMEOUT_MS ?? 30_000),
  });
  Mocha.interfaces.bdd(mocha.suite);
  if (process.env.TABLEAU_SUITE_GREP) mocha.grep(process.env.TABLEAU_SUITE_GREP);
  const files = bundledTests(__dirname);
  if (files.length === 0) throw new Error(`No *.test.js files next to ${__filename}; bundle the suites first.`);
  for (const file of files) mocha.addFile(file);
  const failures = await new Promise<number>((resolveRun) => mocha.run(resolveRun));
  if (failures > 0) throw new Error(`${failures} in-host test${failures === 1 ? '' : 's'} failed.`);
}
