// Page helpers for the Tableau activity-bar container and its Servers view, by the selectors VS Code's web
// workbench renders: activity bar entries by aria-label, view panes by their "<name> Section" header, tree rows as
// .monaco-list-row with aria-level / aria-expanded and the label in .label-name.
import type { Locator, Page } from 'playwright-core';

const CONTAINER_TITLE = 'Tableau';
const VIEW_NAME = 'Servers';

export interface TreeRow {
  index: number;
  level: number;
  label: string;
  description: string;
  /** undefined for a leaf. */
  expanded: boolean | undefined;
}

export function serversPane(page: Page): Locator {
  return page.locator(`.part.sidebar .pane:has(> .pane-header[aria-label^="${VIEW_NAME} Section"])`);
}

/** Shows the Tableau container, clicking its activity bar entry only when it is not the one showing (a click on the
 *  active entry would hide the side bar). */
export async function openTableauView(page: Page): Promise<void> {
  const entry = page.locator(`.activitybar a.action-label[aria-label^="${CONTAINER_TITLE}"]`);
  await entry.waitFor({ timeout: 30_000 });
  const active = await entry.evaluate((element) => element.closest('.action-item')?.classList.contains('checked') ?? false);
  if (!active || !(await serversPane(page).isVisible())) await entry.click();
  await serversPane(page).waitFor({ timeout: 30_000 });
}

export function welcomeButton(page: Page, name: string): Locator {
  return serversPane(page).locator('.welcome-view-content').getByRole('button', { name, exact: true });
}

export async function treeRows(page: Page): Promise<TreeRow[]> {
  return serversPane(page)
    .locator('.monaco-list-row')
    .evaluateAll((rows) =>
      rows
        .map((row) => {
          const expanded = row.getAttribute('aria-expanded');
          return {
            index: Number(row.getAttribute('data-index')),
            level: Number(row.getAttribute('aria-level')),
            label: row.querySelector('.label-name')?.textContent?.trim() ?? '',
            description: row.querySelector('.label-description')?.textContent?.trim() ?? '',
            expanded: expanded === null ? undefined : expanded === 'true',
          };
        })
        .sort((a, b) => a.index - b.index),
    );
}

function describeRows(rows: TreeRow[]): string {
  return rows.map((row) => `${'  '.repeat(Math.max(0, row.level - 1))}${row.expanded === undefined ? '·' : row.expanded ? '▾' : '▸'} ${row.label}`).join('\n');
}

/** The child of `parent` (or a top-level row when parent is undefined) labelled `label`, waiting for it to load. */
export async function waitForChild(page: Page, parent: TreeRow | undefined, label: string | undefined, timeoutMs = 30_000): Promise<TreeRow> {
  const deadline = Date.now() + timeoutMs;
  let rows: TreeRow[] = [];
  while (Date.now() < deadline) {
    rows = await treeRows(page);
    const start = parent ? rows.findIndex((row) => row.index === parent.index) + 1 : 0;
    const level = parent ? parent.level + 1 : 1;
    if (!parent || start > 0) {
      for (const row of rows.slice(start)) {
        if (parent && row.level <= parent.level) break;
        if (row.level === level && (label === undefined || row.label === label)) return row;
      }
    }
    await page.waitForTimeout(200);
  }
  const wanted = label === undefined ? 'row' : `row labelled "${label}"`;
  const under = parent ? ` under "${parent.label}"` : ' at the top level';
  throw new Error(`The Servers tree shows no ${wanted}${under} after ${timeoutMs / 1000} s. It shows:\n${describeRows(rows) || '(no rows)'}`);
}

/** Expands a collapsed row by its twistie and waits until the tree says it is expanded. */
export async function expand(page: Page, row: TreeRow): Promise<void> {
  if (row.expanded === undefined) throw new Error(`"${row.label}" is a leaf in the Servers tree; expected it to have children.`);
  const element = serversPane(page).locator(`.monaco-list-row[data-index="${row.index}"]`);
  // Read the state again right before clicking: the extension may have expanded the row itself (a click would collapse it).
  if ((await element.getAttribute('aria-expanded')) === 'true') return;
  await element.locator('.monaco-tl-twistie').click();
  await serversPane(page).locator(`.monaco-list-row[data-index="${row.index}"][aria-expanded="true"]`).waitFor({ timeout: 30_000 });
}
