import type { FaultMatch, FaultRule } from '../faults';
import { apiError } from '../http/api-error';
import type { RequestContext } from '../http/context';
import { json, noContent, type RouteResponse } from '../http/respond';
import type { Route } from '../http/router';
import { generateProjects } from '../state/generate';
import { generateUsersFromJson } from './control-users';

/**
 * The private control plane under /_sandbox/ (JSON in and out), for processes that run the sandbox out of
 * process (benchmarks, the CLI): fault injection, latency, request counting, bulk data generation.
 */

function describeRule(rule: FaultRule) {
  return {
    id: rule.id,
    kind: rule.kind,
    remaining: rule.remaining,
    method: rule.method,
    path: rule.path?.source,
    status: rule.status,
    retryAfterSeconds: rule.retryAfterSeconds,
    delayMs: rule.delayMs,
  };
}

function optionalString(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw apiError('badRequest', `'${key}' must be a string.`);
  return value;
}

function requireInteger(body: Record<string, unknown>, key: string, min: number, fallback?: number): number {
  const value = body[key] ?? fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw apiError('badRequest', `'${key}' must be an integer of at least ${min}.`);
  }
  return value;
}

function readMatch(body: Record<string, unknown>): FaultMatch {
  const path = optionalString(body, 'path');
  if (path !== undefined) {
    try {
      new RegExp(path);
    } catch {
      throw apiError('badRequest', `'path' must be a valid regular expression, got '${path}'.`);
    }
  }
  return { method: optionalString(body, 'method'), path };
}

async function addFault(ctx: RequestContext): Promise<RouteResponse> {
  const body = await ctx.readJson();
  const faults = ctx.services.faults;
  const count = requireInteger(body, 'count', 1, 1);
  const match = readMatch(body);
  let rule: FaultRule;
  switch (body.kind) {
    case 'status': {
      const status = body.status ?? 503;
      if (status !== 429 && status !== 503) throw apiError('badRequest', "'status' must be 429 or 503.");
      const retryAfterSeconds = body.retryAfterSeconds === undefined ? undefined : requireInteger(body, 'retryAfterSeconds', 0);
      rule = faults.failNext(count, { ...match, status, retryAfterSeconds });
      break;
    }
    case 'delay':
      rule = faults.delayNext(count, requireInteger(body, 'delayMs', 0), match);
      break;
    case 'drop':
      rule = faults.dropNext(count, match);
      break;
    default:
      throw apiError('badRequest', "'kind' must be 'status', 'delay' or 'drop'.");
  }
  return json(201, { rule: describeRule(rule) });
}

function listFaults(ctx: RequestContext): RouteResponse {
  const faults = ctx.services.faults;
  return json(200, { latencyMs: faults.latencyMs, requestCount: faults.requestCount, pending: faults.pending.map(describeRule) });
}

function clearFaults(ctx: RequestContext): RouteResponse {
  ctx.services.faults.clear();
  return noContent();
}

async function setLatency(ctx: RequestContext): Promise<RouteResponse> {
  const body = await ctx.readJson();
  ctx.services.faults.latencyMs = requireInteger(body, 'latencyMs', 0);
  return json(200, { latencyMs: ctx.services.faults.latencyMs });
}

function stats(ctx: RequestContext): RouteResponse {
  const { faults, state } = ctx.services;
  return json(200, {
    requestCount: faults.requestCount,
    recentRequests: faults.recentRequests.slice(-50),
    sites: state.sites.size,
    users: state.users.size,
    projects: state.projects.size,
    sessions: state.sessions.count,
    workbooks: state.content.workbooks.size,
    views: state.content.views.size,
    datasources: state.content.datasources.size,
    uploadSessions: state.content.uploads.count,
  });
}

function resetStats(ctx: RequestContext): RouteResponse {
  ctx.services.faults.resetCount();
  return noContent();
}

async function generate(ctx: RequestContext): Promise<RouteResponse> {
  const body = await ctx.readJson();
  if (body.kind === 'users') return generateUsersFromJson(ctx.state, body);
  if (body.kind !== 'projects') throw apiError('badRequest', "'kind' must be 'projects' or 'users' (more kinds come with later content types).");
  const state = ctx.state;
  const contentUrl = optionalString(body, 'siteContentUrl') ?? '';
  const site = state.findSiteByContentUrl(contentUrl);
  if (!site) throw apiError('siteNotFound', `No site has the content URL '${contentUrl}'.`);
  const parentProjectId = optionalString(body, 'parentProjectId')?.toLowerCase() ?? null;
  if (parentProjectId && !state.projects.get(site.id, parentProjectId)) {
    throw apiError('projectNotFound', `No project '${parentProjectId}' on site '${site.name}'.`);
  }
  const owner = [...state.users.values()].find((user) => user.serverAdministrator);
  const ids = generateProjects(state, {
    siteId: site.id,
    count: requireInteger(body, 'count', 1),
    parentProjectId,
    namePrefix: optionalString(body, 'namePrefix'),
    ownerId: owner?.id ?? '',
  });
  return json(201, { kind: 'projects', siteId: site.id, created: ids.length, firstId: ids[0], lastId: ids[ids.length - 1] });
}

function health(ctx: RequestContext): RouteResponse {
  return json(200, { ok: true, url: ctx.services.baseUrl() });
}

export const controlRoutes: Route[] = [
  { method: 'GET', path: '/health', handler: health },
  { method: 'GET', path: '/faults', handler: listFaults },
  { method: 'POST', path: '/faults', handler: addFault },
  { method: 'DELETE', path: '/faults', handler: clearFaults },
  { method: 'POST', path: '/latency', handler: setLatency },
  { method: 'GET', path: '/stats', handler: stats },
  { method: 'POST', path: '/stats/reset', handler: resetStats },
  { method: 'POST', path: '/generate', handler: generate },
];
