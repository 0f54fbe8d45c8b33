import { crc32, deflateRawSync } from 'node:zlib';
import { centralDirectoryHeader, endOfCentralDirectory, localFileHeader, type ZipEntryFields } from './zip-headers';

export interface ZipInput {
  name: string;
  data: Buffer;
  /** Deflate the entry (text); extracts and other binaries are stored as they are. */
  compress: boolean;
}

// 2024-01-01 00:00 in MS-DOS date/time format, so generated packages are byte-for-byte reproducible.
const DOS_DATE = ((2024 - 1980) << 9) | (1 << 5) | 1;
const DOS_TIME = 0;

/** Builds a small zip in memory (seeded .twbx/.tdsx packages). Not for large files: everything is held at once. */
export function buildZip(inputs: ZipInput[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const input of inputs) {
    const name = Buffer.from(input.name, 'utf8');
    const body = input.compress ? deflateRawSync(input.data) : input.data;
    const entry: ZipEntryFields = {
      versionMadeBy: 20,
      versionNeededToExtract: 20,
      generalPurposeBitFlag: 0,
      compressionMethod: input.compress ? 8 : 0,
      lastModFileTime: DOS_TIME,
      lastModFileDate: DOS_DATE,
      crc32: crc32(input.data),
      compressedSize: body.length,
      uncompressedSize: input.data.length,
      internalFileAttributes: 0,
      externalFileAttributes: 0,
    };
    const local = localFileHeader(entry, name);
    locals.push(local, body);
    centrals.push(centralDirectoryHeader(entry, name, offset));
    offset += local.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  return Buffer.concat([...locals, directory, endOfCentralDirectory(inputs.length, directory.length, offset)]);
}
