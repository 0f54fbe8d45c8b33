// Hostile Content-Disposition headers need a server that sends them; the sandbox never would, so this file alone
// uses a tiny local HTTP server imitating Sign In and Download Workbook.
import assert from 'node:assert/strict';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Server, TableauAuth } from '../../src/client';

const zipBytes = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64, 7)]);
const xmlBytes = Buffer.from("<?xml version='1.0' encoding='utf-8' ?><workbook />");

interface Answer {
  disposition?: string;
  body: Buffer;
}

describe('client: downloading with hostile file names', function () {
  let http: HttpServer;
  let server: Server;
  let root: string;
  let answer: Answer = { body: zipBytes };

  before(async function () {
    http = createServer((req, res) => {
      const url = req.url ?? '';
      if (req.method === 'POST' && url.endsWith('/auth/signin')) {
        req.resume();
        res.writeHead(200, { 'content-type': 'application/xml' });
        res.end('<tsResponse xmlns="http://tableau.com/api"><credentials token="t0k3n"><site id="site-1" contentUrl=""/><user id="user-1"/></credentials></tsResponse>');
      } else if (url.endsWith('/workbooks/wb-1/content')) {
        const headers: Record<string, string | number> = { 'content-type': 'application/octet-stream', 'content-length': answer.body.length };
        if (answer.disposition !== undefined) headers['content-disposition'] = answer.disposition;
        res.writeHead(200, headers);
        res.end(answer.body);
      } else if (url.endsWith('/workbooks/wb-1')) {
        res.writeHead(200, { 'content-type': 'application/xml' });
        res.end('<tsResponse xmlns="http://tableau.com/api"><workbook id="wb-1" name="Quarterly: Sales?"><project id="p"/></workbook></tsResponse>');
      } else {
        res.writeHead(404, { 'content-type': 'application/xml' });
        res.end('<tsResponse xmlns="http://tableau.com/api"><error code="404000"><summary>Not found</summary><detail>not imitated</detail></error></tsResponse>');
      }
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    server = new Server(`http://127.0.0.1:${(http.address() as AddressInfo).port}`, { version: '3.29' });
    await server.auth.signIn(new TableauAuth('admin', 'pw'));
    root = await mkdtemp(join(tmpdir(), 'tableau-names-'));
  });

  after(async function () {
    await server?.close();
    await new Promise((resolve) => http?.close(resolve));
    if (root) await rm(root, { recursive: true, force: true });
  });

  const cases: Array<{ title: string; answer: Answer; expected: string }> = [
    { title: 'path traversal ../../x.twbx', answer: { disposition: 'attachment; filename="../../x.twbx"', body: zipBytes }, expected: 'x.twbx' },
    { title: 'directories and forbidden characters a/b:c?.twbx', answer: { disposition: 'attachment; filename="a/b:c?.twbx"', body: zipBytes }, expected: 'b_c_.twbx' },
    { title: "RFC 5987 filename*=UTF-8''Caf%C3%A9.twbx", answer: { disposition: "attachment; filename*=UTF-8''Caf%C3%A9.twbx", body: zipBytes }, expected: 'Café.twbx' },
    { title: 'Tableau Server form without a disposition type', answer: { disposition: 'name="tableau_workbook"; filename="Superstore.twbx"', body: zipBytes }, expected: 'Superstore.twbx' },
    { title: 'a reserved Windows name', answer: { disposition: 'attachment; filename="CON.twbx"', body: zipBytes }, expected: '_CON.twbx' },
    { title: 'a name that is only dots: the item name instead', answer: { disposition: 'attachment; filename=".."', body: zipBytes }, expected: 'Quarterly_ Sales_.twbx' },
    { title: 'no header, zip content: the item name with .twbx', answer: { body: zipBytes }, expected: 'Quarterly_ Sales_.twbx' },
    { title: 'no header, XML content: the item name with .twb', answer: { body: xmlBytes }, expected: 'Quarterly_ Sales_.twb' },
  ];

  for (const [index, testCase] of cases.entries()) {
    it(testCase.title, async function () {
      const folder = join(root, `case-${index}`, 'inner');
      await mkdir(folder, { recursive: true });
      answer = testCase.answer;
      const written = await server.workbooks.download('wb-1', folder);
      assert.equal(written, join(folder, testCase.expected));
      assert.deepEqual(await readdir(folder), [testCase.expected]);
      assert.deepEqual(await readdir(join(root, `case-${index}`)), ['inner'], 'nothing was written outside the chosen folder');
    });
  }
});
