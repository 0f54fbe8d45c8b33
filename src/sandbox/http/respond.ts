import type { ServerResponse } from 'node:http';
import { buildTsResponse, type XmlNode } from '../xml/build';
import type { ApiError } from './api-error';

export const XML_CONTENT_TYPE = 'application/xml;charset=UTF-8';

/** What a route hands back; the server turns it into bytes. */
export type RouteResponse =
  | { kind: 'xml'; status: number; body: XmlNode; headers?: Record<string, string> }
  | { kind: 'empty'; status: number; headers?: Record<string, string> }
  | { kind: 'json'; status: number; body: unknown };

export function xml(status: number, body: XmlNode, headers?: Record<string, string>): RouteResponse {
  return { kind: 'xml', status, body, headers };
}

export function noContent(): RouteResponse {
  return { kind: 'empty', status: 204 };
}

export function json(status: number, body: unknown): RouteResponse {
  return { kind: 'json', status, body };
}

export function errorResponse(error: ApiError): RouteResponse {
  return xml(
    error.status,
    { error: { '@_code': error.code, summary: error.summary, detail: error.detail } },
    error.headers,
  );
}

export function send(res: ServerResponse, response: RouteResponse): void {
  if (res.headersSent || res.destroyed) return;
  if (response.kind === 'xml') {
    const text = buildTsResponse(response.body);
    res.writeHead(response.status, {
      ...response.headers,
      'Content-Type': XML_CONTENT_TYPE,
      'Content-Length': Buffer.byteLength(text),
    });
    res.end(text);
  } else if (response.kind === 'json') {
    const text = JSON.stringify(response.body);
    res.writeHead(response.status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  } else {
    res.writeHead(response.status, response.headers);
    res.end();
  }
}
