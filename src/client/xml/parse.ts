import { XMLParser } from 'fast-xml-parser';

/** An element as parsed: attributes under `$`, child elements by local name, text under `#text`. */
export interface XmlElement {
  $?: Record<string, string>;
  '#text'?: string;
  [child: string]: unknown;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributesGroupName: '$',
  attributeNamePrefix: '',
  removeNSPrefix: true,
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: true,
  // Entities are decoded lazily by `attr`/`text` instead: only values containing `&` pay for it, which keeps
  // parsing large pages cheap, and no entity defined by the document can ever be expanded.
  processEntities: false,
});

const namedEntities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes XML's five named entities and numeric character references. */
export function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] !== '#') return namedEntities[entity] ?? whole;
    const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

export class XmlParseError extends Error {}

/**
 * Parses a REST API response body. Tableau never sends a DOCTYPE, and a DOCTYPE is how entity-expansion attacks
 * arrive, so a body carrying one is refused before parsing.
 */
export function parseXml(text: string): XmlElement {
  if (/<!DOCTYPE/i.test(text)) throw new XmlParseError('The response declares a DOCTYPE, which the Tableau REST API never sends; refusing to parse it.');
  let parsed: unknown;
  try {
    parsed = parser.parse(text);
  } catch (error) {
    throw new XmlParseError(`The response is not well-formed XML: ${(error as Error).message}`);
  }
  return (parsed ?? {}) as XmlElement;
}

export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  const value = element?.[name];
  if (value === undefined) return undefined;
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return typeof first === 'object' && first !== null ? (first as XmlElement) : { '#text': String(first) };
}

/** Child elements with this name, always as an array (one child parses as an object, several as an array). */
export function children(element: XmlElement | undefined, name: string): XmlElement[] {
  const value = element?.[name];
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((item) => (typeof item === 'object' && item !== null ? (item as XmlElement) : { '#text': String(item) }));
}

export function attr(element: XmlElement | undefined, name: string): string | undefined {
  const value = element?.$?.[name];
  return value === undefined ? undefined : decodeEntities(value);
}

export function text(element: XmlElement | undefined): string | undefined {
  const value = element?.['#text'];
  return value === undefined ? undefined : decodeEntities(String(value));
}

export function boolAttr(element: XmlElement | undefined, name: string): boolean | undefined {
  const value = attr(element, name);
  return value === undefined ? undefined : value === 'true';
}

export function intAttr(element: XmlElement | undefined, name: string): number | undefined {
  const value = attr(element, name);
  if (value === undefined || value === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

export function dateAttr(element: XmlElement | undefined, name: string): Date | undefined {
  const value = attr(element, name);
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
