/** Small but real .twb and .tds documents, generated for the demo seed (downloads of seeded content are real files). */

export interface GeneratedConnection {
  class: string;
  server?: string;
  port?: string;
  username?: string;
  dbname?: string;
  filename?: string;
}

export interface GeneratedDatasource {
  caption: string;
  connection: GeneratedConnection;
  /** Path of the extract inside the package, e.g. Data/Extracts/sales.hyper. */
  extract?: string;
}

export interface GeneratedWorkbook {
  datasources: GeneratedDatasource[];
  worksheets: string[];
  dashboards?: string[];
  /** Worksheets only shown inside a dashboard: hidden tabs, so not views. */
  hidden?: string[];
}

const HEADER = "<?xml version='1.0' encoding='utf-8' ?>";
const USER_NS = "xmlns:user='http://www.tableausoftware.com/xml/user'";

function escape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&apos;').replace(/"/g, '&quot;');
}

function attributes(values: Record<string, string | undefined>): string {
  return Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}='${escape(value as string)}'`)
    .join(' ');
}

function datasourceBody(datasource: GeneratedDatasource, indent: string): string {
  const { connection } = datasource;
  const lines = [
    `${indent}<connection ${attributes({ class: connection.class, dbname: connection.dbname, filename: connection.filename, port: connection.port, server: connection.server, username: connection.username })}>`,
    `${indent}  <relation name='Data' table='[Data]' type='table' />`,
    `${indent}</connection>`,
  ];
  if (datasource.extract) {
    lines.push(
      `${indent}<extract count='-1' enabled='true' units='records'>`,
      `${indent}  <connection ${attributes({ class: 'hyper', dbname: datasource.extract, schema: 'Extract', tablename: 'Extract' })} />`,
      `${indent}</extract>`,
    );
  }
  return lines.join('\n');
}

export function workbookDocument(spec: GeneratedWorkbook): string {
  const names = spec.datasources.map((datasource, index) => `${datasource.connection.class}.${(index + 1).toString(36).padStart(4, '0')}`);
  const datasources = spec.datasources
    .map((datasource, index) => `    <datasource ${attributes({ caption: datasource.caption, inline: 'true', name: names[index], version: '18.1' })}>\n${datasourceBody(datasource, '      ')}\n    </datasource>`)
    .join('\n');
  const sheets = [...spec.worksheets, ...(spec.hidden ?? [])];
  const worksheets = sheets
    .map((name) => `    <worksheet ${attributes({ name })}>\n      <table>\n        <view>\n          <datasources>\n            <datasource ${attributes({ caption: spec.datasources[0]?.caption, name: names[0] })} />\n          </datasources>\n        </view>\n      </table>\n    </worksheet>`)
    .join('\n');
  const dashboards = (spec.dashboards ?? [])
    .map((name) => `    <dashboard ${attributes({ name })}>\n      <size maxheight='800' maxwidth='1000' minheight='800' minwidth='1000' />\n      <zones />\n    </dashboard>`)
    .join('\n');
  const windows = [
    ...(spec.dashboards ?? []).map((name) => `    <window ${attributes({ class: 'dashboard', name })} />`),
    ...spec.worksheets.map((name) => `    <window ${attributes({ class: 'worksheet', name })} />`),
    ...(spec.hidden ?? []).map((name) => `    <window ${attributes({ class: 'worksheet', hidden: 'true', name })} />`),
  ].join('\n');
  return [
    HEADER,
    `<workbook source-build='2024.2.0 (20242.24.0613.1930)' source-platform='win' version='18.1' ${USER_NS}>`,
    `  <datasources>\n${datasources}\n  </datasources>`,
    `  <worksheets>\n${worksheets}\n  </worksheets>`,
    dashboards ? `  <dashboards>\n${dashboards}\n  </dashboards>` : undefined,
    `  <windows>\n${windows}\n  </windows>`,
    '</workbook>',
    '',
  ]
    .filter((line) => line !== undefined)
    .join('\n');
}

export function datasourceDocument(datasource: GeneratedDatasource): string {
  return [
    HEADER,
    `<datasource ${attributes({ caption: datasource.caption, 'formatted-name': datasource.caption, inline: 'true', 'source-platform': 'win', version: '18.1' })} ${USER_NS}>`,
    datasourceBody(datasource, '  '),
    '</datasource>',
    '',
  ].join('\n');
}
