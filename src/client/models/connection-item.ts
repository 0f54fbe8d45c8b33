import { attr, boolAttr, child, children, type XmlElement } from '../xml/parse';
import type { ConnectionCredentials } from './connection-credentials';

/** One data connection of a workbook or data source. */
export class ConnectionItem {
  id?: string;
  /** The connection class, e.g. `sqlserver`, `postgres`, `excel-direct`. */
  connectionType?: string;
  serverAddress?: string;
  serverPort?: string;
  username?: string;
  /** Never sent back by the server; set it to change the password with `updateConnection`. */
  password?: string;
  embedPassword?: boolean;
  datasourceId?: string;
  datasourceName?: string;
  queryTagging?: boolean;
  authenticationType?: string;
  /** Credentials to send when publishing with per-connection credentials. */
  connectionCredentials?: ConnectionCredentials;

  static fromElement(element: XmlElement): ConnectionItem {
    const connection = new ConnectionItem();
    connection.id = attr(element, 'id');
    connection.connectionType = attr(element, 'type');
    connection.serverAddress = attr(element, 'serverAddress');
    connection.serverPort = attr(element, 'serverPort');
    connection.username = attr(element, 'userName');
    connection.embedPassword = boolAttr(element, 'embedPassword');
    connection.queryTagging = boolAttr(element, 'queryTaggingEnabled');
    connection.authenticationType = attr(element, 'authenticationType');
    const datasource = child(element, 'datasource');
    connection.datasourceId = attr(datasource, 'id');
    connection.datasourceName = attr(datasource, 'name');
    return connection;
  }

  static listFromResponse(response: XmlElement): ConnectionItem[] {
    return children(child(response, 'connections'), 'connection').map((element) => ConnectionItem.fromElement(element));
  }
}
