import { attr, element, elements, type DocElement } from './document-xml';

export interface ConnectionFacts {
  /** The connection class (postgres, sqlserver, excel-direct, hyper...), which servers report as the type. */
  type: string;
  serverAddress: string;
  serverPort: string;
  userName: string;
  databaseName: string;
  /** The caption (or name) of the `<datasource>` the connection belongs to. */
  datasourceName: string;
}

/**
 * The connections of one `<datasource>` element as a server lists them: federated wrappers (`class='federated'`)
 * are replaced by their named connections, and extract connections (inside `<extract>`) are left out because the
 * server reports the source the extract was taken from.
 */
export function datasourceConnections(datasource: DocElement, datasourceName: string): ConnectionFacts[] {
  const found: ConnectionFacts[] = [];
  for (const connection of elements(datasource, 'connection')) {
    if (attr(connection, 'class') === 'federated') {
      for (const named of elements(element(connection, 'named-connections'), 'named-connection')) {
        for (const inner of elements(named, 'connection')) found.push(facts(inner, datasourceName));
      }
    } else if (attr(connection, 'class') !== undefined) {
      found.push(facts(connection, datasourceName));
    }
  }
  return found;
}

/** Every connection of a workbook, data source by data source; the Parameters pseudo data source has none. */
export function workbookConnections(workbook: DocElement): ConnectionFacts[] {
  return elements(element(workbook, 'datasources'), 'datasource')
    .filter((datasource) => attr(datasource, 'hasconnection') !== 'false')
    .flatMap((datasource) => datasourceConnections(datasource, attr(datasource, 'caption') ?? attr(datasource, 'name') ?? 'Data Source'));
}

/** Whether a document's data sources declare an enabled extract. */
export function declaresExtract(datasources: DocElement[]): boolean {
  return datasources.some((datasource) => elements(datasource, 'extract').some((extract) => attr(extract, 'enabled') !== 'false'));
}

function facts(connection: DocElement, datasourceName: string): ConnectionFacts {
  return {
    type: attr(connection, 'class') ?? 'unknown',
    serverAddress: attr(connection, 'server') ?? '',
    serverPort: /^\d+$/.test(attr(connection, 'port') ?? '') ? (attr(connection, 'port') as string) : '',
    userName: attr(connection, 'username') ?? '',
    databaseName: attr(connection, 'dbname') ?? '',
    datasourceName,
  };
}
