import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { TableauClientError } from '../errors';

/** A byte range of a file on disk, read only when the request body is sent. */
export interface FileRange {
  path: string;
  start: number;
  length: number;
}

export interface MultipartPart {
  /** `request_payload`, `tableau_workbook`, `tableau_datasource`, `tableau_file`. */
  name: string;
  filename?: string;
  contentType: string;
  body: string | FileRange;
}

export interface MultipartBody {
  contentType: string;
  /** Exact, so the request goes out with a Content-Length rather than chunked encoding. */
  contentLength: number;
  /** Opens a fresh stream of the body each call, re-reading file ranges from disk (one call per attempt). */
  open: () => AsyncIterable<Uint8Array>;
}

/** Called with the number of file bytes just handed to the connection. */
export type FileBytesListener = (bytes: number) => void;

const readBufferSize = 512 * 1024;

/**
 * A `multipart/mixed` body as the Tableau REST API wants it for publishing and file uploads:
 * `Content-Disposition: name="…"; filename="…"` parts. File contents are streamed from disk, never held in memory.
 */
export function multipartMixed(parts: MultipartPart[], onFileBytes?: FileBytesListener): MultipartBody {
  const boundary = `tableau-vscode-${randomBytes(16).toString('hex')}`;
  const segments: Array<Buffer | FileRange> = [];
  for (const part of parts) {
    const disposition = `name="${quoteHeaderValue(part.name)}"${part.filename !== undefined ? `; filename="${quoteHeaderValue(part.filename)}"` : ''}`;
    segments.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\nContent-Type: ${part.contentType}\r\n\r\n`, 'utf8'));
    segments.push(typeof part.body === 'string' ? Buffer.from(part.body, 'utf8') : part.body);
    segments.push(Buffer.from('\r\n', 'utf8'));
  }
  segments.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
  const contentLength = segments.reduce((total, segment) => total + segment.length, 0);

  async function* open(): AsyncGenerator<Uint8Array> {
    for (const segment of segments) {
      if (Buffer.isBuffer(segment)) {
        yield segment;
      } else {
        yield* readRange(segment, onFileBytes);
      }
    }
  }

  return { contentType: `multipart/mixed; boundary=${boundary}`, contentLength, open };
}

async function* readRange(range: FileRange, onFileBytes?: FileBytesListener): AsyncGenerator<Uint8Array> {
  if (range.length === 0) return;
  const stream = createReadStream(range.path, { start: range.start, end: range.start + range.length - 1, highWaterMark: readBufferSize });
  let read = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      read += chunk.length;
      yield chunk;
      onFileBytes?.(chunk.length);
    }
  } finally {
    stream.destroy();
  }
  if (read !== range.length) {
    throw new TableauClientError(`${range.path} changed while it was being uploaded (expected ${range.length} bytes from offset ${range.start}, read ${read}).`);
  }
}

/** Header parameter values are quoted strings: a quote, backslash or line break in a file name must not end them. */
function quoteHeaderValue(value: string): string {
  return value.replace(/[\r\n]/g, ' ').replace(/(["\\])/g, '\\$1');
}
