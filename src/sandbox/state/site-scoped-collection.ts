import type { SiteScopedRecord } from './types';

/**
 * Records that belong to a site, indexed by id and by site, in insertion order (the order list queries return
 * when no sort is given). Later content types (workbooks, data sources, groups...) reuse this class.
 */
export class SiteScopedCollection<T extends SiteScopedRecord> {
  private readonly byId = new Map<string, T>();
  private readonly bySite = new Map<string, Map<string, T>>();

  get size(): number {
    return this.byId.size;
  }

  add(record: T): T {
    this.byId.set(record.id, record);
    let siteRecords = this.bySite.get(record.siteId);
    if (!siteRecords) {
      siteRecords = new Map();
      this.bySite.set(record.siteId, siteRecords);
    }
    siteRecords.set(record.id, record);
    return record;
  }

  /** The record with this id on this site; a record of another site is treated as absent. */
  get(siteId: string, id: string): T | undefined {
    const record = this.byId.get(id);
    return record && record.siteId === siteId ? record : undefined;
  }

  listSite(siteId: string): T[] {
    return [...(this.bySite.get(siteId)?.values() ?? [])];
  }

  delete(id: string): boolean {
    const record = this.byId.get(id);
    if (!record) return false;
    this.byId.delete(id);
    this.bySite.get(record.siteId)?.delete(id);
    return true;
  }

  deleteSite(siteId: string): void {
    for (const id of this.bySite.get(siteId)?.keys() ?? []) this.byId.delete(id);
    this.bySite.delete(siteId);
  }
}
