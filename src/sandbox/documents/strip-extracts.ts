import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { open as openZip, type Entry, type ZipFile } from 'yauzl';
import { LOCAL_HEADER_SIZE, centralDirectoryHeader, endOfCentralDirectory, localFileHeader } from './zip-headers';

/** A zip assembled on the fly: its exact length, and a fresh stream of its bytes per call. */
export interface StrippedPackage {
  length: number;
  open: () => Readable;
}

const EXTRACT_FILE = /\.(hyper|tde)$/i;
const ZIP32_LIMIT = 0xffffffff;

interface Kept {
  entry: Entry;
  name: Buffer;
  dataStart: number;
  localOffset: number;
}

/**
 * A packaged workbook or data source without its extract files (includeExtract=false), built by copying the
 * other entries' compressed bytes as they are, so nothing is recompressed or held in memory. Undefined when there
 * is nothing to strip or the archive needs zip64, in which case the file is served whole.
 */
export async function packagedWithoutExtracts(path: string): Promise<StrippedPackage | undefined> {
  const zip = await new Promise<ZipFile>((resolve, reject) =>
    openZip(path, { lazyEntries: true, autoClose: false }, (error, file) => (error || !file ? reject(error) : resolve(file))),
  );
  try {
    const entries = await readEntries(zip);
    const keptEntries = entries.filter((entry) => !EXTRACT_FILE.test(entry.fileName));
    if (keptEntries.length === entries.length) return undefined;
    if (keptEntries.length > 0xffff) return undefined;
    if (keptEntries.some((entry) => entry.compressedSize >= ZIP32_LIMIT || entry.uncompressedSize >= ZIP32_LIMIT)) return undefined;
    const kept: Kept[] = [];
    let offset = 0;
    for (const entry of keptEntries) {
      const { fileDataStart } = await zip.readLocalFileHeaderPromise(entry, { minimal: true });
      const name = Buffer.from(entry.fileName, 'utf8');
      kept.push({ entry, name, dataStart: fileDataStart, localOffset: offset });
      offset += LOCAL_HEADER_SIZE + name.length + entry.compressedSize;
    }
    const central = Buffer.concat(kept.map((item) => centralDirectoryHeader(item.entry, item.name, item.localOffset)));
    if (offset + central.length >= ZIP32_LIMIT) return undefined;
    const end = endOfCentralDirectory(kept.length, central.length, offset);
    const length = offset + central.length + end.length;
    const open = () =>
      Readable.from(
        (async function* () {
          for (const item of kept) {
            yield localFileHeader(item.entry, item.name);
            if (item.entry.compressedSize > 0) {
              yield* createReadStream(path, { start: item.dataStart, end: item.dataStart + item.entry.compressedSize - 1, highWaterMark: 1024 * 1024 });
            }
          }
          yield central;
          yield end;
        })(),
      );
    return { length, open };
  } finally {
    zip.close();
  }
}

function readEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', reject);
    zip.readEntry();
  });
}
