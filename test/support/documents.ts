// Tableau documents for tests and benchmarks, generated in code: .twb/.tds XML, .twbx/.tdsx zips, large files.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';

/** The shared sample documents (real .twb/.twbx/.tds/.tdsx), beside the repository as `../shared`. */
export const samplesDir = resolve(__dirname, '../../../shared/tableau-documents/samples');
export const samplesPresent = existsSync(samplesDir);

export interface ConnectionSpec {
  /** Tableau's connection class: postgres, sqlserver, mysql, excel-direct... */
  class: string;
  server?: string;
  port?: string;
  username?: string;
  dbname?: string;
}

export interface WorkbookSpec {
  worksheets: string[];
  dashboards?: string[];
  connections?: ConnectionSpec[];
}

function xmlAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/'/g, '&apos;').replace(/"/g, '&quot;');
}

function connectionXml(connection: ConnectionSpec): string {
  const attributes = Object.entries(connection)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}='${xmlAttribute(String(value))}'`)
    .join(' ');
  return `<connection ${attributes} />`;
}

/** A minimal but well-formed .twb: data sources with one connection each, worksheets and dashboards. */
export function workbookXml(spec: WorkbookSpec): string {
  const datasources = (spec.connections ?? [])
    .map((connection, index) => `    <datasource caption='Source ${index + 1}' inline='true' name='source.${index + 1}' version='18.1'>\n      ${connectionXml(connection)}\n    </datasource>`)
    .join('\n');
  const worksheets = spec.worksheets.map((name) => `    <worksheet name='${xmlAttribute(name)}'>\n      <table />\n    </worksheet>`).join('\n');
  const dashboards = (spec.dashboards ?? []).map((name) => `    <dashboard name='${xmlAttribute(name)}'>\n      <zones />\n    </dashboard>`).join('\n');
  const windows = [...spec.worksheets.map((name) => ['worksheet', name]), ...(spec.dashboards ?? []).map((name) => ['dashboard', name])]
    .map(([kind, name]) => `    <window class='${kind}' name='${xmlAttribute(name)}' />`)
    .join('\n');
  return [
    "<?xml version='1.0' encoding='utf-8' ?>",
    "<workbook source-build='2024.1.0 (20241.24.0312.0830)' source-platform='win' version='18.1' xmlns:user='http://www.tableausoftware.com/xml/user'>",
    `  <datasources>\n${datasources}\n  </datasources>`,
    `  <worksheets>\n${worksheets}\n  </worksheets>`,
    dashboards ? `  <dashboards>\n${dashboards}\n  </dashboards>` : '',
    `  <windows>\n${windows}\n  </windows>`,
    '</workbook>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

/** A minimal .tds with the given connection. */
export function datasourceXml(connection: ConnectionSpec): string {
  return [
    "<?xml version='1.0' encoding='utf-8' ?>",
    "<datasource formatted-name='generated' inline='true' source-platform='win' version='18.1' xmlns:user='http://www.tableausoftware.com/xml/user'>",
    `  ${connectionXml(connection)}`,
    '</datasource>',
    '',
  ].join('\n');
}

export interface ZipEntry {
  name: string;
  /** Contents, or a size in bytes of generated filler (streamed, never held in memory whole). */
  content: string | Buffer | { fillerBytes: number };
}

/** Writes a zip (.twbx/.tdsx): entries stored uncompressed, the document first, as Tableau packages them. */
export async function writeZip(path: string, entries: ZipEntry[]): Promise<void> {
  const zip = new ZipFile();
  for (const entry of entries) {
    if (typeof entry.content === 'string' || Buffer.isBuffer(entry.content)) {
      zip.addBuffer(Buffer.from(entry.content), entry.name, { compress: false });
    } else {
      zip.addReadStream(Readable.from(fillerChunks(entry.content.fillerBytes)), entry.name, { compress: false, size: entry.content.fillerBytes });
    }
  }
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(path));
}

/** A packaged workbook: the .twb at the root, plus optional data files. */
export function writeTwbx(path: string, spec: WorkbookSpec, extra: ZipEntry[] = []): Promise<void> {
  return writeZip(path, [{ name: 'Workbook.twb', content: workbookXml(spec) }, ...extra]);
}

/**
 * Incompressible filler: one random mebibyte repeated, each block stamped with its index so that blocks sent in
 * the wrong order or twice would change the file's hash.
 */
export async function* fillerChunks(totalBytes: number, blockSize = 1024 * 1024): AsyncGenerator<Buffer> {
  const pattern = randomBytes(blockSize);
  for (let offset = 0, index = 0; offset < totalBytes; offset += blockSize, index++) {
    const block = Buffer.from(pattern.subarray(0, Math.min(blockSize, totalBytes - offset)));
    if (block.length >= 8) block.writeBigUInt64BE(BigInt(index), 0);
    yield block;
  }
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
