import { datasourceConnections, workbookConnections } from '../documents/connections';
import { parseDocument } from '../documents/document-xml';
import { datasourceDocument, workbookDocument, type GeneratedConnection, type GeneratedDatasource } from '../documents/generate';
import { workbookSheets } from '../documents/sheets';
import { buildZip, type ZipInput } from '../documents/zip-writer';
import { connectionRecords, replaceViews } from '../publishing/content-records';
import type { ContentFileType, NewContentPlacement, StoredFile } from './content-types';
import { newLuid } from './ids';
import type { SandboxState } from './store';
import type { SiteRecord } from './types';

/** Workbooks and data sources of the demo seed, with real generated files behind them. */

/** What demo workbooks and data sources both say: where they are, who owns them, and their dates. */
interface DemoContent {
  name: string;
  project: string;
  owner: string;
  description?: string;
  createdAt: string;
  updatedAt: string;
  tags: string[];
}

interface DemoWorkbook extends DemoContent {
  packaged: boolean;
  showTabs: boolean;
  source: GeneratedDatasource;
  worksheets: string[];
  dashboards?: string[];
  hidden?: string[];
  /** Bytes of the extract (or data file) packaged with a .twbx. */
  dataBytes?: number;
  /** Views' total view counts, in tab order (dashboards first). */
  viewCounts: number[];
}

interface DemoDatasource extends DemoContent {
  fileType: 'tds' | 'tdsx' | 'hyper';
  certified?: string;
  source: GeneratedDatasource;
  dataBytes?: number;
}

const pg = (server: string, dbname: string, username: string): GeneratedConnection => ({ class: 'postgres', server, port: '5432', dbname, username });
const mssql = (server: string, dbname: string, username: string): GeneratedConnection => ({ class: 'sqlserver', server, port: '1433', dbname, username });

