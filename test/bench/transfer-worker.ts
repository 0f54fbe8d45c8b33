// One measured transfer in a process of its own, so that its peak RSS belongs to that transfer alone.
// Usage: node --import tsx test/bench/transfer-worker.ts <client-publish|raw-publish|client-download|raw-download> '<json>'
// Prints one JSON line: { ms, bytes, baselineRss, peakRss, workbookId? }.
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Agent, request } from 'undici';
import { Server, TableauAuth, WorkbookItem } from '../../src/client';

export interface WorkerInput {
  url: string;
  username: string;
  password: string;
  siteContentUrl: string;
  projectId: string;
  file?: string;
  workbookId?: string;
  dir?: string;
}

export interface WorkerResult {
  ms: number;
  bytes: number;
  baselineRss: number;
  peakRss: number;
  workbookId?: string;
}

const version = '3.29';
const chunkSize = 50 * 1024 * 1024;

async function clientSession(input: WorkerInput): Promise<Server> {
  const server = new Server(input.url, { version });
  await server.auth.signIn(new TableauAuth(input.username, input.password, input.siteContentUrl));
  return server;
}

/** The REST calls the client makes, written directly against undici: the floor the client is compared with. */
class RawSession {
  readonly dispatcher = new Agent({ keepAliveTimeout: 30_000 });
  token = '';
  siteId = '';

  constructor(private readonly input: WorkerInput) {}

  async signIn(): Promise<void> {
    const body = `<tsRequest><credentials name="${this.input.username}" password="${this.input.password}"><site contentUrl="${this.input.siteContentUrl}"/></credentials></tsRequest>`;
    const response = await request(`${this.input.url}/api/${version}/auth/signin`, { method: 'POST', body, headers: { 'content-type': 'application/xml' }, dispatcher: this.dispatcher });
    const text = await response.body.text();
    this.token = /token="([^"]+)"/.exec(text)?.[1] ?? '';
    this.siteId = /<site[^>]*\bid="([^"]+)"/.exec(text)?.[1] ?? '';
    if (!this.token) throw new Error(`raw sign-in failed: ${response.statusCode} ${text.slice(0, 200)}`);
  }

  url(path: string): string {
    return `${this.input.url}/api/${version}/sites/${this.siteId}/${path}`;
  }

  async call(method: 'GET' | 'POST' | 'PUT', path: string, body?: AsyncIterable<Buffer> | string, headers: Record<string, string> = {}) {
    // undici sends async iterables as streamed bodies; its request() typings just do not list them.
    const streamed = body as unknown as Readable | string | undefined;
    const response = await request(this.url(path), { method, body: streamed, headers: { 'x-tableau-auth': this.token, ...headers }, dispatcher: this.dispatcher });
    if (response.statusCode >= 300) throw new Error(`${method} ${path} → ${response.statusCode}: ${(await response.body.text()).slice(0, 300)}`);
    return response;
  }
}

function multipart(boundary: string, parts: Array<{ header: string; body: Buffer | { file: string; start: number; length: number } }>): { stream: AsyncIterable<Buffer>; length: number } {
  const pieces: Array<Buffer | { file: string; start: number; length: number }> = [];
  for (const part of parts) {
    pieces.push(Buffer.from(`--${boundary}\r\n${part.header}\r\n\r\n`), part.body, Buffer.from('\r\n'));
  }
  pieces.push(Buffer.from(`--${boundary}--\r\n`));
  const length = pieces.reduce((total, piece) => total + piece.length, 0);
  async function* generate(): AsyncGenerator<Buffer> {
    for (const piece of pieces) {
      if (Buffer.isBuffer(piece)) yield piece;
      else yield* createReadStream(piece.file, { start: piece.start, end: piece.start + piece.length - 1, highWaterMark: 512 * 1024 }) as AsyncIterable<Buffer>;
    }
  }
  return { stream: generate(), length };
}

async function rawPublish(input: WorkerInput): Promise<string> {
  const raw = new RawSession(input);
  await raw.signIn();
  const file = input.file!;
  const size = (await stat(file)).size;
  const boundary = 'raw-bench-boundary';
  const init = await (await raw.call('POST', 'fileUploads')).body.text();
  const sessionId = /uploadSessionId="([^"]+)"/.exec(init)![1];
  for (let start = 0; start < size; start += chunkSize) {
    const length = Math.min(chunkSize, size - start);
    const body = multipart(boundary, [
      { header: 'Content-Disposition: name="request_payload"\r\nContent-Type: text/xml', body: Buffer.alloc(0) },
      { header: 'Content-Disposition: name="tableau_file"; filename="file"\r\nContent-Type: application/octet-stream', body: { file, start, length } },
    ]);
    await (await raw.call('PUT', `fileUploads/${sessionId}`, body.stream, { 'content-type': `multipart/mixed; boundary=${boundary}`, 'content-length': String(body.length) })).body.dump();
  }
  const payload = `<tsRequest><workbook name="Raw ${Date.now()}"><project id="${input.projectId}"/></workbook></tsRequest>`;
  const commit = multipart(boundary, [{ header: 'Content-Disposition: name="request_payload"\r\nContent-Type: text/xml', body: Buffer.from(payload) }]);
  const response = await raw.call('POST', `workbooks?uploadSessionId=${encodeURIComponent(sessionId)}&workbookType=twbx`, commit.stream, {
    'content-type': `multipart/mixed; boundary=${boundary}`,
    'content-length': String(commit.length),
  });
  const text = await response.body.text();
  await raw.dispatcher.close();
  return /<workbook[^>]*\bid="([^"]+)"/.exec(text)![1];
}

async function rawDownload(input: WorkerInput): Promise<string> {
  const raw = new RawSession(input);
  await raw.signIn();
  const target = join(input.dir!, 'raw-download.twbx');
  const response = await raw.call('GET', `workbooks/${input.workbookId}/content`);
  // The same write buffer as the client, so that the comparison is of HTTP handling, not of disk write sizes.
  await pipeline(response.body, createWriteStream(target, { highWaterMark: 1024 * 1024 }));
  await raw.dispatcher.close();
  return target;
}

async function main(): Promise<void> {
  const [operation, json] = process.argv.slice(2);
  const input = JSON.parse(json) as WorkerInput;
  let server: Server | undefined;
  if (operation.startsWith('client-')) server = await clientSession(input);
  // Let start-up garbage settle so the baseline is the resting process.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const baselineRss = process.memoryUsage.rss();
  let peakRss = baselineRss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 10);
  const started = performance.now();
  let workbookId: string | undefined;
  let bytes = 0;
  switch (operation) {
    case 'client-publish': {
      const published = await server!.workbooks.publish(new WorkbookItem(input.projectId, `Client ${basename(input.file!)} ${Date.now()}`), input.file!, 'CreateNew');
      workbookId = published.id;
      bytes = (await stat(input.file!)).size;
      break;
    }
    case 'client-download': {
      const written = await server!.workbooks.download(input.workbookId!, join(input.dir!, 'client-download.twbx'));
      bytes = (await stat(written)).size;
      break;
    }
    case 'raw-publish':
      workbookId = await rawPublish(input);
      bytes = (await stat(input.file!)).size;
      break;
    case 'raw-download':
      bytes = (await stat(await rawDownload(input))).size;
      break;
    default:
      throw new Error(`unknown operation ${operation}`);
  }
  const ms = performance.now() - started;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  await server?.close();
  const result: WorkerResult = { ms, bytes, baselineRss, peakRss, workbookId };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
