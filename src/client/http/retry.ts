import { setTimeout as sleep } from 'node:timers/promises';

export interface RetryOptions {
  /** Further attempts after the first. Default 3. */
  maxRetries?: number;
  /** First backoff delay; doubles each attempt, with jitter. Default 500 ms. */
  baseDelayMs?: number;
  /** Longest wait the client accepts, from backoff or `Retry-After`; a longer `Retry-After` ends the retries. Default 60 s. */
  maxDelayMs?: number;
}

export const retryableStatuses = new Set([429, 502, 503, 504]);

/** Milliseconds asked for by a `Retry-After` header (seconds or HTTP date), or undefined. */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export class RetryPolicy {
  readonly maxRetries: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;

  constructor(options: RetryOptions = {}) {
    this.maxRetries = options.maxRetries ?? 3;
    this.baseDelayMs = options.baseDelayMs ?? 500;
    this.maxDelayMs = options.maxDelayMs ?? 60_000;
  }

  /** The wait before retry number `attempt` (1-based), or undefined when the server asks for longer than we accept. */
  delayFor(attempt: number, retryAfterMs: number | undefined): number | undefined {
    if (retryAfterMs !== undefined) return retryAfterMs <= this.maxDelayMs ? retryAfterMs : undefined;
    const ceiling = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (attempt - 1));
    return ceiling / 2 + Math.random() * (ceiling / 2);
  }

  wait(ms: number, signal?: AbortSignal): Promise<void> {
    return sleep(ms, undefined, { signal });
  }
}
