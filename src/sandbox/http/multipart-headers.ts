import { apiError } from './api-error';

/** Reading the Content-Type of a multipart request and the headers of its parts. */

export interface PartHeaders {
  /** The `name` parameter of Content-Disposition: request_payload, tableau_workbook, tableau_datasource, tableau_file. */
  name: string | undefined;
  /** The `filename` (or RFC 5987 `filename*`) parameter, when the part carries a file. */
  filename: string | undefined;
  contentType: string | undefined;
}

/** The boundary of a `multipart/mixed` body, as publishing and file uploads require. */
export function multipartBoundary(contentType: string | undefined): string {
  const [type, ...rest] = (contentType ?? '').split(';');
  if (type.trim().toLowerCase() !== 'multipart/mixed') {
    throw apiError(
      'badRequest',
      `The request must be a multipart/mixed message (request_payload part, then the file), not '${contentType ?? 'no Content-Type'}'.`,
    );
  }
  const boundary = headerParameters(rest.join(';')).get('boundary');
  if (!boundary || boundary.length > 70) {
    throw apiError('badRequest', 'The multipart/mixed Content-Type needs a boundary parameter of 1 to 70 characters.');
  }
  return boundary;
}

/** Parses the header block of one part (the text between the boundary line and the blank line). */
export function parsePartHeaders(block: string): PartHeaders {
  const headers = new Map<string, string>();
  for (const line of block.split('\r\n')) {
    if (line === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) throw apiError('badRequest', `A multipart part has a malformed header line: '${line.slice(0, 100)}'.`);
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const disposition = headerParameters(headers.get('content-disposition') ?? '');
  const extended = disposition.get('filename*');
  return {
    name: disposition.get('name'),
    filename: (extended !== undefined ? decodeExtendedValue(extended) : undefined) ?? disposition.get('filename'),
    contentType: headers.get('content-type'),
  };
}

/**
 * `a=b; c="quoted \"value\""` → Map { a → b, c → quoted "value" }. Names are lower-cased; a leading token without
 * '=' (a disposition type such as `form-data` or `attachment`) is skipped, since Tableau clients send none.
 */
export function headerParameters(text: string): Map<string, string> {
  const parameters = new Map<string, string>();
  const pattern = /\s*([^=;\s]+)\s*(?:=\s*("(?:[^"\\]|\\.)*"|[^;]*))?\s*(?:;|$)/gy;
  let match: RegExpExecArray | null;
  while (pattern.lastIndex < text.length && (match = pattern.exec(text)) !== null) {
    const [, name, rawValue] = match;
    if (rawValue === undefined) continue;
    const value = rawValue.startsWith('"') ? rawValue.slice(1, -1).replace(/\\(.)/g, '$1') : rawValue.trim();
    parameters.set(name.toLowerCase(), value);
  }
  return parameters;
}

/** RFC 5987 `charset'language'percent-encoded`; undefined when it cannot be decoded. */
function decodeExtendedValue(value: string): string | undefined {
  const match = /^([^']*)'[^']*'(.*)$/.exec(value);
  if (!match || !/^utf-8$/i.test(match[1])) return undefined;
  try {
    return decodeURIComponent(match[2]);
  } catch {
    return undefined;
  }
}
