import { open as openZip, type Entry, type ZipFile } from 'yauzl';

/** A read-only view of a zip file (a .twbx or .tdsx) with yauzl: its entry list, and one entry's text on demand. */
export class ZipArchive {
  private constructor(
    private readonly zip: ZipFile,
    readonly entries: readonly Entry[],
  ) {}

  /** Opens the archive and reads its central directory; rejects when the file is not a readable zip. */
  static open(path: string): Promise<ZipArchive> {
    return new Promise((resolve, reject) => {
      openZip(path, { lazyEntries: true, autoClose: false }, (error, zip) => {
        if (error || !zip) {
          reject(error ?? new Error('the zip could not be opened'));
          return;
        }
        const entries: Entry[] = [];
        zip.on('entry', (entry: Entry) => {
          entries.push(entry);
          zip.readEntry();
        });
        zip.once('end', () => resolve(new ZipArchive(zip, entries)));
        zip.once('error', (failure: Error) => {
          zip.close();
          reject(failure);
        });
        zip.readEntry();
      });
    });
  }

  /** Entries at the root of the archive (no folder part) whose name ends with `.extension`. */
  rootEntries(extension: string): Entry[] {
    const suffix = `.${extension.toLowerCase()}`;
    return this.entries.filter((entry) => !entry.fileName.includes('/') && entry.fileName.toLowerCase().endsWith(suffix));
  }

  /** The entry's contents as UTF-8 text, refusing entries larger than `limitBytes`. */
  async readText(entry: Entry, limitBytes: number): Promise<string> {
    if (entry.uncompressedSize > limitBytes) {
      throw new Error(`${entry.fileName} is ${entry.uncompressedSize} bytes, more than the ${limitBytes} bytes the sandbox reads`);
    }
    const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) => {
      this.zip.openReadStream(entry, (error, readable) => (error || !readable ? reject(error ?? new Error('unreadable entry')) : resolve(readable)));
    });
    const chunks: Buffer[] = [];
    for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
  }

  close(): void {
    this.zip.close();
  }
}
