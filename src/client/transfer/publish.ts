import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { InvalidArgumentError, RequestAbortedError } from '../errors';
import type { ApiClient } from '../http/api-client';
import { encodeUploadSessionId, type FileUploadsEndpoint } from '../endpoints/file-uploads';
import { PublishMode } from '../publish-mode';
import type { XmlElement } from '../xml/parse';
import { multipartMixed, type MultipartPart } from './multipart';
import { ProgressReporter, type UploadProgress } from './progress';

const mebibyte = 1024 * 1024;

export interface PublishOptions {
  signal?: AbortSignal;
  /** Called as file bytes go out, with the running total. */
  onProgress?: (progress: UploadProgress) => void;
  /** Files up to this size go in one request; larger ones through an upload session. Default 64 MiB, as TSC. */
  singleRequestLimitBytes?: number;
  /** Block size of an upload session. Default 50 MiB, as TSC. */
  chunkSizeBytes?: number;
}

/** What differs between publishing a workbook and a data source. */
export interface ContentRules {
  /** `workbook` or `datasource`, for messages. */
  noun: string;
  /** `workbooks` or `datasources`: the publish URI. */
  resource: string;
  /** The multipart part carrying the file in a single-request publish. */
  filePart: string;
  /** The query parameter naming the file type in a publish from an upload session. */
  typeParameter: string;
  extensions: readonly string[];
  extensionMessage: string;
  /** Set when Append is refused before sending (workbooks). */
  appendMessage?: string;
}

export const workbookRules: ContentRules = {
  noun: 'workbook',
  resource: 'workbooks',
  filePart: 'tableau_workbook',
  typeParameter: 'workbookType',
  extensions: ['twb', 'twbx'],
  extensionMessage: 'Only .twb or twbx files can be published as workbooks.',
  appendMessage: 'Workbooks cannot be appended.',
};

export const datasourceRules: ContentRules = {
  noun: 'datasource',
  resource: 'datasources',
  filePart: 'tableau_datasource',
  typeParameter: 'datasourceType',
  extensions: ['tds', 'tdsx', 'tde', 'hyper'],
  extensionMessage: 'Only .tds, tdsx, .tde or .hyper files can be published as datasources.',
};

/** A publish that passed validation: nothing has been sent yet. */
export interface PublishPlan {
  filePath: string;
  fileName: string;
  /** Lower case, without the dot. */
  fileType: string;
  size: number;
  /** The name the item gets when it has none: the file name without its extension. */
  defaultName: string;
  modeQuery?: string;
}

/** TSC's checks, in TSC's order, before any request: the file exists, the mode is known, the type is allowed. */
export async function planPublish(rules: ContentRules, filePath: string, mode: string): Promise<PublishPlan> {
  const stats = filePath ? await stat(filePath).catch(() => undefined) : undefined;
  if (!stats?.isFile()) throw new InvalidArgumentError('File path does not lead to an existing file.');
  if (!Object.values(PublishMode).includes(mode as never)) throw new InvalidArgumentError('Invalid mode defined.');
  const fileName = basename(filePath);
  const fileType = extname(fileName).slice(1).toLowerCase();
  if (!rules.extensions.includes(fileType)) throw new InvalidArgumentError(rules.extensionMessage);
  if (mode === PublishMode.Append && rules.appendMessage) throw new InvalidArgumentError(rules.appendMessage);
  const modeQuery = mode === PublishMode.Overwrite ? 'overwrite=true' : mode === PublishMode.Append ? 'append=true' : undefined;
  return { filePath, fileName, fileType, size: stats.size, defaultName: basename(fileName, extname(fileName)), modeQuery };
}

/**
 * Sends a planned publish: one multipart request for a small file, else an upload session block by block and
 * then the publish request that commits it. Resolves to the server's `<tsResponse>`.
 */
