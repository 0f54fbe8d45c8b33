import { NonXmlResponseError } from '../errors';
import type { ApiCall, ApiClient } from '../http/api-client';
import type { ConnectionCredentials } from '../models/connection-credentials';
import type { ConnectionItem } from '../models/connection-item';
import { el, type RequestElement } from '../xml/build';

/** `<connectionCredentials>` for a publish request. */
export function credentialsElement(credentials: ConnectionCredentials | undefined): RequestElement[] {
  if (!credentials) return [];
  return [
    el('connectionCredentials', {
      name: credentials.name,
      password: credentials.password,
      embed: credentials.embed ? 'true' : 'false',
      oAuth: credentials.oauth ? 'true' : undefined,
    }),
  ];
}

/** The body of Update Workbook Connection / Update Data Source Connection. */
export function connectionUpdateElement(connection: ConnectionItem): RequestElement {
  return el('connection', {
    serverAddress: connection.serverAddress,
    serverPort: connection.serverPort,
    userName: connection.username,
    password: connection.password,
    embedPassword: connection.embedPassword,
    queryTaggingEnabled: connection.queryTagging,
  });
}

/** A PNG answer (preview images, view images), read whole: they are small. */
export async function fetchImage(api: ApiClient, call: ApiCall): Promise<Buffer> {
  const response = await api.request({ ...call, extraHeaders: { accept: 'image/png, image/*', ...call.extraHeaders } });
  if (response.status !== 200) {
    await response.body.dump().catch(() => undefined);
    throw new NonXmlResponseError(response.status, String(response.headers['content-type'] ?? ''), call.method, response.url.href, '');
  }
  const chunks: Buffer[] = [];
  for await (const chunk of response.body) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}
