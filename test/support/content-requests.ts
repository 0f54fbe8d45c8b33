// Raw-HTTP helpers for the sandbox's publishing, upload and content tests.
import type { SandboxFixture } from './sandbox-fixture';
import { multipartMixed, publishPayload, type TestPart } from './multipart';
import { API, type HttpResult, type SignedIn } from './sandbox-http';

export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

export const sitePath = (session: SignedIn) => `${API}/sites/${session.siteId}`;

export function sendMultipart(f: SandboxFixture, session: SignedIn, method: 'POST' | 'PUT', path: string, parts: TestPart[]): Promise<HttpResult> {
  const { body, contentType } = multipartMixed(parts);
  return f.http.call(method, path, { token: session.token, body, headers: { 'content-type': contentType } });
}

/** A single-request publish: request_payload, then the file part. */
export function publishFile(
  f: SandboxFixture,
  session: SignedIn,
  kind: 'workbook' | 'datasource',
  options: { name: string; projectId: string; fileName: string; body: string | Buffer; query?: string; payloadExtra?: string; payloadInner?: string },
): Promise<HttpResult> {
  const part: TestPart = { name: kind === 'workbook' ? 'tableau_workbook' : 'tableau_datasource', filename: options.fileName, body: options.body };
  return sendMultipart(f, session, 'POST', `${sitePath(session)}/${kind}s${options.query ?? ''}`, [publishPayload(kind, options.name, options.projectId, options.payloadExtra, options.payloadInner), part]);
}

export async function initiateUpload(f: SandboxFixture, session: SignedIn): Promise<string> {
  const result = await f.http.call('POST', `${sitePath(session)}/fileUploads`, { token: session.token });
  if (result.status !== 201) throw new Error(`Initiate File Upload failed: ${result.status} ${result.text}`);
  return result.xml?.fileUpload['@_uploadSessionId'];
}

export function appendChunk(f: SandboxFixture, session: SignedIn, uploadSessionId: string, bytes: Buffer | string): Promise<HttpResult> {
  return sendMultipart(f, session, 'PUT', `${sitePath(session)}/fileUploads/${uploadSessionId}`, [
    { name: 'request_payload', contentType: 'text/xml', body: '' },
    { name: 'tableau_file', filename: 'file', body: bytes },
  ]);
}

/** Commits an upload session with Publish Workbook / Publish Data Source. */
export function commitUpload(
  f: SandboxFixture,
  session: SignedIn,
  kind: 'workbook' | 'datasource',
  options: { uploadSessionId: string; fileType: string; name: string; projectId: string; query?: string },
): Promise<HttpResult> {
  const typeParameter = kind === 'workbook' ? 'workbookType' : 'datasourceType';
  const query = `?uploadSessionId=${options.uploadSessionId}&${typeParameter}=${options.fileType}${options.query ?? ''}`;
  return sendMultipart(f, session, 'POST', `${sitePath(session)}/${kind}s${query}`, [publishPayload(kind, options.name, options.projectId)]);
}

export function defaultProjectId(f: SandboxFixture, session: SignedIn): string {
  const project = f.sandbox.state.projects.listSite(session.siteId).find((candidate) => candidate.isDefault);
  if (!project) throw new Error('no Default project');
  return project.id;
}

export function projectNamed(f: SandboxFixture, session: SignedIn, name: string): string {
  const project = f.sandbox.state.projects.listSite(session.siteId).find((candidate) => candidate.name === name);
  if (!project) throw new Error(`no project '${name}'`);
  return project.id;
}
