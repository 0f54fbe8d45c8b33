import { createReadStream } from 'node:fs';
import type { ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { buildTsResponse, type XmlNode } from '../xml/build';
import type { ApiError } from './api-error';

export const XML_CONTENT_TYPE = 'application/xml;charset=UTF-8';

/** What a route hands back; the server turns it into bytes. */
export type RouteResponse =
  | { kind: 'xml'; status: number; body: XmlNode; headers?: Record<string, string> }
  | { kind: 'empty'; status: number; headers?: Record<string, string> }
  | { kind: 'json'; status: number; body: unknown }
  | { kind: 'binary'; status: number; body: Buffer; headers: Record<string, string> }
  /** A body streamed from `open()` (a file on disk, for downloads); `length` bytes exactly. */
  | { kind: 'stream'; status: number; length: number; open: () => Readable; headers: Record<string, string> };

export function xml(status: number, body: XmlNode, headers?: Record<string, string>): RouteResponse {
  return { kind: 'xml', status, body, headers };
}

export function noContent(): RouteResponse {
  return { kind: 'empty', status: 204 };
}

export function json(status: number, body: unknown): RouteResponse {
  return { kind: 'json', status, body };
}

export function binary(status: number, body: Buffer, contentType: string): RouteResponse {
  return { kind: 'binary', status, body, headers: { 'Content-Type': contentType } };
}

/** Streams a file from disk; `length` is its size (sent as Content-Length). */
export function fileStream(path: string, length: number, headers: Record<string, string>): RouteResponse {
  return { kind: 'stream', status: 200, length, open: () => createReadStream(path, { highWaterMark: 1024 * 1024 }), headers };
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
  } else if (response.kind === 'binary') {
    res.writeHead(response.status, { ...response.headers, 'Content-Length': response.body.length });
    res.end(response.body);
  } else if (response.kind === 'stream') {
    const body = response.open();
    // A read failure midway can only be signalled by cutting the connection: the length was promised.
    body.once('error', () => res.destroy());
    res.once('close', () => body.destroy());
    res.writeHead(response.status, { ...response.headers, 'Content-Length': response.length });
    body.pipe(res);
  } else {
    res.writeHead(response.status, response.headers);
    res.end();
  }
}
