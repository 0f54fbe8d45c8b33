import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { open as openZip, type Entry, type ZipFile } from 'yauzl';

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
      offset += 30 + name.length + entry.compressedSize;
    }
    const central = Buffer.concat(kept.map(centralHeader));
    if (offset + central.length >= ZIP32_LIMIT) return undefined;
    const end = endOfCentralDirectory(kept.length, central.length, offset);
    const length = offset + central.length + end.length;
    const open = () =>
      Readable.from(
        (async function* () {
          for (const item of kept) {
            yield localHeader(item);
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

// Bit 3 (sizes in a trailing data descriptor) is cleared: the copied headers carry the sizes. Bit 11 (UTF-8 names) is set.
function flagsOf(entry: Entry): number {
  return (entry.generalPurposeBitFlag & ~0x0008) | 0x0800;
}

function localHeader({ entry, name }: Kept): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(entry.versionNeededToExtract, 4);
  header.writeUInt16LE(flagsOf(entry), 6);
  header.writeUInt16LE(entry.compressionMethod, 8);
  header.writeUInt16LE(entry.lastModFileTime, 10);
  header.writeUInt16LE(entry.lastModFileDate, 12);
  header.writeUInt32LE(entry.crc32, 14);
  header.writeUInt32LE(entry.compressedSize, 18);
  header.writeUInt32LE(entry.uncompressedSize, 22);
  header.writeUInt16LE(name.length, 26);
  header.writeUInt16LE(0, 28);
  return Buffer.concat([header, name]);
}

function centralHeader({ entry, name, localOffset }: Kept): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(entry.versionMadeBy, 4);
  header.writeUInt16LE(entry.versionNeededToExtract, 6);
  header.writeUInt16LE(flagsOf(entry), 8);
  header.writeUInt16LE(entry.compressionMethod, 10);
  header.writeUInt16LE(entry.lastModFileTime, 12);
  header.writeUInt16LE(entry.lastModFileDate, 14);
  header.writeUInt32LE(entry.crc32, 16);
  header.writeUInt32LE(entry.compressedSize, 20);
  header.writeUInt32LE(entry.uncompressedSize, 24);
  header.writeUInt16LE(name.length, 28);
  header.writeUInt16LE(0, 30); // extra field length
  header.writeUInt16LE(0, 32); // comment length
  header.writeUInt16LE(0, 34); // disk number
  header.writeUInt16LE(entry.internalFileAttributes, 36);
  header.writeUInt32LE(entry.externalFileAttributes, 38);
  header.writeUInt32LE(localOffset, 42);
  return Buffer.concat([header, name]);
}

function endOfCentralDirectory(count: number, size: number, offset: number): Buffer {
  const record = Buffer.alloc(22);
  record.writeUInt32LE(0x06054b50, 0);
  record.writeUInt16LE(count, 8);
  record.writeUInt16LE(count, 10);
  record.writeUInt32LE(size, 12);
  record.writeUInt32LE(offset, 16);
  return record;
}
