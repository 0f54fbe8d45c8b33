import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { ApiError } from '../../src/sandbox/http/api-error';
import { headerParameters, multipartBoundary } from '../../src/sandbox/http/multipart-headers';
import { MultipartParser } from '../../src/sandbox/http/multipart-parser';
import { multipartMixed } from '../support/multipart';

/**
 * The streaming multipart/mixed parser behind publishing and file uploads: whatever way the body is cut into
 * network chunks, the parts come out byte for byte; a body cut short or malformed is refused with a 400.
 */

interface Parsed {
  name: string | undefined;
  filename: string | undefined;
  body: Buffer;
  ended: boolean;
}

async function parse(body: Buffer, boundary: string, chunkSizes: (index: number) => number): Promise<Parsed[]> {
  const parts: Parsed[] = [];
  const parser = new MultipartParser(boundary, (headers) => {
    const part: Parsed = { name: headers.name, filename: headers.filename, body: Buffer.alloc(0), ended: false };
    parts.push(part);
    return {
      write: (data) => void (part.body = Buffer.concat([part.body, data])),
      end: () => void (part.ended = true),
    };
  });
  for (let offset = 0, index = 0; offset < body.length; index++) {
    const size = Math.max(1, chunkSizes(index));
    await parser.push(body.subarray(offset, offset + size));
    offset += size;
  }
  parser.finish();
  return parts;
}

const BOUNDARY = 'b0undary-123';

describe('sandbox: multipart/mixed parser', function () {
  // A file part full of near-misses: CRLF, dashes and the boundary without its leading CRLF.
  const tricky = Buffer.concat([Buffer.from(`--${BOUNDARY}\r\n--${BOUNDARY.slice(0, 5)}\r\n\r\n--`), randomBytes(3000), Buffer.from(`\r\n-${BOUNDARY}`)]);
  const { body } = multipartMixed(
    [
      { name: 'request_payload', contentType: 'text/xml', body: '<tsRequest><workbook name="x"/></tsRequest>' },
      { name: 'tableau_workbook', filename: 'Sales.twbx', body: tricky },
    ],
    BOUNDARY,
  );

  it('yields the same parts whatever the chunking, down to one byte at a time', async function () {
    for (const sizes of [() => body.length, () => 1, () => 7, (i: number) => (i % 3) + 1, () => BOUNDARY.length + 3, () => 1024]) {
      const parts = await parse(body, BOUNDARY, sizes);
      assert.deepEqual(parts.map((part) => part.name), ['request_payload', 'tableau_workbook']);
      assert.equal(parts[0].body.toString(), '<tsRequest><workbook name="x"/></tsRequest>');
      assert.equal(parts[1].filename, 'Sales.twbx');
      assert.ok(parts[1].body.equals(tricky), 'the file part comes out byte for byte');
      assert.ok(parts.every((part) => part.ended));
    }
  });

  it('skips a preamble and an epilogue, and accepts padding after a boundary', async function () {
    const text = `preamble text\r\n--${BOUNDARY}  \t\r\nContent-Disposition: name="tableau_file"; filename="file"\r\n\r\nabc\r\n--${BOUNDARY}--\r\nepilogue`;
    const parts = await parse(Buffer.from(text), BOUNDARY, () => 5);
    assert.equal(parts.length, 1);
    assert.equal(parts[0].body.toString(), 'abc');
  });

  it('accepts an empty part body and a part without headers', async function () {
    const text = `--${BOUNDARY}\r\nContent-Disposition: name="request_payload"\r\n\r\n\r\n--${BOUNDARY}\r\n\r\nno headers\r\n--${BOUNDARY}--`;
    const parts = await parse(Buffer.from(text), BOUNDARY, () => 2);
    assert.equal(parts[0].body.length, 0);
    assert.equal(parts[1].name, undefined);
    assert.equal(parts[1].body.toString(), 'no headers');
  });

  it('refuses a body that ends before its closing boundary (a cut upload)', async function () {
    const cut = body.subarray(0, body.length - 20);
    await assert.rejects(parse(cut, BOUNDARY, () => 100), (error: unknown) => error instanceof ApiError && error.status === 400 && /closing boundary/.test(error.detail));
  });

  it('refuses a boundary line followed by something other than CRLF or --', async function () {
    const text = `--${BOUNDARY}garbage\r\n\r\nx\r\n--${BOUNDARY}--`;
    await assert.rejects(parse(Buffer.from(text), BOUNDARY, () => 64), (error: unknown) => error instanceof ApiError && /CRLF/.test(error.detail));
  });

  it('refuses headers that never end', async function () {
    const text = `--${BOUNDARY}\r\nX-Long: ${'a'.repeat(20_000)}`;
    await assert.rejects(parse(Buffer.from(text), BOUNDARY, () => 4096), (error: unknown) => error instanceof ApiError && /headers/.test(error.detail));
  });

  it('reads the boundary from the Content-Type, quoted or not, and requires multipart/mixed', function () {
    assert.equal(multipartBoundary('multipart/mixed; boundary=abc'), 'abc');
    assert.equal(multipartBoundary('Multipart/Mixed; charset=utf-8; boundary="a b;c"'), 'a b;c');
    assert.throws(() => multipartBoundary('multipart/form-data; boundary=abc'), (error: unknown) => error instanceof ApiError && /multipart\/mixed/.test(error.detail));
    assert.throws(() => multipartBoundary('multipart/mixed'), (error: unknown) => error instanceof ApiError && /boundary/.test(error.detail));
  });

  it("reads Content-Disposition parameters, including escaped quotes and RFC 5987 names", function () {
    const parameters = headerParameters('form-data; name="tableau_workbook"; filename="a \\"b\\".twbx"');
    assert.equal(parameters.get('name'), 'tableau_workbook');
    assert.equal(parameters.get('filename'), 'a "b".twbx');
    assert.equal(headerParameters("name=x; filename*=UTF-8''Caf%C3%A9.twbx").get('filename*'), "UTF-8''Caf%C3%A9.twbx");
  });
});
