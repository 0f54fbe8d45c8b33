import { apiError } from '../http/api-error';
import type { RequestContext } from '../http/context';
import type { ConnectionRecord } from '../state/content-types';
import { booleanAttribute } from '../xml/attribute-values';
import { attribute, requireChild } from '../xml/parse';

/**
 * Applies an Update Workbook/Data Source Connection body to a stored connection:
 * `<tsRequest><connection serverAddress serverPort userName password embedPassword queryTaggingEnabled/></tsRequest>`.
 * Later downloads keep the published file as it was; only the connection record changes.
 */
export async function applyConnectionUpdate(ctx: RequestContext, connection: ConnectionRecord): Promise<void> {
  const element = requireChild(await ctx.readTsRequest(), 'connection', 'inside <tsRequest>');
  const serverPort = attribute(element, 'serverPort');
  if (serverPort !== undefined && serverPort !== '' && !/^\d{1,5}$/.test(serverPort)) {
    throw apiError('badRequest', `The serverPort attribute must be a port number, not '${serverPort}'.`);
  }
  const embedPassword = booleanAttribute(element, 'embedPassword');
  const queryTaggingEnabled = booleanAttribute(element, 'queryTaggingEnabled');
  connection.serverAddress = attribute(element, 'serverAddress') ?? connection.serverAddress;
  connection.serverPort = serverPort ?? connection.serverPort;
  connection.userName = attribute(element, 'userName') ?? connection.userName;
  connection.password = attribute(element, 'password') ?? connection.password;
  connection.embedPassword = embedPassword ?? connection.embedPassword;
  connection.queryTaggingEnabled = queryTaggingEnabled ?? connection.queryTaggingEnabled;
}

export function findConnection(connections: ConnectionRecord[], connectionId: string, owner: string): ConnectionRecord {
  const connection = connections.find((candidate) => candidate.id === connectionId.toLowerCase());
  if (!connection) throw apiError('connectionNotFound', `Connection '${connectionId}' could not be found in ${owner}.`);
  return connection;
}