export async function sendPublish(
  api: ApiClient,
  fileUploads: FileUploadsEndpoint,
  rules: ContentRules,
  plan: PublishPlan,
  requestPayload: string,
  options: PublishOptions = {},
): Promise<XmlElement> {
  const what = `Publishing ${plan.fileName}`;
  try {
    return await send(api, fileUploads, rules, plan, requestPayload, options, what);
  } catch (error) {
    // Name the whole operation rather than whichever request was under way.
    if (error instanceof RequestAbortedError) throw new RequestAbortedError(what);
    throw error;
  }
}

interface PublishRequest {
  api: ApiClient;
  rules: ContentRules;
  plan: PublishPlan;
  payloadPart: MultipartPart;
  /** `workbookType=twbx`, `overwrite=true`... */
  query: Array<string | undefined>;
  progress: ProgressReporter<UploadProgress>;
  signal?: AbortSignal;
}

async function send(
  api: ApiClient,
  fileUploads: FileUploadsEndpoint,
  rules: ContentRules,
  plan: PublishPlan,
  requestPayload: string,
  options: PublishOptions,
  what: string,
): Promise<XmlElement> {
  const { signal } = options;
  throwIfAborted(signal, what);
  const request: PublishRequest = {
    api,
    rules,
    plan,
    payloadPart: { name: 'request_payload', contentType: 'text/xml', body: requestPayload },
    query: [`${rules.typeParameter}=${encodeURIComponent(plan.fileType)}`, plan.modeQuery],
    progress: new ProgressReporter<UploadProgress>(options.onProgress, (bytesSent) => ({ bytesSent, totalBytes: plan.size })),
    signal,
  };
  if (plan.size <= (options.singleRequestLimitBytes ?? 64 * mebibyte)) return sendInOneRequest(request);
  const chunkSize = Math.max(1, Math.floor(options.chunkSizeBytes ?? 50 * mebibyte));
  return sendThroughUploadSession(request, fileUploads, chunkSize, what);
}

/** `request_payload` and the file in one multipart/mixed POST. */
function sendInOneRequest({ api, rules, plan, payloadPart, query, progress, signal }: PublishRequest): Promise<XmlElement> {
  let sent = 0;
  const body = multipartMixed(
    [payloadPart, { name: rules.filePart, filename: plan.fileName, contentType: 'application/octet-stream', body: { path: plan.filePath, start: 0, length: plan.size } }],
    (bytes) => progress.report((sent += bytes)),
  );
  return api.xml({
    method: 'POST',
    path: rules.resource,
    site: true,
    query: query.filter(Boolean).join('&'),
    body: () => {
      // A replay (429, renewed session) sends the file again from its start.
      sent = 0;
      return body.open();
    },
    contentType: body.contentType,
    extraHeaders: { 'content-length': String(body.contentLength) },
    signal,
  });
}

/** Initiate File Upload, Append to File Upload per block, then the publish POST that commits the session. */
async function sendThroughUploadSession(request: PublishRequest, fileUploads: FileUploadsEndpoint, chunkSize: number, what: string): Promise<XmlElement> {
  const { api, rules, plan, payloadPart, query, progress, signal } = request;
  const uploadSessionId = await fileUploads.initiate(signal);
  for (let start = 0; start < plan.size; start += chunkSize) {
    throwIfAborted(signal, what);
    const length = Math.min(chunkSize, plan.size - start);
    await fileUploads.append(uploadSessionId, { path: plan.filePath, start, length }, { signal, onChunkBytes: (sent) => progress.report(start + sent) });
  }
  // Cancelled after the last block: the upload session is abandoned and nothing gets published.
  throwIfAborted(signal, what);
  const body = multipartMixed([payloadPart]);
  return api.xml({
    method: 'POST',
    path: rules.resource,
    site: true,
    query: [`uploadSessionId=${encodeUploadSessionId(uploadSessionId)}`, ...query].filter(Boolean).join('&'),
    body: () => body.open(),
    contentType: body.contentType,
    extraHeaders: { 'content-length': String(body.contentLength) },
    signal,
  });
}

function throwIfAborted(signal: AbortSignal | undefined, what: string): void {
  if (signal?.aborted) throw new RequestAbortedError(what);
}
