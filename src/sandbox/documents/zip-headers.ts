/**
 * The zip records the sandbox writes (APPNOTE 4.3.7, 4.3.12, 4.3.16): local file headers, central directory
 * headers and the end of central directory, without zip64, extra fields or comments. Field names follow yauzl's
 * Entry, so an entry read from one archive can be written into another as it is.
 */

export interface ZipEntryFields {
  versionMadeBy: number;
  versionNeededToExtract: number;
  generalPurposeBitFlag: number;
  compressionMethod: number;
  lastModFileTime: number;
  lastModFileDate: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  internalFileAttributes: number;
  externalFileAttributes: number;
}

export const LOCAL_HEADER_SIZE = 30;

// Bit 3 (sizes in a trailing data descriptor) is cleared: the headers written here carry the sizes. Bit 11 (UTF-8 names) is set.
function flagsOf(entry: ZipEntryFields): number {
  return (entry.generalPurposeBitFlag & ~0x0008) | 0x0800;
}

/**
 * The fields both headers carry in the same order, from "version needed to extract" to "file name length": at
 * offset 4 of a local file header, 6 of a central directory header.
 */
function writeSharedFields(header: Buffer, at: number, entry: ZipEntryFields, name: Buffer): void {
  header.writeUInt16LE(entry.versionNeededToExtract, at);
  header.writeUInt16LE(flagsOf(entry), at + 2);
  header.writeUInt16LE(entry.compressionMethod, at + 4);
  header.writeUInt16LE(entry.lastModFileTime, at + 6);
  header.writeUInt16LE(entry.lastModFileDate, at + 8);
  header.writeUInt32LE(entry.crc32, at + 10);
  header.writeUInt32LE(entry.compressedSize, at + 14);
  header.writeUInt32LE(entry.uncompressedSize, at + 18);
  header.writeUInt16LE(name.length, at + 22);
}

/** The local file header with the name after it; the entry's data follows. */
export function localFileHeader(entry: ZipEntryFields, name: Buffer): Buffer {
  const header = Buffer.alloc(LOCAL_HEADER_SIZE);
  header.writeUInt32LE(0x04034b50, 0);
  writeSharedFields(header, 4, entry, name);
  header.writeUInt16LE(0, 28); // extra field length
  return Buffer.concat([header, name]);
}

/** The central directory header with the name after it; `localOffset` is where the entry's local header starts. */
export function centralDirectoryHeader(entry: ZipEntryFields, name: Buffer, localOffset: number): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(entry.versionMadeBy, 4);
  writeSharedFields(header, 6, entry, name);
  header.writeUInt16LE(0, 30); // extra field length
  header.writeUInt16LE(0, 32); // comment length
  header.writeUInt16LE(0, 34); // disk number
  header.writeUInt16LE(entry.internalFileAttributes, 36);
  header.writeUInt32LE(entry.externalFileAttributes, 38);
  header.writeUInt32LE(localOffset, 42);
  return Buffer.concat([header, name]);
}

/** `count` entries whose central directory of `size` bytes starts at `offset`. */
export function endOfCentralDirectory(count: number, size: number, offset: number): Buffer {
  const record = Buffer.alloc(22);
  record.writeUInt32LE(0x06054b50, 0);
  record.writeUInt16LE(count, 8);
  record.writeUInt16LE(count, 10);
  record.writeUInt32LE(size, 12);
  record.writeUInt32LE(offset, 16);
  return record;
}
