import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FaultAction, FaultInjector } from './faults';
import { ApiError, apiError } from './http/api-error';
import { RequestContext, type SandboxServices } from './http/context';
import { errorResponse, json, send, type RouteResponse } from './http/respond';
import { Router, splitPath } from './http/router';
import type { ResolvedOptions } from './options';
import { apiRoutes, controlRoutes } from './routes';
import type { SandboxState } from './state/store';
import { parseApiVersion } from './version';

const CONTROL_PREFIX = '/_sandbox';
const SIGN_IN_PATH = /^\/api\/[^/]+\/auth\/signin$/i;

/** The HTTP(S) front: fault injection and latency, the sign-in redirect, dispatch to the REST and control routers. */
export class SandboxServer {
  private readonly server: http.Server;
  private readonly sockets = new Set<Socket>();
  private readonly shutdown = new AbortController();
  private readonly apiRouter = new Router().add(apiRoutes);
  private readonly controlRouter = new Router().add(controlRoutes);
  private readonly services: SandboxServices;
  private baseUrl = '';

  constructor(
    private readonly options: ResolvedOptions,
    state: SandboxState,
    private readonly faults: FaultInjector,
  ) {
    this.services = { state, faults, baseUrl: () => this.baseUrl };
    const listener = (req: IncomingMessage, res: ServerResponse) => void this.handle(req, res);
    this.server = options.tls ? https.createServer({ key: options.tls.key, cert: options.tls.cert }, listener) : http.createServer(listener);
    this.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port, this.options.host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    const { port } = this.server.address() as AddressInfo;
    const host = this.options.host.includes(':') ? `[${this.options.host}]` : this.options.host;
    this.baseUrl = `${this.options.tls ? 'https' : 'http'}://${host}:${port}`;
    return this.baseUrl;
  }

  async close(): Promise<void> {
    this.shutdown.abort();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const target = req.url ?? '/';
    const queryAt = target.indexOf('?');
    let path = queryAt === -1 ? target : target.slice(0, queryAt);
    const rawQuery = queryAt === -1 ? '' : target.slice(queryAt + 1);
    const method = (req.method ?? 'GET').toUpperCase();
    try {
      if (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)) {
        const ctx = new RequestContext(req, path, rawQuery, this.services);
        send(res, await this.dispatchControl(ctx, path.slice(CONTROL_PREFIX.length)));
        return;
      }
      const fault = this.faults.onRequest(method, target);
      if (fault.kind === 'drop') {
        req.socket.destroy();
        return;
      }
      await this.wait(fault.kind === 'delay' ? fault.delayMs + this.faults.latencyMs : this.faults.latencyMs);
      const redirectPrefix = this.options.signInRedirect;
      let redirected = false;
      if (redirectPrefix && path.startsWith(`${redirectPrefix}/`)) {
        path = path.slice(redirectPrefix.length);
        redirected = true;
      }
      const ctx = new RequestContext(req, path, rawQuery, this.services);
      send(res, await this.dispatchApi(ctx, fault, redirected, target));
    } catch (error) {
      if (this.shutdown.signal.aborted) {
        req.socket.destroy();
        return;
      }
      send(res, errorResponse(this.toApiError(error, method, path)));
    } finally {
      const status = res.headersSent ? res.statusCode : 'dropped';
      this.options.logger(`${method} ${target} -> ${status} (${Date.now() - started} ms)`);
    }
  }

  private async dispatchApi(ctx: RequestContext, fault: FaultAction, redirected: boolean, target: string): Promise<RouteResponse> {
    if (fault.kind === 'status') {
      const headers: Record<string, string> = fault.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(fault.retryAfterSeconds) };
      const name = fault.status === 429 ? 'tooManyRequests' : 'serviceUnavailable';
      const detail = fault.status === 429 ? 'The server is throttling requests (injected fault); retry later.' : 'The server is temporarily unavailable (injected fault); retry later.';
      return errorResponse(apiError(name, detail, headers));
    }
    if (this.options.signInRedirect && !redirected && ctx.method === 'POST' && SIGN_IN_PATH.test(ctx.path)) {
      const location = `${this.baseUrl}${this.options.signInRedirect}${target}`;
      return { kind: 'empty', status: 301, headers: { Location: location } };
    }
    const segments = splitPath(ctx.path);
    if (segments.length < 2 || segments[0].toLowerCase() !== 'api') {
      throw apiError('resourceNotFound', `Nothing is served at ${ctx.path}; REST API paths look like /api/3.29/...`);
    }
    ctx.apiVersion = parseApiVersion(segments[1]);
    const match = this.apiRouter.match(ctx.method, segments.slice(2));
    if (match.kind === 'wrong-method') {
      throw apiError('methodNotAllowed', `${ctx.path} does not accept ${ctx.method}; use ${match.allowed.join(' or ')}.`, { Allow: match.allowed.join(', ') });
    }
    if (match.kind === 'not-found') {
      throw apiError('resourceNotFound', `No REST API endpoint matches ${ctx.method} ${ctx.path}.`);
    }
    ctx.params = match.params;
    return match.route.handler(ctx);
  }

  private async dispatchControl(ctx: RequestContext, subPath: string): Promise<RouteResponse> {
    try {
      const match = this.controlRouter.match(ctx.method, splitPath(subPath));
      if (match.kind !== 'found') {
        return json(404, { error: `No control endpoint matches ${ctx.method} ${ctx.path}. See GET ${CONTROL_PREFIX}/health.` });
      }
      ctx.params = match.params;
      return await match.route.handler(ctx);
    } catch (error) {
      const apiErr = this.toApiError(error, ctx.method, ctx.path);
      return json(apiErr.status, { error: apiErr.detail, code: apiErr.code });
    }
  }

  private async wait(ms: number): Promise<void> {
    if (ms > 0) await sleep(ms, undefined, { signal: this.shutdown.signal });
  }

  private toApiError(error: unknown, method: string, path: string): ApiError {
    if (error instanceof ApiError) return error;
    this.options.logger(`internal error on ${method} ${path}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    return apiError('internalError', `The sandbox failed while handling ${method} ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
