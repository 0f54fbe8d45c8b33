// The packaged extension (.vsix from `npm run package`) in code-server, driven through Debian's Chromium as a person
// would: open the Tableau view, start the sandbox from its welcome content, browse down to a workbook's views.
// Run with `npm run test:ui` (packages first); screenshots land in test-artifacts/.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { screenshot } from '../harness/browser';
import { artifactsDir } from '../harness/paths';
import { openWorkbench, packagedVsixPath, type WorkbenchSession } from '../harness/workbench-session';
import { demoWorkbookPath } from './demo-content';
import { expand, openTableauView, serversPane, waitForChild, welcomeButton, type TreeRow } from './tableau-view';

describe('Tableau explorer in code-server, installed from the .vsix', function () {
  let session: WorkbenchSession | undefined;
  before(async function () {
    session = await openWorkbench({ purpose: 'ui', vsix: packagedVsixPath() });
  });

  afterEach(async function () {
    if (session && this.currentTest?.state === 'failed') {
      const slug = (this.currentTest.title || 'test').replace(/[^a-z0-9]+/gi, '-').toLowerCase();
      const file = await screenshot(session.page, join(artifactsDir(), `ui-failure-${slug}.png`));
      if (file) console.log(`      screenshot: ${file}`);
    }
  });

  after(async function () {
    await session?.close();
  });

  function page() {
    assert.ok(session, 'the workbench did not open');
    return session.page;
  }

  it('opens the Tableau view from the activity bar, offering Add Server and Try the Sandbox', async function () {
    await openTableauView(page());
    await welcomeButton(page(), 'Add Server').waitFor({ timeout: 30_000 });
    await welcomeButton(page(), 'Try the Sandbox').waitFor({ timeout: 30_000 });
  });

  it('starts the sandbox from the welcome view and lists it as a server', async function () {
    await welcomeButton(page(), 'Try the Sandbox').click();
    const server = await waitForChild(page(), undefined, undefined);
    assert.match(`${server.label} ${server.description}`, /sandbox/i, 'the new server row names the sandbox');
    assert.notEqual(server.expanded, undefined, `the server row "${server.label}" cannot be expanded`);
    assert.equal(await serversPane(page()).locator('.welcome-view-content').isVisible(), false, 'the welcome content still covers the tree');
  });

  it('expands server → site → project → workbook and shows the workbook\'s views', async function () {
    const expected = await demoWorkbookPath();
    let row: TreeRow = await waitForChild(page(), undefined, undefined);
    for (const label of [expected.site, ...expected.projects, expected.workbook]) {
      await expand(page(), row);
      row = await waitForChild(page(), row, label);
    }
    await expand(page(), row);
    for (const view of expected.views) await waitForChild(page(), row, view);
    const file = join(artifactsDir(), 'explorer.png');
    await page().locator('.part.sidebar').screenshot({ path: file });
    console.log(`      screenshot of the tree: ${file}`);
  });
});
