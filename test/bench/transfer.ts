// Publishing and downloading a 1 GiB workbook with the client, against the same REST calls made with bare undici,
// through a sandbox running in its own process. Each transfer runs in a fresh process to measure its peak RSS.
import { spawn, execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { Server, TableauAuth } from '../../src/client';
import { writeTwbx } from '../support/documents';
import type { WorkerInput, WorkerResult } from './transfer-worker';

const mib = 1024 * 1024;
const repositoryRoot = resolve(__dirname, '../..');
const throughputGoal = 1.25;
const rssGoalMiB = 100;

interface SandboxProcess {
  url: string;
  credentials: { username: string; password: string; siteContentUrl?: string };
  stop(): Promise<void>;
}

async function startSandboxProcess(): Promise<SandboxProcess> {
  const child = spawn(process.execPath, [join(repositoryRoot, 'dist/sandbox.js'), '--port', '0', '--seed', 'empty', '--json', '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolveLine, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', resolveLine);
    child.once('exit', (code) => reject(new Error(`the sandbox exited with ${code} before printing its address; run npm run build first`)));
  });
  const { url, credentials } = JSON.parse(line) as Omit<SandboxProcess, 'stop'>;
  return {
    url,
    credentials,
    stop: () =>
      new Promise<void>((resolveStop) => {
        child.once('exit', () => resolveStop());
        child.kill('SIGTERM');
      }),
  };
}

async function runWorker(operation: string, input: WorkerInput): Promise<WorkerResult> {
  const { stdout } = await promisify(execFile)(process.execPath, [...process.execArgv, join(__dirname, 'transfer-worker.ts'), operation, JSON.stringify(input)], {
    cwd: repositoryRoot,
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as WorkerResult;
}

function best(results: WorkerResult[]): WorkerResult {
  return results.reduce((a, b) => (b.ms < a.ms ? b : a));
}

const throughput = (result: WorkerResult) => result.bytes / mib / (result.ms / 1000);
const growthMiB = (result: WorkerResult) => Math.max(0, result.peakRss - result.baselineRss) / mib;

export async function runTransferBench(options: { sizeBytes?: number; rounds?: number } = {}): Promise<void> {
  const sizeBytes = options.sizeBytes ?? Number(process.env.BENCH_TRANSFER_BYTES ?? 1024 * mib);
  const rounds = options.rounds ?? Number(process.env.BENCH_TRANSFER_ROUNDS ?? 2);
  const dir = await mkdtemp(join(tmpdir(), 'tableau-bench-transfer-'));
  const sandbox = await startSandboxProcess();
  try {
    const file = join(dir, 'Large.twbx');
    const generationStarted = performance.now();
    await writeTwbx(file, { worksheets: ['Sheet 1'], connections: [{ class: 'postgres', server: 'db', port: '5432', username: 'u' }] }, [
      { name: 'Data/extract.hyper', content: { fillerBytes: sizeBytes } },
    ]);
    const fileSize = (await stat(file)).size;
    console.log(`transfer: generated ${(fileSize / mib).toFixed(0)} MiB in ${((performance.now() - generationStarted) / 1000).toFixed(1)} s; ${rounds} round(s) of each transfer`);

    const server = new Server(sandbox.url);
    const { username, password, siteContentUrl = '' } = sandbox.credentials;
    await server.auth.signIn(new TableauAuth(username, password, siteContentUrl));
    const [projects] = await server.projects.get();
    const projectId = (projects.find((project) => project.name === 'Default') ?? projects[0]).id!;
    const input: WorkerInput = { url: sandbox.url, username, password, siteContentUrl, projectId, file, dir };

    const results: Record<string, WorkerResult[]> = { 'client-publish': [], 'raw-publish': [], 'client-download': [], 'raw-download': [] };
    let downloadId: string | undefined;
    for (let round = 0; round < rounds; round++) {
      for (const operation of ['raw-publish', 'client-publish'] as const) {
        const result = await runWorker(operation, input);
        results[operation].push(result);
        if (downloadId === undefined) downloadId = result.workbookId;
        else await server.workbooks.delete(result.workbookId!);
      }
    }
    for (let round = 0; round < rounds; round++) {
      for (const operation of ['raw-download', 'client-download'] as const) {
        results[operation].push(await runWorker(operation, { ...input, workbookId: downloadId }));
        await rm(join(dir, operation === 'raw-download' ? 'raw-download.twbx' : 'client-download.twbx'), { force: true });
      }
    }
    await server.workbooks.delete(downloadId!);
    await server.auth.signOut();
    await server.close();

    const rows = (['publish', 'download'] as const).map((kind) => {
      const client = best(results[`client-${kind}`]);
      const raw = best(results[`raw-${kind}`]);
      const ratio = client.ms / raw.ms;
      const growth = Math.max(...results[`client-${kind}`].map(growthMiB));
      return { kind, client, raw, ratio, growth };
    });
    console.log('');
    console.log(`Transfer of ${(fileSize / mib).toFixed(0)} MiB (best of ${rounds})  client s   raw s   client MiB/s   raw MiB/s   ratio (goal ≤ ${throughputGoal})   client peak RSS growth (goal < ${rssGoalMiB} MiB)`);
    for (const row of rows) {
      console.log(
        [
          row.kind.padEnd(36),
          (row.client.ms / 1000).toFixed(2).padStart(8),
          (row.raw.ms / 1000).toFixed(2).padStart(7),
          throughput(row.client).toFixed(0).padStart(14),
          throughput(row.raw).toFixed(0).padStart(11),
          `${row.ratio.toFixed(2)} ${row.ratio <= throughputGoal ? 'ok' : 'MISSED'}`.padStart(24),
          `${row.growth.toFixed(1)} MiB ${row.growth < rssGoalMiB ? 'ok' : 'MISSED'}`.padStart(30),
        ].join(' '),
      );
    }
    console.log('');
  } finally {
    await sandbox.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
