import { XMLBuilder } from 'fast-xml-parser';

/** An element to send: attributes (undefined ones are left out) and child elements in order. */
export interface RequestElement {
  name: string;
  attributes?: Record<string, string | number | boolean | undefined>;
  children?: RequestElement[];
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributesGroupName: '$',
  attributeNamePrefix: '',
  suppressEmptyNode: true,
  processEntities: true,
  // The default writes a `true` attribute as a bare name, which is not XML.
  suppressBooleanAttributes: false,
});

// XML 1.0 cannot carry these characters at all, escaped or not; sending them would make the request unparseable.
const invalidXmlChars = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function toObject(element: RequestElement): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(element.attributes ?? {})) {
    if (value !== undefined) attributes[key] = String(value).replace(invalidXmlChars, '');
  }
  if (Object.keys(attributes).length > 0) body.$ = attributes;
  for (const child of element.children ?? []) {
    const existing = body[child.name];
    const converted = toObject(child);
    if (existing === undefined) body[child.name] = converted;
    else body[child.name] = Array.isArray(existing) ? [...existing, converted] : [existing, converted];
  }
  return body;
}

/** `<tsRequest>` around the given elements, every attribute value escaped. */
export function buildRequest(...elements: RequestElement[]): string {
  return builder.build({ tsRequest: toObject({ name: 'tsRequest', children: elements }) }) as string;
}

export function el(name: string, attributes?: RequestElement['attributes'], ...children: RequestElement[]): RequestElement {
  return { name, attributes, children };
}
