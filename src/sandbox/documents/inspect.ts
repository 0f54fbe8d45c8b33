import { readFile, stat } from 'node:fs/promises';
import type { DatasourceFileType, WorkbookFileType } from '../state/content-types';
import { datasourceConnections, declaresExtract, workbookConnections, type ConnectionFacts } from './connections';
import { elements, parseDocument, type DocElement } from './document-xml';
import { workbookSheets, type SheetFacts } from './sheets';
import { ZipArchive } from './zip-archive';

/** What a server derives from a published file. */
export interface DocumentFacts {
  sheets: SheetFacts[];
  connections: ConnectionFacts[];
  hasExtracts: boolean;
}

/** The file is not a valid workbook or data source; the message says why, for the 400 detail. */
export class InvalidDocumentError extends Error {
  override readonly name = 'InvalidDocumentError';
}

/** Documents larger than this are not parsed (the XML is read whole); real ones are a few megabytes at most. */
const MAX_XML_BYTES = 64 * 1024 * 1024;
const EXTRACT_FILE = /\.(hyper|tde)$/i;

export async function inspectWorkbook(path: string, fileType: WorkbookFileType, fileName: string): Promise<DocumentFacts> {
  const { root, packagedExtracts } = await readDocument(path, fileType === 'twbx', 'twb', 'workbook', fileName);
  // A workbook without sheets (only data sources) is still a workbook; it simply has no views.
  const sheets = workbookSheets(root);
  const datasources = elements(elements(root, 'datasources')[0], 'datasource');
  return { sheets, connections: workbookConnections(root), hasExtracts: packagedExtracts || declaresExtract(datasources) };
}

export async function inspectDatasource(path: string, fileType: DatasourceFileType, fileName: string): Promise<DocumentFacts> {
  if (fileType === 'hyper' || fileType === 'tde') {
    // Extract files are binary databases the sandbox cannot open; the server reports them as one extract connection.
    if ((await stat(path)).size === 0) throw new InvalidDocumentError(`The extract '${fileName}' is empty.`);
    const type = fileType === 'hyper' ? 'hyper' : 'dataengine';
    return { sheets: [], hasExtracts: true, connections: [{ type, serverAddress: '', serverPort: '', userName: '', databaseName: fileName, datasourceName: fileName }] };
  }
  const { root, packagedExtracts } = await readDocument(path, fileType === 'tdsx', 'tds', 'datasource', fileName);
  const connections = datasourceConnections(root, fileName);
  if (connections.length === 0) throw new InvalidDocumentError(`The data source '${fileName}' has no <connection> to publish.`);
  return { sheets: [], connections, hasExtracts: packagedExtracts || declaresExtract([root]) };
}

async function readDocument(
  path: string,
  packaged: boolean,
  extension: 'twb' | 'tds',
  rootName: 'workbook' | 'datasource',
  fileName: string,
): Promise<{ root: DocElement; packagedExtracts: boolean }> {
  const noun = rootName === 'workbook' ? 'workbook' : 'data source';
  if (!packaged) {
    const { size } = await stat(path);
    if (size > MAX_XML_BYTES) throw new InvalidDocumentError(`The ${noun} '${fileName}' is ${size} bytes of XML, more than the sandbox reads (${MAX_XML_BYTES}).`);
    return { root: parse(await readFile(path, 'utf8'), rootName, `The ${noun} '${fileName}'`), packagedExtracts: false };
  }
  let archive: ZipArchive;
  try {
    archive = await ZipArchive.open(path);
  } catch (error) {
    throw new InvalidDocumentError(`'${fileName}' is not a packaged ${noun}: a .${extension}x file must be a zip archive (${messageOf(error)}).`);
  }
  try {
    const [document] = archive.rootEntries(extension);
    if (!document) {
      const found = archive.entries.slice(0, 5).map((entry) => entry.fileName);
      throw new InvalidDocumentError(
        `The packaged ${noun} '${fileName}' holds no .${extension} file at its root` +
          ` (it holds ${found.length === 0 ? 'nothing' : found.join(', ')}${archive.entries.length > 5 ? ', ...' : ''}).`,
      );
    }
    let xml: string;
    try {
      xml = await archive.readText(document, MAX_XML_BYTES);
    } catch (error) {
      throw new InvalidDocumentError(`The ${noun} '${document.fileName}' inside '${fileName}' cannot be read: ${messageOf(error)}.`);
    }
    const root = parse(xml, rootName, `The ${noun} '${document.fileName}' inside '${fileName}'`);
    return { root, packagedExtracts: archive.entries.some((entry) => EXTRACT_FILE.test(entry.fileName)) };
  } finally {
    archive.close();
  }
}

function parse(xml: string, rootName: 'workbook' | 'datasource', what: string): DocElement {
  try {
    return parseDocument(xml, rootName);
  } catch (error) {
    throw new InvalidDocumentError(`${what} is not a valid Tableau ${rootName === 'workbook' ? 'workbook' : 'data source'}: ${messageOf(error)}.`);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
