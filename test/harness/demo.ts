// npm run demo — code-server on 127.0.0.1 with the freshly packaged extension installed in a profile of its own
// (.vscode-test/demo/), the sandbox starting by itself, and the Tableau view brought to the front on opening.
// Runs until Ctrl+C. PORT picks the port (default 8080; a free one when that is taken).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { installExtension, startCodeServer, workbenchUrl, type RunningCodeServer } from './code-server';
import { repoRoot, vscodeTestDir } from './paths';
import { preferredOrFreePort } from './ports';
import { profileAt, seedUserSettings, type Profile } from './profile';
import { packagedVsixPath } from './workbench-session';

const SERVERS_VIEW = 'tableau.servers';

interface Manifest {
  contributes?: { views?: Record<string, Array<{ id: string }>> };
}

/** The command that reveals the Servers view's container, from the manifest; undefined while there is no such view. */
function revealCommand(): string | undefined {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Manifest;
  const containers = Object.entries(manifest.contributes?.views ?? {});
  const container = containers.find(([, views]) => views.some((view) => view.id === SERVERS_VIEW))?.[0];
  if (container === undefined) return undefined;
  return ['explorer', 'scm', 'debug', 'test', 'remote'].includes(container) ? `${SERVERS_VIEW}.focus` : `workbench.view.extension.${container}`;
}

/**
 * VS Code has no setting for the side bar's first view, and the web workbench keeps layout state in the browser.
 * A folder-open task that resolves `${command:…}` runs that command when the folder opens (workspace trust is off and
 * automatic tasks are allowed in the demo profile), so the Tableau view shows without a click and activates the
 * extension, which then starts the sandbox (tableau.sandbox.autoStart).
 */
function writeWorkspace(profile: Profile, command: string | undefined): void {
  const tasksFile = join(profile.workspace, '.vscode', 'tasks.json');
  if (command === undefined) {
    rmSync(tasksFile, { force: true });
    return;
  }
  mkdirSync(join(profile.workspace, '.vscode'), { recursive: true });
  const tasks = {
    version: '2.0.0',
    tasks: [
      {
        label: 'Show the Tableau view',
        type: 'shell',
        command: 'true',
        args: [`\${command:${command}}`],
        runOptions: { runOn: 'folderOpen' },
        presentation: { reveal: 'never', echo: false, close: true },
        problemMatcher: [],
      },
    ],
  };
  writeFileSync(tasksFile, `${JSON.stringify(tasks, null, 2)}\n`);
}

async function main(): Promise<void> {
  const profile = profileAt(join(vscodeTestDir, 'demo'));
  seedUserSettings(profile, { 'tableau.sandbox.autoStart': true, 'task.allowAutomaticTasks': 'on' });
  const command = revealCommand();
  writeWorkspace(profile, command);
  installExtension(profile, packagedVsixPath());

  const preferred = Number(process.env.PORT ?? 8080);
  if (!Number.isInteger(preferred) || preferred < 1 || preferred > 65535) throw new Error(`PORT must be a port number, got "${process.env.PORT}".`);
  const { port, preferredWasFree } = await preferredOrFreePort(preferred);
  if (!preferredWasFree) console.log(`demo: port ${preferred} is taken; using ${port}.`);
  const logFile = join(profile.root, 'code-server.log');
  const server: RunningCodeServer = await startCodeServer({ profile, port, logFile, readyTimeoutMs: 60_000 });

  let stopping = false;
  const stop = async (code: number): Promise<never> => {
    if (!stopping) {
      stopping = true;
      console.log('\ndemo: stopping code-server…');
      await server.stop();
      console.log('demo: stopped.');
    }
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  void server.exited.then((code) => {
    if (!stopping) {
      console.error(`demo: code-server exited (code ${code}); its log: ${logFile}`);
      void stop(1);
    }
  });

  console.log(`\nTableau for VS Code is running in code-server: ${workbenchUrl(server.origin, profile.workspace)}`);
  console.log(
    command
      ? 'Open it in a browser: the Tableau view opens with the sandbox server in it (if not, click the Tableau icon in the activity bar). Ctrl+C stops it.'
      : 'Open it in a browser and click the Tableau icon in the activity bar. Ctrl+C stops it.',
  );
  console.log(`(profile: ${profile.root}; code-server log: ${logFile})`);
}

main().catch((error: unknown) => {
  console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
