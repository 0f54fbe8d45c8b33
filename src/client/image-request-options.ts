/** Options for a view's image (`server.views.populateImage(view, options)`), as TSC's ImageRequestOptions. */
export class ImageRequestOptions {
  static readonly Resolution = { High: 'high' } as const;

  constructor(
    /** `ImageRequestOptions.Resolution.High` asks for the high-resolution rendering. */
    public imageResolution?: string,
    /** Minutes a cached image may be old; -1 leaves it to the server. */
    public maxAge = -1,
  ) {}

  toQueryString(): string {
    const parts: string[] = [];
    if (this.imageResolution) parts.push(`resolution=${encodeURIComponent(this.imageResolution)}`);
    if (this.maxAge >= 0) parts.push(`maxAge=${Math.floor(this.maxAge)}`);
    return parts.join('&');
  }
}
