import { apiError } from '../http/api-error';
import { booleanAttribute } from '../xml/attribute-values';
import { attribute, childElement, parseTsRequest, requireChild, type RequestElement } from '../xml/parse';
import type { PublishRules } from './rules';

export interface Credentials {
  name: string;
  password: string;
  embed: boolean;
}

/** `<connections><connection serverAddress serverPort><connectionCredentials/></connection></connections>` */
export interface ConnectionCredentialsFor {
  serverAddress: string;
  serverPort: string | undefined;
  credentials: Credentials;
}

export interface PublishPayload {
  name: string;
  description: string | undefined;
  showTabs: boolean | undefined;
  useRemoteQueryAgent: boolean | undefined;
  projectId: string;
  credentials: Credentials | undefined;
  perConnection: ConnectionCredentialsFor[];
}

/** The request_payload part: `<tsRequest><workbook name showTabs><connectionCredentials/><project id/></workbook></tsRequest>`. */
export function parsePublishPayload(text: string | undefined, rules: PublishRules): PublishPayload {
  if (text === undefined) {
    throw apiError('badRequest', `The multipart body has no request_payload part; send it first, with <tsRequest><${rules.kind} name="..."><project id="..."/></${rules.kind}></tsRequest>.`);
  }
  const element = requireChild(parseTsRequest(text), rules.kind, 'inside <tsRequest> of the request_payload part');
  const name = attribute(element, 'name')?.trim();
  if (!name) throw apiError('badRequest', `The <${rules.kind}> element of request_payload needs a non-empty name attribute.`);
  const projectId = attribute(requireChild(element, 'project', `inside <${rules.kind}>`), 'id');
  if (!projectId) throw apiError('badRequest', `The <project> element of request_payload needs the id of the project to publish into.`);
  const credentialsElement = childElement(element, 'connectionCredentials');
  return {
    name,
    description: attribute(element, 'description'),
    showTabs: booleanAttribute(element, 'showTabs'),
    useRemoteQueryAgent: booleanAttribute(element, 'useRemoteQueryAgent'),
    projectId,
    credentials: credentialsElement ? readCredentials(credentialsElement) : undefined,
    perConnection: readPerConnection(element),
  };
}

function readCredentials(element: RequestElement): Credentials {
  const embed = attribute(element, 'embed');
  if (embed !== undefined && embed !== 'true' && embed !== 'false') {
    throw apiError('invalidParameterValue', `The embed attribute of <connectionCredentials> must be true or false, not '${embed}'.`);
  }
  return { name: attribute(element, 'name') ?? '', password: attribute(element, 'password') ?? '', embed: embed === 'true' };
}

function readPerConnection(element: RequestElement): ConnectionCredentialsFor[] {
  const list = childElement(element, 'connections')?.connection;
  const connections = list === undefined ? [] : Array.isArray(list) ? list : typeof list === 'string' ? [] : [list];
  return connections.flatMap((connection) => {
    const credentials = childElement(connection, 'connectionCredentials');
    if (!credentials) return [];
    return [{ serverAddress: attribute(connection, 'serverAddress') ?? '', serverPort: attribute(connection, 'serverPort'), credentials: readCredentials(credentials) }];
  });
}
