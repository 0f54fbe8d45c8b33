import type { IncomingMessage } from 'node:http';
import type { FaultInjector } from '../faults';
import { RawQuery } from '../query/raw-query';
import type { SandboxState } from '../state/store';
import type { ApiVersion } from '../version';
import { parseTsRequest, type RequestElement } from '../xml/parse';
import { apiError } from './api-error';

/** Requests bodies larger than this are refused; uploads (later tasks) stream to disk through their own path. */
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

export interface SandboxServices {
  state: SandboxState;
  faults: FaultInjector;
  /** Base URL clients reach the sandbox on, e.g. http://127.0.0.1:8080 */
  baseUrl: () => string;
}

/** Everything a route needs about one request. */
export class RequestContext {
  readonly method: string;
  readonly query: RawQuery;
  params: Record<string, string> = {};
  /** Set for /api/{version}/... requests. */
  apiVersion: ApiVersion | undefined;
  private bodyPromise: Promise<Buffer> | undefined;

  constructor(
    readonly req: IncomingMessage,
    /** Path without the query string, still percent-encoded. */
    readonly path: string,
    rawQuery: string,
    readonly services: SandboxServices,
  ) {
    this.method = (req.method ?? 'GET').toUpperCase();
    this.query = new RawQuery(rawQuery);
  }

  get state(): SandboxState {
    return this.services.state;
  }

  get version(): ApiVersion {
    if (!this.apiVersion) throw new Error('RequestContext.version read outside an /api/{version} route');
    return this.apiVersion;
  }

  header(name: string): string | undefined {
    const value = this.req.headers[name.toLowerCase()];
    return Array.isArray(value) ? value[0] : value;
  }

  param(name: string): string {
    const value = this.params[name];
    if (value === undefined) throw new Error(`route parameter '${name}' is not declared in the route path`);
    return value;
  }

  /** Reads the whole body (once), refusing more than `limitBytes`. */
  readBody(limitBytes = DEFAULT_BODY_LIMIT_BYTES): Promise<Buffer> {
    this.bodyPromise ??= new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      this.req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limitBytes) {
          reject(apiError('payloadTooLarge', `The request body is larger than ${limitBytes} bytes.`));
          this.req.removeAllListeners('data');
          this.req.resume();
          return;
        }
        chunks.push(chunk);
      });
      this.req.on('end', () => resolve(Buffer.concat(chunks)));
      this.req.on('error', reject);
    });
    return this.bodyPromise;
  }

  async readTsRequest(): Promise<RequestElement> {
    const body = await this.readBody();
    return parseTsRequest(body.toString('utf8'));
  }

  async readJson(): Promise<Record<string, unknown>> {
    const text = (await this.readBody()).toString('utf8');
    if (text.trim() === '') return {};
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    } catch {
      // fall through to the error below
    }
    throw apiError('badRequest', 'The request body must be a JSON object.');
  }
}
