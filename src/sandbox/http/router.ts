import type { RequestContext } from './context';
import type { RouteResponse } from './respond';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

export interface Route {
  method: HttpMethod;
  /** Path pattern with ':name' parameters; literal segments match case-insensitively (clients send serverInfo). */
  path: string;
  handler: (ctx: RequestContext) => RouteResponse | Promise<RouteResponse>;
}

interface CompiledRoute {
  route: Route;
  segments: string[];
}

export type MatchResult =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'wrong-method'; allowed: HttpMethod[] }
  | { kind: 'not-found' };

export class Router {
  private readonly routes: CompiledRoute[] = [];

  add(routes: readonly Route[]): this {
    for (const route of routes) {
      this.routes.push({ route, segments: splitPath(route.path).map((s) => (s.startsWith(':') ? s : s.toLowerCase())) });
    }
    return this;
  }

  /** `rawSegments` are still percent-encoded; parameters are decoded here. */
  match(method: string, rawSegments: string[]): MatchResult {
    const allowed: HttpMethod[] = [];
    for (const { route, segments } of this.routes) {
      const params = matchSegments(segments, rawSegments);
      if (!params) continue;
      if (route.method === method) return { kind: 'found', route, params };
      allowed.push(route.method);
    }
    return allowed.length > 0 ? { kind: 'wrong-method', allowed } : { kind: 'not-found' };
  }
}

export function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

function matchSegments(pattern: string[], actual: string[]): Record<string, string> | undefined {
  if (pattern.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i += 1) {
    const expected = pattern[i];
    if (expected.startsWith(':')) {
      let value: string;
      try {
        value = decodeURIComponent(actual[i]);
      } catch {
        return undefined;
      }
      params[expected.slice(1)] = value;
    } else if (expected !== actual[i].toLowerCase()) {
      return undefined;
    }
  }
  return params;
}
