/**
 * Fault injection for tests of retry, backoff and robustness. Rules apply to the next N API requests (optionally
 * only those whose method and path match), first rule first; `/_sandbox/` control requests are never affected.
 */

export type FaultKind = 'status' | 'delay' | 'drop';

export interface FaultMatch {
  /** HTTP method, case-insensitive; any when omitted. */
  method?: string;
  /** Regular expression tested against the path (with query string); any when omitted. */
  path?: RegExp | string;
}

export interface StatusFaultOptions extends FaultMatch {
  status: 429 | 503;
  /** Sent as the Retry-After header (seconds); omitted when undefined. */
  retryAfterSeconds?: number;
}

export interface FaultRule {
  id: number;
  kind: FaultKind;
  remaining: number;
  method?: string;
  path?: RegExp;
  status?: 429 | 503;
  retryAfterSeconds?: number;
  delayMs?: number;
}

/** What the server must do with one request, decided when it arrives. */
export type FaultAction =
  | { kind: 'none' }
  | { kind: 'status'; status: 429 | 503; retryAfterSeconds?: number }
  | { kind: 'delay'; delayMs: number }
  | { kind: 'drop' };

export interface RecordedRequest {
  method: string;
  path: string;
  at: number;
}

const RECENT_LIMIT = 1000;

export class FaultInjector {
  private rules: FaultRule[] = [];
  private nextId = 1;
  private counter = 0;
  private readonly recent: RecordedRequest[] = [];
  /** Added before every API response. */
  latencyMs: number;

  constructor(latencyMs = 0) {
    this.latencyMs = latencyMs;
  }

  /** API requests received since start (or the last reset), including failed and dropped ones. */
  get requestCount(): number {
    return this.counter;
  }

  /** The latest API requests (up to 1000), oldest first. */
  get recentRequests(): readonly RecordedRequest[] {
    return this.recent;
  }

  resetCount(): void {
    this.counter = 0;
    this.recent.length = 0;
  }

  /** The next `count` matching requests answer `status` (429 or 503) with a Retry-After header. */
  failNext(count: number, options: StatusFaultOptions): FaultRule {
    return this.addRule({ kind: 'status', remaining: count, status: options.status, retryAfterSeconds: options.retryAfterSeconds }, options);
  }

  /** The next `count` matching requests are held for `delayMs` before being handled normally. */
  delayNext(count: number, delayMs: number, match: FaultMatch = {}): FaultRule {
    return this.addRule({ kind: 'delay', remaining: count, delayMs }, match);
  }

  /** The next `count` matching requests have their connection destroyed without any response. */
  dropNext(count: number, match: FaultMatch = {}): FaultRule {
    return this.addRule({ kind: 'drop', remaining: count }, match);
  }

  get pending(): readonly FaultRule[] {
    return this.rules;
  }

  clear(): void {
    this.rules = [];
  }

  /** Counts the request and consumes the first rule it matches. Called by the server once per API request. */
  onRequest(method: string, path: string): FaultAction {
    this.counter += 1;
    this.recent.push({ method, path, at: Date.now() });
    if (this.recent.length > RECENT_LIMIT) this.recent.shift();
    const rule = this.rules.find((candidate) => ruleMatches(candidate, method, path));
    if (!rule) return { kind: 'none' };
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.rules = this.rules.filter((candidate) => candidate !== rule);
    if (rule.kind === 'status') return { kind: 'status', status: rule.status ?? 503, retryAfterSeconds: rule.retryAfterSeconds };
    if (rule.kind === 'delay') return { kind: 'delay', delayMs: rule.delayMs ?? 0 };
    return { kind: 'drop' };
  }

  private addRule(partial: Omit<FaultRule, 'id' | 'method' | 'path'>, match: FaultMatch): FaultRule {
    if (!Number.isInteger(partial.remaining) || partial.remaining < 1) {
      throw new RangeError(`fault count must be a positive integer, got ${partial.remaining}`);
    }
    const rule: FaultRule = {
      ...partial,
      id: this.nextId++,
      method: match.method?.toUpperCase(),
      path: match.path === undefined ? undefined : typeof match.path === 'string' ? new RegExp(match.path) : match.path,
    };
    this.rules.push(rule);
    return rule;
  }
}

function ruleMatches(rule: FaultRule, method: string, path: string): boolean {
  if (rule.method && rule.method !== method.toUpperCase()) return false;
  if (rule.path) {
    rule.path.lastIndex = 0;
    if (!rule.path.test(path)) return false;
  }
  return true;
}
