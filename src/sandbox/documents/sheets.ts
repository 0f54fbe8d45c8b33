import type { SheetType } from '../state/content-types';
import { attr, element, elements, type DocElement } from './document-xml';

export interface SheetFacts {
  name: string;
  sheetType: SheetType;
}

/**
 * The views a server makes of a workbook: its worksheets, dashboards and stories, in tab order (the order of
 * `<windows>`), leaving out sheets hidden behind a dashboard (`<window hidden='true'>`), which are not published
 * as views. A workbook without `<windows>` lists its sheets in document order.
 */
export function workbookSheets(workbook: DocElement): SheetFacts[] {
  const sheets = new Map<string, SheetFacts>();
  for (const worksheet of elements(element(workbook, 'worksheets'), 'worksheet')) {
    const name = attr(worksheet, 'name');
    if (name !== undefined && !sheets.has(name)) sheets.set(name, { name, sheetType: 'worksheet' });
  }
  for (const dashboard of elements(element(workbook, 'dashboards'), 'dashboard')) {
    const name = attr(dashboard, 'name');
    if (name !== undefined && !sheets.has(name)) sheets.set(name, { name, sheetType: attr(dashboard, 'type') === 'storyboard' ? 'story' : 'dashboard' });
  }
  const windows = element(workbook, 'windows');
  if (!windows) return [...sheets.values()];
  const ordered: SheetFacts[] = [];
  const placed = new Set<string>();
  for (const window of elements(windows, 'window')) {
    const name = attr(window, 'name');
    const sheet = name === undefined ? undefined : sheets.get(name);
    if (!sheet || placed.has(sheet.name)) continue;
    placed.add(sheet.name);
    if (attr(window, 'hidden') !== 'true') ordered.push(sheet);
  }
  for (const sheet of sheets.values()) if (!placed.has(sheet.name)) ordered.push(sheet);
  return ordered;
}
