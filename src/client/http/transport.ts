import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import type { Dispatcher } from 'undici';
import { silentLogger, type Logger } from '../logger';
import { createDispatcher, type NetworkOptions } from './dispatcher';
import { isAbortError, isTransientNetworkError, toNetworkError } from './network-errors';
import { RetryPolicy, parseRetryAfter, retryableStatuses, type RetryOptions } from './retry';

/** A body that can be sent again on retry: a factory is called once per attempt, so streams are re-opened. */
export type RequestBody = string | Buffer | (() => Readable | AsyncIterable<Uint8Array>);

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface HttpRequest {
  method: HttpMethod;
  url: URL;
  headers?: Record<string, string>;
  body?: RequestBody;
  signal?: AbortSignal;
  /** Repeating it cannot do harm twice; only such requests are retried after 502/503/504 or a reset. */
  idempotent?: boolean;
}

export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Dispatcher.ResponseData['body'];
  url: URL;
}

export interface TransportOptions extends NetworkOptions {
  userAgent?: string;
  logger?: Logger;
  retry?: RetryOptions;
}

/** HTTP for one server: its own dispatcher, retries with backoff, and one log line per request with no secret in it. */
export class HttpTransport {
  private readonly dispatcher: Dispatcher;
  private readonly retry: RetryPolicy;
  private readonly logger: Logger;
  private readonly userAgent: string;

  constructor(options: TransportOptions = {}) {
    this.dispatcher = createDispatcher(options);
    this.retry = new RetryPolicy(options.retry);
    this.logger = options.logger ?? silentLogger;
    this.userAgent = options.userAgent ?? `tableau-vscode-client (Node ${process.version})`;
  }

  async send(request: HttpRequest): Promise<HttpResponse> {
    const label = `${request.method} ${request.url.pathname}${request.url.search}`;
    for (let attempt = 1; ; attempt++) {
      const started = performance.now();
      let response: HttpResponse;
      try {
        response = await this.sendOnce(request);
      } catch (error) {
        const elapsed = Math.round(performance.now() - started);
        const failure = toNetworkError(error, request.url, label);
        const delay = request.idempotent && isTransientNetworkError(error) && !isAbortError(error) ? this.nextDelay(attempt, undefined) : undefined;
        this.logger.warn(`${label} failed after ${elapsed} ms: ${failure.message}${delay !== undefined ? ` Retrying in ${formatSeconds(delay)}.` : ''}`);
        if (delay === undefined) throw failure;
        await this.pause(delay, request, label);
        continue;
      }
      const elapsed = Math.round(performance.now() - started);
      this.logger.info(`${label} → ${response.status} (${elapsed} ms)`);
      // 429 means the server refused before doing anything, so even a POST is safe to repeat.
      const retryable = retryableStatuses.has(response.status) && (request.idempotent || response.status === 429);
      if (!retryable) return response;
      const delay = this.nextDelay(attempt, parseRetryAfter(response.headers['retry-after']));
      if (delay === undefined) return response;
      this.logger.warn(`${label} answered ${response.status}; retrying in ${formatSeconds(delay)} (attempt ${attempt + 1} of ${this.retry.maxRetries + 1}).`);
      await response.body.dump().catch(() => undefined);
      await this.pause(delay, request, label);
    }
  }

  close(): Promise<void> {
    return this.dispatcher.close();
  }

  private nextDelay(attempt: number, retryAfterMs: number | undefined): number | undefined {
    return attempt > this.retry.maxRetries ? undefined : this.retry.delayFor(attempt, retryAfterMs);
  }

  private async pause(ms: number, request: HttpRequest, label: string): Promise<void> {
    try {
      await this.retry.wait(ms, request.signal);
    } catch (error) {
      throw toNetworkError(error, request.url, label);
    }
  }

  private async sendOnce(request: HttpRequest): Promise<HttpResponse> {
    const body = typeof request.body === 'function' ? request.body() : request.body;
    const result = await this.dispatcher.request({
      origin: request.url.origin,
      path: `${request.url.pathname}${request.url.search}`,
      method: request.method,
      headers: { 'user-agent': this.userAgent, ...request.headers },
      body: body as Dispatcher.DispatchOptions['body'],
      signal: request.signal,
    });
    return { status: result.statusCode, headers: result.headers, body: result.body, url: request.url };
  }
}

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
