import { XMLBuilder } from 'fast-xml-parser';

/**
 * An element as the builder takes it: attributes are keys starting with '@_', children are other keys, in the
 * order the XSD sequence wants them (object key order is preserved). Undefined values are left out.
 */
export type XmlNode = { [key: string]: XmlValue };
export type XmlValue = string | number | boolean | undefined | XmlNode | XmlNode[];

export const TABLEAU_NAMESPACE = 'http://tableau.com/api';
const SCHEMA_LOCATION = `${TABLEAU_NAMESPACE} https://help.tableau.com/samples/en-us/rest_api/ts-api_3_29.xsd`;
const XML_DECLARATION = "<?xml version='1.0' encoding='UTF-8'?>";

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  suppressEmptyNode: true,
  // Without this, true-valued attributes are written bare (`<project topLevelProject>`), which is not XML.
  suppressBooleanAttributes: false,
  processEntities: true,
  format: false,
});

/** Wraps the given children in a `<tsResponse>` with the namespace and schema location real servers send. */
export function buildTsResponse(children: XmlNode): string {
  const root: XmlNode = {
    '@_xmlns': TABLEAU_NAMESPACE,
    '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    '@_xsi:schemaLocation': SCHEMA_LOCATION,
    ...withoutUndefined(children),
  };
  return XML_DECLARATION + builder.build({ tsResponse: root });
}

function withoutUndefined(node: XmlNode): XmlNode {
  const out: XmlNode = {};
  for (const [key, value] of Object.entries(node)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) out[key] = value.map(withoutUndefined);
    else if (typeof value === 'object') out[key] = withoutUndefined(value);
    else out[key] = value;
  }
  return out;
}

/** Attributes from a plain record: `attrs({ id, name })` → `{ '@_id': id, '@_name': name }`, skipping undefined. */
export function attrs(values: Record<string, string | number | boolean | undefined | null>): XmlNode {
  const out: XmlNode = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null) continue;
    out[`@_${key}`] = String(value);
  }
  return out;
}