const WORKBOOKS: Record<string, DemoWorkbook[]> = {
  '': [
    {
      name: 'Regional Sales', project: 'Sales', owner: 'alice', packaged: true, showTabs: true, tags: ['sales', 'kpi'],
      description: 'Bookings and revenue by region, refreshed nightly.', createdAt: '2024-02-05T09:12:00Z', updatedAt: '2026-01-12T07:30:00Z',
      source: { caption: 'Sales (sales_dw)', connection: pg('sales-db.example.com', 'sales_dw', 'sales_reader'), extract: 'Data/Extracts/regional_sales.hyper' },
      dashboards: ['Sales Overview'], worksheets: ['Revenue by Region', 'Bookings Trend', 'Top Accounts'], hidden: ['Region Map'],
      dataBytes: 1_800_000, viewCounts: [412, 268, 133, 97],
    },
    {
      name: 'Pipeline Review', project: 'Pipeline', owner: 'alice', packaged: false, showTabs: true, tags: ['pipeline'],
      createdAt: '2024-03-11T10:00:00Z', updatedAt: '2025-11-03T16:45:00Z',
      source: { caption: 'Opportunities (crm)', connection: mssql('crm-sql.example.com', 'crm', 'crm_ro') },
      worksheets: ['Weekly Pipeline', 'Stage Conversion'], dashboards: ['Forecast'], viewCounts: [188, 75, 61],
    },
    {
      name: 'EMEA Bookings', project: 'EMEA', owner: 'dave', packaged: true, showTabs: false, tags: ['sales', 'emea'],
      createdAt: '2024-04-02T08:20:00Z', updatedAt: '2025-09-18T11:05:00Z',
      source: { caption: 'Bookings (EMEA Bookings.xlsx)', connection: { class: 'excel-direct', filename: 'Data/EMEA Bookings.xlsx' } },
      worksheets: ['Bookings by Country', 'Quarter over Quarter'], dataBytes: 240_000, viewCounts: [54, 23],
    },
    {
      name: 'Carrier Performance', project: 'Logistics', owner: 'dave', packaged: true, showTabs: true, tags: ['logistics', 'operations'],
      description: 'On-time delivery and cost per carrier.', createdAt: '2024-04-25T13:40:00Z', updatedAt: '2026-02-02T09:00:00Z',
      source: { caption: 'Shipments (ops)', connection: { class: 'mysql', server: 'ops-db.example.com', port: '3306', dbname: 'ops', username: 'ops_reader' }, extract: 'Data/Extracts/shipments.hyper' },
      dashboards: ['Carrier Scorecard'], worksheets: ['On-Time Delivery', 'Cost per Shipment'], dataBytes: 1_100_000, viewCounts: [221, 140, 88],
    },
    {
      name: 'Company KPIs', project: 'Executive Dashboards', owner: 'admin', packaged: false, showTabs: false, tags: ['exec', 'kpi'],
      createdAt: '2024-05-03T07:00:00Z', updatedAt: '2026-03-01T06:15:00Z',
      source: { caption: 'Finance Mart', connection: { class: 'snowflake', server: 'acme.snowflakecomputing.com', port: '443', dbname: 'FINANCE_MART', username: 'TABLEAU_SVC' } },
      dashboards: ['Executive Summary'], worksheets: ['Revenue', 'Headcount', 'Operating Margin'], viewCounts: [903, 310, 122, 115],
    },
  ],
  marketing: [
    {
      name: 'Campaign Performance', project: 'Campaigns', owner: 'carol', packaged: true, showTabs: true, tags: ['marketing', 'campaigns'],
      createdAt: '2024-06-04T12:00:00Z', updatedAt: '2026-01-20T10:10:00Z',
      source: { caption: 'Campaigns (marketing)', connection: pg('mkt-db.example.com', 'marketing', 'analyst'), extract: 'Data/Extracts/campaigns.hyper' },
      dashboards: ['Campaign Dashboard'], worksheets: ['Spend vs Leads', 'Channel Mix'], dataBytes: 600_000, viewCounts: [350, 120, 84],
    },
    {
      name: 'Social Engagement', project: 'Social', owner: 'alice', packaged: false, showTabs: false, tags: ['social'],
      createdAt: '2026-01-08T15:30:00Z', updatedAt: '2026-02-14T09:45:00Z',
      source: { caption: 'Engagement (bigquery)', connection: { class: 'bigquery', server: 'bigquery.googleapis.com', dbname: 'social_analytics', username: 'svc-tableau' } },
      worksheets: ['Engagement by Network', 'Follower Growth'], viewCounts: [47, 31],
    },
  ],
  finance: [
    {
      name: 'Budget vs Actuals', project: 'Budget', owner: 'dave', packaged: true, showTabs: true, tags: ['finance', 'budget'],
      createdAt: '2024-03-05T09:00:00Z', updatedAt: '2026-02-27T18:00:00Z',
      source: { caption: 'Budget (Budget 2026.xlsx)', connection: { class: 'excel-direct', filename: 'Data/Budget 2026.xlsx' } },
      dashboards: ['Variance Overview'], worksheets: ['By Cost Center', 'By Month'], dataBytes: 180_000, viewCounts: [260, 150, 90],
    },
    {
      name: 'Monthly Close', project: 'Monthly Close', owner: 'erin', packaged: false, showTabs: true, tags: ['finance', 'close'],
      createdAt: '2024-01-26T08:00:00Z', updatedAt: '2026-03-02T08:00:00Z',
      source: { caption: 'General Ledger', connection: { class: 'oracle', server: 'erp-db.example.com', port: '1521', dbname: 'ERP', username: 'gl_read' } },
      worksheets: ['Close Checklist', 'Journal Entries', 'Trial Balance'], viewCounts: [75, 64, 58],
    },
  ],
};

