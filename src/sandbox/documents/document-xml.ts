import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** A parsed Tableau document element: attributes under '@_name', child elements under their names. */
export interface DocElement {
  [key: string]: string | DocElement | DocElement[] | undefined;
}

// Elements that may repeat; always parsed as arrays so one and many read the same way.
const REPEATED = new Set(['datasource', 'connection', 'named-connection', 'worksheet', 'dashboard', 'window', 'extract']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: false,
  isArray: (name) => REPEATED.has(name),
});

/**
 * Parses a .twb or .tds document and returns its root element, which must be `rootName`. Throws an Error whose
 * message says what is wrong (not XML, wrong root, a DOCTYPE, which is refused for entity-expansion safety).
 */
export function parseDocument(xml: string, rootName: 'workbook' | 'datasource'): DocElement {
  const text = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
  if (/<!DOCTYPE/i.test(text.slice(0, 4096))) throw new Error('it contains a DOCTYPE declaration, which Tableau documents never have');
  const validation = XMLValidator.validate(text);
  if (validation !== true) {
    throw new Error(`it is not well-formed XML (line ${validation.err.line}, column ${validation.err.col}: ${validation.err.msg})`);
  }
  const parsed = parser.parse(text) as DocElement;
  const roots = Object.keys(parsed).filter((key) => key !== '?xml' && !key.startsWith('#'));
  const root = parsed[rootName];
  if (roots.length !== 1 || root === undefined) {
    throw new Error(`its root element is <${roots[0] ?? 'nothing'}>, not <${rootName}>`);
  }
  const element = Array.isArray(root) ? root[0] : root;
  return typeof element === 'string' ? {} : element;
}

export function attr(element: DocElement | undefined, name: string): string | undefined {
  const value = element?.[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
}

/** Child elements named `name` (always an array). */
export function elements(parent: DocElement | undefined, name: string): DocElement[] {
  const value = parent?.[name];
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((item) => (typeof item === 'string' ? {} : item));
}

export function element(parent: DocElement | undefined, name: string): DocElement | undefined {
  return elements(parent, name)[0];
}
