import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { open, rename, stat, unlink } from 'node:fs/promises';
import { dirname, extname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { InvalidArgumentError, NonXmlResponseError, RequestAbortedError, TableauClientError } from '../errors';
import type { ApiCall, ApiClient } from '../http/api-client';
import { isAbortError, toNetworkError } from '../http/network-errors';
import { ProgressReporter, type DownloadProgress } from './progress';
import { fileNameFromContentDisposition, safeFileName, sanitizeFileName } from './safe-file-name';

/** Fewer, larger writes: disk throughput is what limits a download on a fast network. */
const writeBufferSize = 1024 * 1024;

export interface DownloadOptions {
  signal?: AbortSignal;
  onProgress?: (progress: DownloadProgress) => void;
}

export interface DownloadSpec {
  /** The `GET …/content` call. */
  call: ApiCall;
  /** As the caller gave it: a folder, a file path, or nothing (the current directory). */
  filePath?: string;
  /** `.twbx` / `.tdsx`: used for a zip (packaged) file when no name says otherwise. */
  packagedExtension: string;
  /** `.twb` / `.tds` */
  plainExtension: string;
  /** The item's name, asked for only when the server sends no usable file name. */
  fallbackName: () => Promise<string | undefined>;
}

/**
 * Streams a workbook or data source to disk. The bytes go to a temporary file in the destination folder, renamed
 * into place only once complete: a failed or cancelled download leaves no partial file and never harms a file
 * that already has the final name. Resolves to the path written.
 */
export async function downloadToFile(api: ApiClient, spec: DownloadSpec, options: DownloadOptions = {}): Promise<string> {
  const destination = await resolveDestination(spec.filePath);
  const response = await api.request({ ...spec.call, signal: options.signal });
  const label = `${spec.call.method} ${response.url.pathname}`;
  if (response.status !== 200) {
    await response.body.dump().catch(() => undefined);
    const location = response.headers.location ? `redirect to ${String(response.headers.location)}` : '';
    throw new NonXmlResponseError(response.status, String(response.headers['content-type'] ?? ''), spec.call.method, response.url.href, location);
  }

  const announced = Number(response.headers['content-length']);
  const totalBytes = Number.isFinite(announced) && announced >= 0 && response.headers['content-length'] !== undefined ? announced : undefined;
  const progress = new ProgressReporter<DownloadProgress>(options.onProgress, (bytesReceived) =>
    totalBytes === undefined ? { bytesReceived } : { bytesReceived, totalBytes },
  );
  const temporary = join(destination.folder, `.tableau-download-${randomBytes(8).toString('hex')}.part`);
  // Opened before streaming, so that the clean-up below always finds the file it has to remove.
  const handle = await open(temporary, 'wx').catch(async (error: Error) => {
    await response.body.dump().catch(() => undefined);
    throw new TableauClientError(`Could not create a file in ${destination.folder}: ${error.message}`, { cause: error });
  });
  const file = handle.createWriteStream({ highWaterMark: writeBufferSize });
  let received = 0;
  let head = Buffer.alloc(0);
  // Watching the chunks as they pass costs less than a Transform in the pipeline; attached in the same tick as
  // the pipeline, so no chunk flows before the file receives it.
  response.body.on('data', (chunk: Buffer) => {
    if (head.length < 4) head = Buffer.concat([head, chunk.subarray(0, 4 - head.length)]);
    received += chunk.length;
    progress.report(received);
  });
  try {
    progress.report(0);
    await pipeline(response.body, file);
    if (totalBytes !== undefined && received !== totalBytes) {
      throw new TableauClientError(`The download from ${response.url.host} ended after ${received} of ${totalBytes} bytes. Try again.`);
    }
    const isZip = head[0] === 0x50 && head[1] === 0x4b;
    const extension = isZip ? spec.packagedExtension : spec.plainExtension;
    const target = destination.explicitFile
      ? withExtension(destination.explicitFile, extname(sanitizeFileName(fileNameFromContentDisposition(response.headers['content-disposition']))) || extension)
      : join(destination.folder, await chooseName(response.headers['content-disposition'], spec, extension));
    await rename(temporary, target);
    return target;
  } catch (error) {
    if (!file.closed) {
      file.destroy();
      await once(file, 'close').catch(() => undefined);
    }
    await unlink(temporary).catch(() => undefined);
    if (error instanceof TableauClientError) throw error;
    // The pipeline passes a failure on to every stream in it; the source's own state says whether the network failed.
    const networkFailed = response.body.errored != null || isAbortError(error) || !(error as NodeJS.ErrnoException)?.syscall;
    if (!networkFailed) {
      throw new TableauClientError(`Could not write the download into ${destination.folder}: ${(error as Error).message}`, { cause: error });
    }
    const failure = toNetworkError(error, response.url, label);
    throw failure instanceof RequestAbortedError ? new RequestAbortedError(`Downloading to ${destination.explicitFile ?? destination.folder}`) : failure;
  }
}

interface Destination {
  folder: string;
  /** Set when the caller named the file itself. */
  explicitFile?: string;
}

/** Checked before anything is requested, so that a mistyped folder costs no download. */
async function resolveDestination(filePath: string | undefined): Promise<Destination> {
  const path = resolve(filePath ?? process.cwd());
  const stats = await stat(path).catch(() => undefined);
  if (stats?.isDirectory()) return { folder: path };
  const folder = dirname(path);
  const folderStats = await stat(folder).catch(() => undefined);
  if (!folderStats?.isDirectory()) throw new InvalidArgumentError(`Cannot download to ${path}: the folder ${folder} does not exist.`);
  return { folder, explicitFile: path };
}

/** The server's proposed name made safe; else the item's name; with the extension the content calls for. */
async function chooseName(header: string | string[] | undefined, spec: DownloadSpec, extension: string): Promise<string> {
  const proposed = sanitizeFileName(fileNameFromContentDisposition(header));
  if (proposed) return extname(proposed) ? proposed : `${proposed}${extension}`;
  const itemName = safeFileName(await spec.fallbackName().catch(() => undefined), 'download');
  return itemName.toLowerCase().endsWith(extension) ? itemName : `${itemName}${extension}`;
}

/** A path the caller chose keeps its extension; one without gets the content's: `Sales` → `Sales.twbx`. */
function withExtension(path: string, extension: string): string {
  return extname(path) ? path : `${path}${extension}`;
}
