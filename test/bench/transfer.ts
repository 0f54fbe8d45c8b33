// Publishing and downloading a 1 GiB workbook with the client, against the same REST calls made with bare undici,
// through a sandbox running in its own process. Each transfer runs in a fresh process to measure its peak RSS.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Server, TableauAuth } from '../../src/client';
import { writeTwbx } from '../support/documents';
import { startSandboxProcess } from './sandbox-process';
import type { WorkerInput, WorkerResult } from './transfer-worker';

const mib = 1024 * 1024;
const repositoryRoot = resolve(__dirname, '../..');
const throughputGoal = 1.25;
const rssGoalMiB = 100;

async function runWorker(operation: string, input: WorkerInput): Promise<WorkerResult> {
  const { stdout } = await promisify(execFile)(process.execPath, [...process.execArgv, join(__dirname, 'transfer-worker.ts'), operation, JSON.stringify(input)], {
    cwd: repositoryRoot,
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as WorkerResult;
}

/** The median round (the faster of the middle two when even): one slow round does not decide the figure. */
function median(results: WorkerResult[]): WorkerResult {
  const sorted = [...results].sort((a, b) => a.ms - b.ms);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

async function withTmpdir<T>(folder: string, start: () => Promise<T>): Promise<T> {
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = folder;
  try {
    return await start();
  } finally {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  }
}

const throughput = (result: WorkerResult) => result.bytes / mib / (result.ms / 1000);
const growthMiB = (result: WorkerResult) => Math.max(0, result.peakRss - result.baselineRss) / mib;

export async function runTransferBench(options: { sizeBytes?: number; rounds?: number } = {}): Promise<void> {
  const sizeBytes = options.sizeBytes ?? Number(process.env.BENCH_TRANSFER_BYTES ?? 1024 * mib);
  const rounds = options.rounds ?? Number(process.env.BENCH_TRANSFER_ROUNDS ?? 3);
  // On a RAM disk the figures compare HTTP handling rather than the moods of the disk; the sandbox keeps its
  // uploads in its temp folder, so it gets the same one.
  const scratch = process.env.BENCH_TRANSFER_DIR ?? (existsSync('/dev/shm') ? '/dev/shm' : tmpdir());
  const dir = await mkdtemp(join(scratch, 'tableau-bench-transfer-'));
  const sandbox = await withTmpdir(scratch, () => startSandboxProcess());
  try {
    const file = join(dir, 'Large.twbx');
    const generationStarted = performance.now();
    await writeTwbx(file, { worksheets: ['Sheet 1'], connections: [{ class: 'postgres', server: 'db', port: '5432', username: 'u' }] }, [
      { name: 'Data/extract.hyper', content: { fillerBytes: sizeBytes } },
    ]);
    const fileSize = (await stat(file)).size;
    console.log(`transfer: generated ${(fileSize / mib).toFixed(0)} MiB in ${((performance.now() - generationStarted) / 1000).toFixed(1)} s; ${rounds} round(s) of each transfer`);

    const server = new Server(sandbox.url);
    const { username, password, siteContentUrl } = sandbox.credentials;
    await server.auth.signIn(new TableauAuth(username, password, siteContentUrl));
    const [projects] = await server.projects.get();
    const projectId = (projects.find((project) => project.name === 'Default') ?? projects[0]).id!;
    const input: WorkerInput = { url: sandbox.url, username, password, siteContentUrl, projectId, file, dir };

    const results: Record<string, WorkerResult[]> = { 'client-publish': [], 'raw-publish': [], 'client-download': [], 'raw-download': [] };
    let downloadId: string | undefined;
    for (let round = 0; round < rounds; round++) {
      // Alternating which goes first spreads the disk's moods (page cache flushes) evenly over both.
      for (const operation of round % 2 === 0 ? (['raw-publish', 'client-publish'] as const) : (['client-publish', 'raw-publish'] as const)) {
        const result = await runWorker(operation, input);
        results[operation].push(result);
        if (downloadId === undefined) downloadId = result.workbookId;
        else await server.workbooks.delete(result.workbookId!);
      }
    }
    for (let round = 0; round < rounds; round++) {
      for (const operation of round % 2 === 0 ? (['raw-download', 'client-download'] as const) : (['client-download', 'raw-download'] as const)) {
        results[operation].push(await runWorker(operation, { ...input, workbookId: downloadId }));
        await rm(join(dir, operation === 'raw-download' ? 'raw-download.twbx' : 'client-download.twbx'), { force: true });
      }
    }
    await server.workbooks.delete(downloadId!);
    await server.auth.signOut();
    await server.close();

    for (const [operation, list] of Object.entries(results)) {
      console.log(`  ${operation.padEnd(16)} ${list.map((result) => `${(result.ms / 1000).toFixed(2)} s`).join('  ')}`);
    }
    const rows = (['publish', 'download'] as const).map((kind) => {
      const client = median(results[`client-${kind}`]);
      const raw = median(results[`raw-${kind}`]);
      const ratio = client.ms / raw.ms;
      const growth = Math.max(...results[`client-${kind}`].map(growthMiB));
      return { kind, client, raw, ratio, growth };
    });
    const table = [
      [`${(fileSize / mib).toFixed(0)} MiB`, 'client s', 'raw undici s', 'client MiB/s', 'raw MiB/s', `time ratio (goal ≤ ${throughputGoal})`, `client peak RSS growth (goal < ${rssGoalMiB} MiB)`],
      ...rows.map((row) => [
        row.kind,
        (row.client.ms / 1000).toFixed(2),
        (row.raw.ms / 1000).toFixed(2),
        throughput(row.client).toFixed(0),
        throughput(row.raw).toFixed(0),
        `${row.ratio.toFixed(2)} ${row.ratio <= throughputGoal ? 'ok' : 'MISSED'}`,
        `${row.growth.toFixed(1)} MiB ${row.growth < rssGoalMiB ? 'ok' : 'MISSED'}`,
      ]),
    ];
    const widths = table[0].map((_, column) => Math.max(...table.map((line) => line[column].length)));
    console.log('');
    console.log(`${(fileSize / mib).toFixed(0)} MiB file in ${scratch}, median of ${rounds} round(s); peak RSS growth is the worst round, each transfer in a fresh process`);
    for (const line of table) console.log(line.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  '));
    console.log('');
  } finally {
    await sandbox.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
