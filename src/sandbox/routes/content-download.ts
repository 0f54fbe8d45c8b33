import { apiError } from '../http/api-error';
import type { RequestContext } from '../http/context';
import { fileStream, type RouteResponse } from '../http/respond';
import type { StoredFile } from '../state/content-types';
import { booleanParameter } from './content-access';
import { packagedWithoutExtracts } from '../documents/strip-extracts';

/**
 * Download Workbook / Download Data Source: the stored bytes, unchanged, named after the item
 * (`Content-Disposition: attachment; filename="Regional Sales.twbx"`, plus RFC 5987 `filename*` when the name is
 * not ASCII). With includeExtract=false a packaged file comes without its extract files.
 */
export async function downloadResponse(ctx: RequestContext, itemName: string, file: StoredFile): Promise<RouteResponse> {
  const includeExtract = booleanParameter(ctx, 'includeExtract') ?? true;
  const headers = {
    'Content-Type': file.fileType === 'twb' || file.fileType === 'tds' ? 'application/xml' : 'application/octet-stream',
    'Content-Disposition': contentDisposition(`${itemName}.${file.fileType}`),
  };
  if (!includeExtract && (file.fileType === 'twbx' || file.fileType === 'tdsx')) {
    const stripped = await packagedWithoutExtracts(file.path);
    if (stripped) return { kind: 'stream', status: 200, length: stripped.length, open: stripped.open, headers };
  }
  if (!includeExtract && (file.fileType === 'hyper' || file.fileType === 'tde')) {
    throw apiError('invalidParameterValue', `This data source is an extract file (.${file.fileType}); includeExtract=false would leave nothing to download.`);
  }
  return fileStream(file.path, file.size, headers);
}

export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  if (ascii === fileName) return `attachment; filename="${fileName}"`;
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
