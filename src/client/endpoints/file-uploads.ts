import { TableauClientError } from '../errors';
import { multipartMixed, type FileRange } from '../transfer/multipart';
import { attr, child } from '../xml/parse';
import { Endpoint } from './endpoint';

export interface AppendOptions {
  signal?: AbortSignal;
  /** File bytes of this chunk sent so far in the current attempt (restarts at 0 when the chunk is retried). */
  onChunkBytes?: (sentInChunk: number) => void;
}

/**
 * Upload sessions for files too large for one publish request (REST: Initiate File Upload, Append to File Upload).
 * Used by `workbooks.publish` and `datasources.publish`; not part of TSC's public surface.
 */
export class FileUploadsEndpoint extends Endpoint {
  /** Starts an upload session and resolves to its id. */
  async initiate(signal?: AbortSignal): Promise<string> {
    const response = await this.api.xml({ method: 'POST', path: 'fileUploads', site: true, signal });
    const uploadSessionId = attr(child(response, 'fileUpload'), 'uploadSessionId');
    if (!uploadSessionId) throw new TableauClientError('The server started a file upload but sent no upload session id.');
    return uploadSessionId;
  }

  /**
   * Appends one block of the file. The block is read from disk for each attempt, so a retry after a reset or
   * a 502/503/504 sends it whole again; the request counts as idempotent for that reason.
   */
  async append(uploadSessionId: string, range: FileRange, options: AppendOptions = {}): Promise<void> {
    let sent = 0;
    const body = multipartMixed(
      [
        { name: 'request_payload', contentType: 'text/xml', body: '' },
        { name: 'tableau_file', filename: 'file', contentType: 'application/octet-stream', body: range },
      ],
      (bytes) => {
        sent += bytes;
        options.onChunkBytes?.(sent);
      },
    );
    await this.api.xml({
      method: 'PUT',
      path: `fileUploads/${encodeUploadSessionId(uploadSessionId)}`,
      site: true,
      body: () => {
        sent = 0;
        return body.open();
      },
      contentType: body.contentType,
      extraHeaders: { 'content-length': String(body.contentLength) },
      idempotent: true,
      signal: options.signal,
    });
  }
}

/** Session ids look like `12345:ABCDEF-1:0`; `:` is legal in a path segment and a query value, so it stays readable. */
export function encodeUploadSessionId(uploadSessionId: string): string {
  return encodeURIComponent(uploadSessionId).replace(/%3A/gi, ':');
}
