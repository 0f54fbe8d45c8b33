import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { errorCode, list, type SignedIn } from '../support/sandbox-http';
import { useSandbox } from '../support/sandbox-fixture';
import { appendChunk, commitUpload, defaultProjectId, initiateUpload, sendMultipart, sitePath } from '../support/content-requests';
import { workbookXml } from '../support/documents';
import { multipartMixed, publishPayload } from '../support/multipart';

/** Initiate File Upload, Append to File Upload, and publishing from an upload session, over raw HTTP. */
describe('sandbox: upload sessions', function () {
  const f = useSandbox({ seed: 'demo' });
  let admin: SignedIn;
  let project: string;
  const document = Buffer.from(workbookXml({ worksheets: ['Chunked Sheet'], connections: [{ class: 'postgres', server: 'pg', port: '5432' }] }));
  const firstHalf = document.subarray(0, 300);
  const secondHalf = document.subarray(300);

  before(async function () {
    admin = await f.signInAdmin();
    project = defaultProjectId(f, admin);
  });

  async function download(workbookId: string): Promise<string> {
    return (await f.http.call('GET', `${sitePath(admin)}/workbooks/${workbookId}/content`, { token: admin.token })).text;
  }

  /**
   * Sends an Append request over a raw socket, stops after `sendBytes` of its body, then either destroys the
   * connection or just closes its sending side ('end'), as a client whose upload was cut would.
   */
  async function cutAppend(uploadSessionId: string, chunk: Buffer, sendBytes: number, how: 'destroy' | 'end'): Promise<void> {
    const { body, contentType } = multipartMixed([{ name: 'request_payload', body: '' }, { name: 'tableau_file', filename: 'file', body: chunk }]);
    const url = new URL(f.sandbox.url);
    const socket = connect(Number(url.port), url.hostname);
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.on('error', () => undefined);
    socket.resume(); // read (and drop) whatever the server answers, so the socket can reach 'close'
    const closed = new Promise((resolve) => socket.once('close', resolve));
    const head =
      `PUT ${sitePath(admin)}/fileUploads/${uploadSessionId} HTTP/1.1\r\nHost: ${url.host}\r\nX-Tableau-Auth: ${admin.token}\r\n` +
      `Content-Type: ${contentType}\r\nContent-Length: ${body.length}\r\n\r\n`;
    socket.write(head);
    socket.write(body.subarray(0, sendBytes));
    await sleep(50);
    if (how === 'destroy') socket.destroy();
    else socket.end();
    await closed;
  }

  it('starts a session (201) with an id of the shape real servers use and fileSize 0', async function () {
    const started = await f.http.call('POST', `${sitePath(admin)}/fileUploads`, { token: admin.token });
    assert.equal(started.status, 201);
    assert.match(started.xml?.fileUpload['@_uploadSessionId'], /^[0-9]+:[0-9a-f]+-[0-9]+:[0-9]+$/);
    assert.equal(started.xml?.fileUpload['@_fileSize'], '0');
  });

  it('appends chunks in order (200, fileSize in megabytes) and publishes the whole file', async function () {
    const id = await initiateUpload(f, admin);
    const first = await appendChunk(f, admin, id, firstHalf);
    assert.equal(first.status, 200, first.text);
    assert.equal(first.xml?.fileUpload['@_uploadSessionId'], id);
    assert.equal((await appendChunk(f, admin, id, secondHalf)).status, 200);
    const published = await commitUpload(f, admin, 'workbook', { uploadSessionId: id, fileType: 'twb', name: 'From Chunks', projectId: project });
    assert.equal(published.status, 201, published.text);
    assert.deepEqual(list(published.xml?.workbook.views.view).map((view) => view['@_name']), ['Chunked Sheet']);
    assert.equal(await download(published.xml?.workbook['@_id']), document.toString());
  });

  it('reports the size received in whole megabytes', async function () {
    const id = await initiateUpload(f, admin);
    const appended = await appendChunk(f, admin, id, randomBytes(2.5 * 1024 * 1024));
    assert.equal(appended.xml?.fileUpload['@_fileSize'], '2');
  });

  it('keeps chunks in the order they were sent: swapped chunks make a file that is not a workbook', async function () {
    const id = await initiateUpload(f, admin);
    await appendChunk(f, admin, id, secondHalf);
    await appendChunk(f, admin, id, firstHalf);
    const published = await commitUpload(f, admin, 'workbook', { uploadSessionId: id, fileType: 'twb', name: 'Swapped', projectId: project });
    assert.equal(published.status, 400);
    assert.equal(errorCode(published), '400011');
  });

  for (const how of ['destroy', 'end'] as const) {
    it(`appends nothing from a chunk whose connection is cut midway (${how === 'destroy' ? 'reset' : 'body shorter than Content-Length'})`, async function () {
      const id = await initiateUpload(f, admin);
      await appendChunk(f, admin, id, firstHalf);
      await cutAppend(id, secondHalf, 150 + Math.floor(secondHalf.length / 2), how);
      const retried = await appendChunk(f, admin, id, secondHalf);
      assert.equal(retried.status, 200, retried.text);
      const published = await commitUpload(f, admin, 'workbook', { uploadSessionId: id, fileType: 'twb', name: `Cut ${how}`, projectId: project });
      assert.equal(published.status, 201, published.text);
      assert.equal(await download(published.xml?.workbook['@_id']), document.toString(), 'the cut attempt left no bytes behind');
    });
  }

  it('appends nothing from a chunk whose multipart body lacks its closing boundary (400)', async function () {
    const id = await initiateUpload(f, admin);
    await appendChunk(f, admin, id, firstHalf);
    const { body, contentType } = multipartMixed([{ name: 'tableau_file', filename: 'file', body: secondHalf }]);
    const cut = await f.http.call('PUT', `${sitePath(admin)}/fileUploads/${id}`, { token: admin.token, body: body.subarray(0, body.length - 10), headers: { 'content-type': contentType } });
    assert.equal(cut.status, 400);
    assert.equal(errorCode(cut), '400000');
    await appendChunk(f, admin, id, secondHalf);
    const published = await commitUpload(f, admin, 'workbook', { uploadSessionId: id, fileType: 'twb', name: 'Cut Boundary', projectId: project });
    assert.equal(await download(published.xml?.workbook['@_id']), document.toString());
  });

  it('refuses chunks without a tableau_file part, or with another part', async function () {
    const id = await initiateUpload(f, admin);
    const missing = await sendMultipart(f, admin, 'PUT', `${sitePath(admin)}/fileUploads/${id}`, [{ name: 'request_payload', body: '' }]);
    assert.match(missing.xml?.error.detail, /no 'tableau_file' part/);
    const wrong = await sendMultipart(f, admin, 'PUT', `${sitePath(admin)}/fileUploads/${id}`, [{ name: 'tableau_workbook', filename: 'x.twb', body: 'x' }]);
    assert.match(wrong.xml?.error.detail, /named 'tableau_file'/);
  });

  it('a session is used once: committing it again, or appending to it, answers 404015', async function () {
    const id = await initiateUpload(f, admin);
    await appendChunk(f, admin, id, document);
    const options = { uploadSessionId: id, fileType: 'twb', name: 'Once', projectId: project };
    assert.equal((await commitUpload(f, admin, 'workbook', options)).status, 201);
    assert.equal(errorCode(await commitUpload(f, admin, 'workbook', { ...options, name: 'Twice' })), '404015');
    assert.equal(errorCode(await appendChunk(f, admin, id, 'more')), '404015');
  });

  it('a failed commit leaves the session for another try', async function () {
    const id = await initiateUpload(f, admin);
    await appendChunk(f, admin, id, document);
    const existing = await commitUpload(f, admin, 'workbook', { uploadSessionId: id, fileType: 'twb', name: 'From Chunks', projectId: project });
    assert.equal(errorCode(existing), '403007');
    const retried = await commitUpload(f, admin, 'workbook', { uploadSessionId: id, fileType: 'twb', name: 'From Chunks', projectId: project, query: '&overwrite=true' });
    assert.equal(retried.status, 201, retried.text);
  });

  it("refuses an empty session (400011), another user's session (404015) and an unknown one (404015)", async function () {
    const empty = await initiateUpload(f, admin);
    assert.equal(errorCode(await commitUpload(f, admin, 'workbook', { uploadSessionId: empty, fileType: 'twb', name: 'Empty', projectId: project })), '400011');
    const alice = await f.signInAs('alice');
    assert.equal(errorCode(await appendChunk(f, alice, empty, 'x')), '404015');
    assert.equal(errorCode(await commitUpload(f, alice, 'workbook', { uploadSessionId: empty, fileType: 'twb', name: 'Hers', projectId: project })), '404015');
    assert.equal(errorCode(await appendChunk(f, admin, '99:abcdef-1:0', 'x')), '404015');
  });

  it('needs the file type with uploadSessionId (400035 / 400010) and refuses a file part beside it (400000)', async function () {
    const id = await initiateUpload(f, admin);
    await appendChunk(f, admin, id, document);
    assert.equal(errorCode(await commitUpload(f, admin, 'workbook', { uploadSessionId: id, fileType: 'tds', name: 'Typed', projectId: project })), '400035');
    assert.equal(errorCode(await commitUpload(f, admin, 'datasource', { uploadSessionId: id, fileType: 'csv', name: 'Typed', projectId: project })), '400010');
    const both = await sendMultipart(f, admin, 'POST', `${sitePath(admin)}/workbooks?uploadSessionId=${id}&workbookType=twb`, [
      publishPayload('workbook', 'Both', project),
      { name: 'tableau_workbook', filename: 'x.twb', body: document },
    ]);
    assert.equal(errorCode(both), '400000');
    assert.match(both.xml?.error.detail, /one or the other/);
  });

  it('Viewers may not start uploads (403007)', async function () {
    const bob = await f.signInAs('bob');
    const refused = await f.http.call('POST', `${sitePath(bob)}/fileUploads`, { token: bob.token });
    assert.equal(refused.status, 403);
    assert.equal(errorCode(refused), '403007');
  });
});
