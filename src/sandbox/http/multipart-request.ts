import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { apiError } from './api-error';
import type { RequestContext } from './context';
import { DEFAULT_BODY_LIMIT_BYTES } from './context';
import { multipartBoundary, type PartHeaders } from './multipart-headers';
import { MultipartParser, type PartSink } from './multipart-parser';

/** Where a file part's bytes go: a new file ('w'), or into an existing one from an offset ('r+', upload sessions). */
export interface FileTarget {
  path: string;
  flags: 'w' | 'r+';
  start: number;
}

export interface ReceivedPart {
  name: string | undefined;
  filename: string | undefined;
  contentType: string | undefined;
  /** Body bytes of the part. */
  size: number;
  /** The request_payload part's text. */
  text?: string;
  /** Where a file part was written. */
  target?: FileTarget;
}

export const REQUEST_PAYLOAD = 'request_payload';

/**
 * Receives a multipart/mixed request (publishing, file uploads): the request_payload part in memory (up to 1 MiB),
 * every other part streamed to the file `placeFile` names, with backpressure, never buffered whole. Resolves only
 * when the closing boundary has been read. A malformed body is read to its end before the 400 is thrown, so the
 * client gets the answer instead of a reset; a dropped connection rejects at once. Either way the files written
 * so far are the caller's to clean up (it named them).
 */
export async function receiveMultipart(ctx: RequestContext, placeFile: (headers: PartHeaders) => FileTarget): Promise<ReceivedPart[]> {
  const boundary = multipartBoundary(ctx.header('content-type'));
  const parts: ReceivedPart[] = [];
  const writers: FileWriter[] = [];
  const parser = new MultipartParser(boundary, (headers) => {
    const part: ReceivedPart = { name: headers.name, filename: headers.filename, contentType: headers.contentType, size: 0 };
    parts.push(part);
    if (headers.name === REQUEST_PAYLOAD) return new TextSink(part);
    part.target = placeFile(headers);
    const writer = new FileWriter(part, part.target);
    writers.push(writer);
    return writer;
  });
  let failure: unknown;
  try {
    for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
      if (failure !== undefined) continue; // draining the rest of a refused body
      try {
        await parser.push(chunk);
      } catch (error) {
        failure = error;
        await Promise.all(writers.map((writer) => writer.close()));
      }
    }
  } catch (error) {
    await Promise.all(writers.map((writer) => writer.close()));
    throw error;
  }
  if (failure !== undefined) throw failure;
  try {
    parser.finish();
  } finally {
    await Promise.all(writers.map((writer) => writer.close()));
  }
  return parts;
}

class TextSink implements PartSink {
  private readonly chunks: Buffer[] = [];

  constructor(private readonly part: ReceivedPart) {}

  write(data: Buffer): void {
    this.part.size += data.length;
    if (this.part.size > DEFAULT_BODY_LIMIT_BYTES) {
      throw apiError('badRequest', `The ${REQUEST_PAYLOAD} part is larger than ${DEFAULT_BODY_LIMIT_BYTES} bytes; it should hold a small <tsRequest>.`);
    }
    this.chunks.push(data);
  }

  end(): void {
    this.part.text = Buffer.concat(this.chunks).toString('utf8');
  }
}

class FileWriter implements PartSink {
  private readonly stream: WriteStream;

  constructor(
    private readonly part: ReceivedPart,
    target: FileTarget,
  ) {
    this.stream = createWriteStream(target.path, { flags: target.flags, start: target.start, highWaterMark: 1024 * 1024 });
    // Errors surface through write/end; this listener keeps an early one from going unhandled.
    this.stream.on('error', () => undefined);
  }

  async write(data: Buffer): Promise<void> {
    this.part.size += data.length;
    if (!this.stream.write(data)) await once(this.stream, 'drain');
  }

  async end(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.stream.once('error', reject);
      this.stream.end(() => resolve());
    });
  }

  /** Resolves once the file descriptor is closed, whether the part completed or not. */
  async close(): Promise<void> {
    if (this.stream.closed) return;
    const closed = new Promise<void>((resolve) => this.stream.once('close', () => resolve()));
    if (!this.stream.writableFinished) this.stream.destroy();
    await closed;
  }
}