const DATASOURCES: Record<string, DemoDatasource[]> = {
  '': [
    {
      name: 'Sales Warehouse', project: 'Sales', owner: 'alice', fileType: 'tds', tags: ['sales', 'certified'], certified: 'Owned by Sales Ops.',
      description: 'Curated sales facts and dimensions.', createdAt: '2024-02-02T11:00:00Z', updatedAt: '2025-12-01T09:00:00Z',
      source: { caption: 'Sales Warehouse', connection: pg('sales-db.example.com', 'sales_dw', 'sales_reader') },
    },
    {
      name: 'CRM Accounts', project: 'North America', owner: 'alice', fileType: 'tdsx', tags: ['crm'],
      createdAt: '2024-02-20T14:00:00Z', updatedAt: '2026-02-10T05:00:00Z',
      source: { caption: 'CRM Accounts', connection: mssql('crm-sql.example.com', 'crm', 'crm_ro'), extract: 'Data/Extracts/crm_accounts.hyper' },
      dataBytes: 1_500_000,
    },
    {
      name: 'Shipping Extract', project: 'Logistics', owner: 'dave', fileType: 'hyper', tags: ['logistics'],
      createdAt: '2024-04-21T10:30:00Z', updatedAt: '2026-02-28T04:00:00Z',
      source: { caption: 'Shipping Extract', connection: { class: 'hyper' } }, dataBytes: 700_000,
    },
    {
      name: 'Inventory Sheets', project: 'Operations', owner: 'dave', fileType: 'tdsx', tags: ['operations'],
      createdAt: '2024-04-14T09:00:00Z', updatedAt: '2025-10-07T12:00:00Z',
      source: { caption: 'Inventory (Inventory.xlsx)', connection: { class: 'excel-direct', filename: 'Data/Inventory.xlsx' } }, dataBytes: 90_000,
    },
  ],
  marketing: [
    {
      name: 'Web Analytics', project: 'Brand', owner: 'carol', fileType: 'tds', tags: ['web'],
      createdAt: '2024-07-22T10:00:00Z', updatedAt: '2026-01-05T10:00:00Z',
      source: { caption: 'Web Analytics', connection: { class: 'bigquery', server: 'bigquery.googleapis.com', dbname: 'web_analytics', username: 'svc-tableau' } },
    },
  ],
  finance: [
    {
      name: 'GL Extract', project: 'Reporting', owner: 'erin', fileType: 'tdsx', tags: ['finance', 'certified'], certified: 'Reconciled monthly by Finance.',
      createdAt: '2024-01-21T08:00:00Z', updatedAt: '2026-03-01T02:00:00Z',
      source: { caption: 'GL Extract', connection: { class: 'oracle', server: 'erp-db.example.com', port: '1521', dbname: 'ERP', username: 'gl_read' }, extract: 'Data/Extracts/gl.hyper' },
      dataBytes: 900_000,
    },
  ],
};

/** Adds the demo workbooks (with views) and data sources to the seeded sites; files go to the data folder. */
export function seedDemoContent(state: SandboxState): void {
  for (const site of state.sites.values()) {
    for (const demo of WORKBOOKS[site.contentUrl] ?? []) addWorkbook(state, site, demo);
    for (const demo of DATASOURCES[site.contentUrl] ?? []) addDatasource(state, site, demo);
  }
}

function addWorkbook(state: SandboxState, site: SiteRecord, demo: DemoWorkbook): void {
  const xml = workbookDocument({ datasources: [demo.source], worksheets: demo.worksheets, dashboards: demo.dashboards, hidden: demo.hidden });
  const root = parseDocument(xml, 'workbook');
  const file = demo.packaged
    ? store(state, 'twbx', packaged(`${demo.name}.twb`, xml, demo.source, demo.dataBytes))
    : store(state, 'twb', Buffer.from(xml, 'utf8'));
  const workbook = state.content.workbooks.add({
    ...state.content.newContentFields('workbook', placement(state, site, demo)),
    file,
    connections: connectionRecords(workbookConnections(root), { credentials: undefined, perConnection: [] }),
    hasExtracts: demo.source.extract !== undefined,
    showTabs: demo.showTabs,
  });
  replaceViews(state, workbook, workbookSheets(root), Date.parse(demo.updatedAt));
  state.content.viewsOf(workbook).forEach((view, index) => {
    view.totalViewCount = demo.viewCounts[index] ?? 0;
    view.createdAt = demo.createdAt;
  });
}

