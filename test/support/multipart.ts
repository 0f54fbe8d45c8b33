// multipart/mixed bodies for raw-HTTP publishing tests, built in memory (test files are small).

export interface TestPart {
  name: string;
  filename?: string;
  contentType?: string;
  body: string | Buffer;
}

export const TEST_BOUNDARY = 'sandbox-test-7f3a9c';

/** The body and Content-Type of a multipart/mixed message with Tableau's `Content-Disposition: name="..."` parts. */
export function multipartMixed(parts: TestPart[], boundary = TEST_BOUNDARY): { body: Buffer; contentType: string } {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `name="${part.name}"${part.filename === undefined ? '' : `; filename="${part.filename}"`}`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\nContent-Type: ${part.contentType ?? 'application/octet-stream'}\r\n\r\n`));
    chunks.push(Buffer.isBuffer(part.body) ? part.body : Buffer.from(part.body, 'utf8'));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/mixed; boundary=${boundary}` };
}

/** The request_payload of Publish Workbook / Publish Data Source. */
export function publishPayload(kind: 'workbook' | 'datasource', name: string, projectId: string, extraAttributes = '', innerElements = ''): TestPart {
  const escaped = name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const body = `<tsRequest><${kind} name="${escaped}"${extraAttributes}>${innerElements}<project id="${projectId}"/></${kind}></tsRequest>`;
  return { name: 'request_payload', contentType: 'text/xml', body };
}
