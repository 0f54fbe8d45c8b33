/**
 * The query string kept raw. Filter and sort expressions must be split on their literal separators before
 * percent-decoding, so a value containing an encoded ':' ',' '[' ']' or '&' survives (see filter.ts).
 */
export class RawQuery {
  private readonly entries: Array<{ key: string; rawValue: string }> = [];

  constructor(rawQueryString: string) {
    for (const part of rawQueryString.split('&')) {
      if (part === '') continue;
      const eq = part.indexOf('=');
      const rawKey = eq === -1 ? part : part.slice(0, eq);
      const rawValue = eq === -1 ? '' : part.slice(eq + 1);
      this.entries.push({ key: safeDecode(rawKey) ?? rawKey, rawValue });
    }
  }

  /** The undecoded value of the first `name=` parameter. */
  getRaw(name: string): string | undefined {
    return this.entries.find((entry) => entry.key === name)?.rawValue;
  }

  /** The decoded value of the first `name=` parameter; a malformed escape yields the raw text. */
  get(name: string): string | undefined {
    const raw = this.getRaw(name);
    return raw === undefined ? undefined : safeDecode(raw) ?? raw;
  }

  has(name: string): boolean {
    return this.entries.some((entry) => entry.key === name);
  }
}

/** Decodes like a Java servlet decodes form-encoded query text: '+' is a space, then %XX as UTF-8. */
export function decodeQueryComponent(raw: string): string {
  return decodeURIComponent(raw.replace(/\+/g, ' '));
}

export function safeDecode(raw: string): string | undefined {
  try {
    return decodeQueryComponent(raw);
  } catch {
    return undefined;
  }
}