function addDatasource(state: SandboxState, site: SiteRecord, demo: DemoDatasource): void {
  const id = newLuid();
  const xml = datasourceDocument(demo.source);
  let file: StoredFile;
  let connections = datasourceConnections(parseDocument(xml, 'datasource'), demo.name);
  if (demo.fileType === 'hyper') {
    file = store(state, 'hyper', filler(demo.dataBytes ?? 100_000, demo.name));
    connections = [{ type: 'hyper', serverAddress: '', serverPort: '', userName: '', databaseName: `${demo.name}.hyper`, datasourceName: demo.name }];
  } else if (demo.fileType === 'tdsx') {
    file = store(state, 'tdsx', packaged(`${demo.name}.tds`, xml, demo.source, demo.dataBytes));
  } else {
    file = store(state, 'tds', Buffer.from(xml, 'utf8'));
  }
  state.content.datasources.add({
    ...state.content.newContentFields('datasource', { ...placement(state, site, demo), id }),
    file,
    connections: connectionRecords(connections, { credentials: undefined, perConnection: [] }, { id, name: demo.name }),
    hasExtracts: demo.fileType === 'hyper' || demo.source.extract !== undefined,
    type: connections[0]?.type ?? demo.fileType,
    isCertified: demo.certified !== undefined,
    certificationNote: demo.certified ?? '',
    useRemoteQueryAgent: false,
  });
}

/** The document at the root, plus the extract or the data file it names (a stand-in of the right size). */
function packaged(documentName: string, xml: string, source: GeneratedDatasource, dataBytes = 50_000): Buffer {
  const dataFile = source.extract ?? source.connection.filename;
  const entries: ZipInput[] = [{ name: documentName, data: Buffer.from(xml, 'utf8'), compress: true }];
  if (dataFile) entries.push({ name: dataFile, data: filler(dataBytes, dataFile), compress: false });
  return buildZip(entries);
}

function store(state: SandboxState, fileType: ContentFileType, bytes: Buffer): StoredFile {
  return state.content.files.writeSync(bytes, fileType);
}

/** Deterministic, incompressible-looking bytes (xorshift), so seeded files are identical from run to run. */
function filler(size: number, seed: string): Buffer {
  const bytes = Buffer.alloc(size);
  let x = 2463534242;
  for (const character of seed) x = (x ^ character.charCodeAt(0)) * 16777619 >>> 0;
  for (let i = 0; i + 4 <= size; i += 4) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    bytes.writeUInt32LE(x, i);
  }
  return bytes;
}

/** The demo item's project and owner, looked up by name on the site. */
function placement(state: SandboxState, site: SiteRecord, demo: DemoContent): NewContentPlacement {
  return {
    siteId: site.id,
    projectId: projectId(state, site, demo.project),
    ownerId: ownerId(state, demo.owner),
    name: demo.name,
    description: demo.description,
    createdAt: demo.createdAt,
    updatedAt: demo.updatedAt,
    tags: demo.tags,
  };
}

function projectId(state: SandboxState, site: SiteRecord, name: string): string {
  const project = state.projects.listSite(site.id).find((candidate) => candidate.name === name);
  if (!project) throw new Error(`demo seed: no project '${name}' on site '${site.name}'`);
  return project.id;
}

function ownerId(state: SandboxState, name: string): string {
  const user = state.findUserByName(name) ?? [...state.users.values()].find((candidate) => candidate.serverAdministrator);
  return user?.id ?? '';
}
