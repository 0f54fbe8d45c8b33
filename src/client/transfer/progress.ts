/** What `onProgress` receives while publishing: file bytes handed to the network so far. */
export interface UploadProgress {
  bytesSent: number;
  totalBytes: number;
}

/** What `onProgress` receives while downloading; `totalBytes` when the server announced a length. */
export interface DownloadProgress {
  bytesReceived: number;
  totalBytes?: number;
}

/**
 * Calls a progress listener. A retried chunk is sent again from its start; progress never goes backwards for
 * that, it only moves on once the retry passes the point already reported. A listener that throws must not
 * break the transfer it is watching, so its errors are ignored.
 */
export class ProgressReporter<P> {
  private reported = -1;

  constructor(
    private readonly listener: ((progress: P) => void) | undefined,
    private readonly toProgress: (bytes: number) => P,
  ) {}

  report(bytes: number): void {
    if (!this.listener || bytes <= this.reported) return;
    this.reported = bytes;
    try {
      this.listener(this.toProgress(bytes));
    } catch {
      // Progress is advisory; see above.
    }
  }
}
