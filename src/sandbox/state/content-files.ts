import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { newLuid } from './ids';
import type { ContentFileType, StoredFile } from './content-types';

/**
 * Where published and uploaded bytes live inside the sandbox's data folder: `tmp/` for bodies being received,
 * `uploads/` for upload sessions, `content/` for published files (one file per published revision).
 */
export class ContentFiles {
  constructor(private readonly dataDir: string) {}

  private folder(name: 'tmp' | 'uploads' | 'content'): string {
    return join(this.dataDir, name);
  }

  /** A fresh path for a body being received; the folder exists when this resolves. */
  async tempPath(): Promise<string> {
    await mkdir(this.folder('tmp'), { recursive: true });
    return join(this.folder('tmp'), newLuid());
  }

  async uploadPath(): Promise<string> {
    await mkdir(this.folder('uploads'), { recursive: true });
    return join(this.folder('uploads'), `${newLuid()}.upload`);
  }

  /** Moves a fully received file into the published content. */
  async adopt(receivedPath: string, size: number, fileType: ContentFileType): Promise<StoredFile> {
    await mkdir(this.folder('content'), { recursive: true });
    const path = join(this.folder('content'), `${newLuid()}.${fileType}`);
    await rename(receivedPath, path);
    return { path, size, fileType };
  }

  /** Synchronous write of generated content (seeds). */
  writeSync(bytes: Buffer, fileType: ContentFileType): StoredFile {
    mkdirSync(this.folder('content'), { recursive: true });
    const path = join(this.folder('content'), `${newLuid()}.${fileType}`);
    writeFileSync(path, bytes);
    return { path, size: bytes.length, fileType };
  }

  /** Removes a file the sandbox wrote; a file already gone is fine. */
  async remove(path: string): Promise<void> {
    await rm(path, { force: true });
  }
}
