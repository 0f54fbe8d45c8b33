import { apiError } from './api-error';
import { parsePartHeaders, type PartHeaders } from './multipart-headers';

/** Where the body of one part goes. Returning a promise from `write` applies backpressure to the request. */
export interface PartSink {
  write(data: Buffer): void | Promise<void>;
  end(): void | Promise<void>;
}

export type PartHandler = (headers: PartHeaders) => PartSink;

const EMPTY = Buffer.alloc(0);
const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');
const DASH = 0x2d;
const MAX_HEADER_BYTES = 16 * 1024;
const MAX_PARTS = 16;
const MAX_PADDING = 256;

type State = 'preamble' | 'body' | 'delimiter-line' | 'headers' | 'epilogue';

/**
 * A streaming multipart/mixed parser (RFC 2046): bodies are handed to sinks as the bytes arrive, never held whole,
 * so a part can be gigabytes long. Feed it with `push` (awaiting each call gives backpressure) and call `finish`
 * at the end of the request: a body without its closing delimiter is refused.
 */
export class MultipartParser {
  private readonly delimiter: Buffer;
  private state: State = 'preamble';
  /** The last bytes of scanned data that could still be the start of a delimiter. */
  private carry: Buffer = CRLF; // as if the body began with CRLF, so a delimiter on the very first line matches
  private pending: Buffer = EMPTY;
  private sink: PartSink | undefined;
  private partCount = 0;

  constructor(
    boundary: string,
    private readonly onPart: PartHandler,
  ) {
    this.delimiter = Buffer.from(`\r\n--${boundary}`, 'latin1');
  }

  /** True once the closing delimiter has been read. */
  get complete(): boolean {
    return this.state === 'epilogue';
  }

  async push(chunk: Buffer): Promise<void> {
    let data = chunk;
    while (data.length > 0) {
      switch (this.state) {
        case 'preamble':
        case 'body':
          data = await this.scan(data);
          break;
        case 'delimiter-line':
          data = this.delimiterLine(data);
          break;
        case 'headers':
          data = this.headers(data);
          break;
        case 'epilogue':
          return;
      }
    }
  }

  /** Call when the request has ended. */
  finish(): void {
    if (this.state !== 'epilogue') {
      throw apiError('badRequest', `The multipart body ended before its closing boundary (--boundary--); it was cut off or is malformed.`);
    }
  }

  /** Looks for the next delimiter, emitting body bytes that cannot be part of one. Returns what follows it. */
  private async scan(chunk: Buffer): Promise<Buffer> {
    const delimiter = this.delimiter;
    const carry = this.carry;
    if (carry.length > 0) {
      // A delimiter that starts in the carry ends within the chunk's first delimiter.length - 1 bytes.
      const joined = Buffer.concat([carry, chunk.subarray(0, delimiter.length - 1)]);
      const at = joined.indexOf(delimiter);
      if (at !== -1) {
        await this.emit(carry.subarray(0, at));
        return this.afterDelimiter(chunk.subarray(at + delimiter.length - carry.length));
      }
    }
    const at = chunk.indexOf(delimiter);
    if (at !== -1) {
      await this.emit(carry);
      await this.emit(chunk.subarray(0, at));
      return this.afterDelimiter(chunk.subarray(at + delimiter.length));
    }
    const keep = Math.min(delimiter.length - 1, carry.length + chunk.length);
    const emitLength = carry.length + chunk.length - keep;
    if (emitLength <= carry.length) {
      await this.emit(carry.subarray(0, emitLength));
      this.carry = Buffer.concat([carry.subarray(emitLength), chunk]);
    } else {
      await this.emit(carry);
      await this.emit(chunk.subarray(0, emitLength - carry.length));
      // Copied so the carry does not keep the whole chunk alive.
      this.carry = Buffer.from(chunk.subarray(emitLength - carry.length));
    }
    return EMPTY;
  }

  private async emit(bytes: Buffer): Promise<void> {
    if (this.state === 'body' && bytes.length > 0) await this.sink?.write(bytes);
  }

  private async afterDelimiter(rest: Buffer): Promise<Buffer> {
    if (this.state === 'body') {
      const sink = this.sink;
      this.sink = undefined;
      await sink?.end();
    }
    this.carry = EMPTY;
    this.pending = EMPTY;
    this.state = 'delimiter-line';
    return rest;
  }

  /** After a delimiter: `--` closes the body; otherwise optional padding and CRLF open the next part's headers. */
  private delimiterLine(data: Buffer): Buffer {
    const line = (this.pending = Buffer.concat([this.pending, data]));
    if (line.length >= 2 && line[0] === DASH && line[1] === DASH) {
      this.state = 'epilogue';
      this.pending = EMPTY;
      return EMPTY;
    }
    let i = 0;
    while (i < line.length && (line[i] === 0x20 || line[i] === 0x09)) i += 1;
    if (i > MAX_PADDING) throw apiError('badRequest', 'A multipart boundary line is followed by too much padding.');
    if (line.length - i < 2) return EMPTY;
    if (line[i] !== 0x0d || line[i + 1] !== 0x0a) {
      throw apiError('badRequest', 'A multipart boundary line must end with CRLF (or -- for the closing boundary).');
    }
    this.pending = EMPTY;
    this.state = 'headers';
    return line.subarray(i + 2);
  }

  private headers(data: Buffer): Buffer {
    const block = (this.pending = Buffer.concat([this.pending, data]));
    let bodyStart: number;
    if (block.length >= 2 && block[0] === 0x0d && block[1] === 0x0a) {
      bodyStart = 2; // a part without headers
    } else {
      const end = block.indexOf(HEADER_END);
      if (end === -1) {
        if (block.length > MAX_HEADER_BYTES) throw apiError('badRequest', `The headers of a multipart part are longer than ${MAX_HEADER_BYTES} bytes.`);
        return EMPTY;
      }
      bodyStart = end + HEADER_END.length;
    }
    if (bodyStart > MAX_HEADER_BYTES) throw apiError('badRequest', `The headers of a multipart part are longer than ${MAX_HEADER_BYTES} bytes.`);
    this.partCount += 1;
    if (this.partCount > MAX_PARTS) throw apiError('badRequest', `The multipart body has more than ${MAX_PARTS} parts.`);
    this.sink = this.onPart(parsePartHeaders(block.subarray(0, Math.max(0, bodyStart - HEADER_END.length)).toString('utf8')));
    this.pending = EMPTY;
    this.state = 'body';
    this.carry = EMPTY;
    return block.subarray(bodyStart);
  }
}
