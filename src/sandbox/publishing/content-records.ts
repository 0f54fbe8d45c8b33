import type { ConnectionFacts } from '../documents/connections';
import type { SheetFacts } from '../documents/sheets';
import { isoNow, newLuid } from '../state/ids';
import type { ConnectionRecord, ViewRecord, WorkbookRecord } from '../state/content-types';
import { uniqueUrlName, urlName } from '../state/content-urls';
import type { SandboxState } from '../state/store';
import type { ConnectionCredentialsFor, Credentials } from './publish-payload';

/** Building the records a publish creates: connections with ids, and a workbook's views. */

export interface CredentialChoice {
  credentials: Credentials | undefined;
  perConnection: ConnectionCredentialsFor[];
}

/**
 * Connections from the document, each with an id. Workbook connections belong to embedded data sources, one id
 * per `<datasource>`; a data source's connections belong to the data source itself (`owner`). Credentials sent
 * with the publish go to the connection they name, or to every connection with a server when sent for all.
 */
export function connectionRecords(facts: ConnectionFacts[], choice: CredentialChoice, owner?: { id: string; name: string }): ConnectionRecord[] {
  const embeddedIds = new Map<string, string>();
  return facts.map((fact) => {
    let datasourceId = owner?.id;
    if (!datasourceId) {
      datasourceId = embeddedIds.get(fact.datasourceName) ?? newLuid();
      embeddedIds.set(fact.datasourceName, datasourceId);
    }
    const specific = choice.perConnection.find(
      (entry) => entry.serverAddress.toLowerCase() === fact.serverAddress.toLowerCase() && (entry.serverPort === undefined || entry.serverPort === fact.serverPort),
    )?.credentials;
    const credentials = specific ?? (fact.serverAddress !== '' ? choice.credentials : undefined);
    return {
      id: newLuid(),
      type: fact.type,
      serverAddress: fact.serverAddress,
      serverPort: fact.serverPort,
      userName: credentials?.name || fact.userName,
      password: credentials?.password ?? '',
      embedPassword: credentials?.embed ?? false,
      queryTaggingEnabled: false,
      datasourceId,
      datasourceName: owner?.name ?? fact.datasourceName,
      databaseName: fact.databaseName,
    };
  });
}

/**
 * Replaces a workbook's views with the document's sheets. A sheet that keeps its name keeps its view (id, dates,
 * usage), as when a workbook is overwritten on a real server.
 */
export function replaceViews(state: SandboxState, workbook: WorkbookRecord, sheets: SheetFacts[], now = Date.now()): void {
  const previous = new Map(state.content.viewsOf(workbook).map((view) => [view.name, view]));
  for (const view of previous.values()) state.content.views.delete(view.id);
  const urlNames = new Set<string>();
  sheets.forEach((sheet, index) => {
    const kept = previous.get(sheet.name);
    const viewUrlName = uniqueUrlName(urlName(sheet.name, 'Sheet'), (candidate) => urlNames.has(candidate.toLowerCase()));
    urlNames.add(viewUrlName.toLowerCase());
    const view: ViewRecord = {
      id: kept?.id ?? newLuid(),
      siteId: workbook.siteId,
      workbookId: workbook.id,
      name: sheet.name,
      viewUrlName,
      sheetType: sheet.sheetType,
      index,
      createdAt: kept?.createdAt ?? workbook.updatedAt,
      updatedAt: isoNow(now),
      totalViewCount: kept?.totalViewCount ?? 0,
      tags: kept?.tags ?? [],
    };
    state.content.views.add(view);
  });
}
