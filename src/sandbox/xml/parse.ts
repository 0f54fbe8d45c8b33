import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { apiError } from '../http/api-error';

/** A parsed request element: attributes under '@_name', children under their local name (namespace removed). */
export interface RequestElement {
  [key: string]: string | RequestElement | RequestElement[] | undefined;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  htmlEntities: true,
  trimValues: true,
});

/**
 * Parses a `<tsRequest>` body, with or without the http://tableau.com/api namespace. DOCTYPE is refused before
 * parsing: entity declarations are an expansion (billion laughs) and external-entity risk, and real servers refuse them too.
 */
export function parseTsRequest(body: string): RequestElement {
  if (body.trim() === '') {
    throw apiError('badRequest', 'The request body is empty. Send a <tsRequest> XML document.');
  }
  if (/<!DOCTYPE/i.test(body)) {
    throw apiError('badRequest', 'The request body contains a DOCTYPE declaration, which is not allowed. Remove it.');
  }
  const validation = XMLValidator.validate(body);
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    throw apiError('badRequest', `The request body is not well-formed XML (line ${line}, column ${col}): ${msg}`);
  }
  const parsed: unknown = parser.parse(body);
  const root = isElement(parsed) ? parsed.tsRequest : undefined;
  if (!isElement(root)) {
    throw apiError('badRequest', 'The request body must have a <tsRequest> root element.');
  }
  return root;
}

function isElement(value: unknown): value is RequestElement {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The single child element `name`, or undefined. A repeated element is a client mistake, reported as such. */
export function childElement(parent: RequestElement, name: string): RequestElement | undefined {
  const child = parent[name];
  if (child === undefined || child === '') return child === '' ? {} : undefined;
  if (Array.isArray(child)) {
    throw apiError('badRequest', `The <${name}> element appears more than once; send exactly one.`);
  }
  return typeof child === 'string' ? {} : child;
}

export function requireChild(parent: RequestElement, name: string, context: string): RequestElement {
  const child = childElement(parent, name);
  if (!child) {
    throw apiError('badRequest', `The request body is missing the <${name}> element ${context}.`);
  }
  return child;
}

export function attribute(element: RequestElement, name: string): string | undefined {
  const value = element[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
}
