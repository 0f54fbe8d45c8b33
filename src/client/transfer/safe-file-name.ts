import contentDisposition from 'content-disposition';

const forbiddenCharacters = /[<>:"/\\|?*\u0000-\u001F\u007F]/g;
const windowsReservedName = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
const maxNameBytes = 255;

/**
 * Turns a name chosen by someone else (a server's Content-Disposition, an item's name) into a file name that is
 * safe to create in the folder the user chose: the last path segment only, no `..`, nothing a file system
 * rejects (Windows' `<>:"/\|?*`, control characters, trailing dots and spaces, reserved names such as CON),
 * at most 255 UTF-8 bytes, never empty (`fallback` then).
 */
export function safeFileName(name: string | undefined, fallback = 'download'): string {
  return sanitizeFileName(name) || sanitizeFileName(fallback) || 'download';
}

/** `safeFileName` without a fallback: '' when nothing usable is left. */
export function sanitizeFileName(name: string | undefined): string {
  const lastSegment = (name ?? '').split(/[/\\]/).filter((part) => part !== '').pop() ?? '';
  let cleaned = lastSegment
    .normalize('NFC')
    .replace(forbiddenCharacters, '_')
    .trim()
    // A leading dot would hide the file and `..` would climb out of the folder; Windows drops trailing dots and spaces.
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (windowsReservedName.test(cleaned)) cleaned = `_${cleaned}`;
  return truncateToBytes(cleaned, maxNameBytes);
}

/**
 * The file name a `Content-Disposition` header proposes (RFC 6266; `filename*` with RFC 5987 encoding wins over
 * `filename`), or undefined when there is none or the header cannot be read. Tableau Server sends the header
 * without a disposition type (`name="tableau_workbook"; filename="Sales.twbx"`), which is read as well.
 */
export function fileNameFromContentDisposition(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value || !value.trim()) return undefined;
  const plain = withoutExtendedFileName(value);
  const candidates = [value, `attachment; ${value}`, plain, `attachment; ${plain}`];
  for (const candidate of candidates) {
    try {
      const name = contentDisposition.parse(candidate).parameters.filename;
      return name === undefined || name === '' ? undefined : name;
    } catch {
      // Try the next reading; a header none of them parses is treated as absent.
    }
  }
  return undefined;
}

/** A `filename*` in a charset the parser does not know must not hide a plain `filename` beside it. */
function withoutExtendedFileName(value: string): string {
  return value.replace(/;?\s*filename\*\s*=\s*[^;]*/i, '').replace(/^\s*;\s*/, '');
}

/** Keeps the extension when a name must be shortened. */
function truncateToBytes(name: string, limit: number): string {
  if (Buffer.byteLength(name, 'utf8') <= limit) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
  const characters = Array.from(name.slice(0, name.length - extension.length));
  while (characters.length > 0 && Buffer.byteLength(characters.join('') + extension, 'utf8') > limit) characters.pop();
  return (characters.join('') + extension).replace(/[.\s]+$/, '');
}
