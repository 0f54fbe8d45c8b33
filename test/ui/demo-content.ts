// What the explorer must show for the sandbox's demo content, read over the REST API from a sandbox of our own with
// the same seed (names are seeded, ids are not). The UI test then expects exactly these names in the tree.
import { startSandbox } from '../../src/sandbox';
import { API, SandboxHttp, type XmlObject } from '../support/sandbox-http';

export interface ExpectedWorkbookPath {
  site: string;
  /** Top-level project first, the workbook's own project last. */
  projects: string[];
  workbook: string;
  views: string[];
}

function listOf(xml: XmlObject | undefined, collection: string, item: string): XmlObject[] {
  const items: unknown = xml?.[collection]?.[item];
  if (items === undefined) return [];
  return (Array.isArray(items) ? items : [items]) as XmlObject[];
}

/** The demo seed's workbook with views nearest the top of the Default site's project tree (ties: by name). */
export async function demoWorkbookPath(): Promise<ExpectedWorkbookPath> {
  const sandbox = await startSandbox({ seed: 'demo' });
  const http = new SandboxHttp(sandbox.url);
  try {
    const { token, siteId } = await http.signInWithToken(sandbox.credentials.tokenName, sandbox.credentials.tokenSecret, '');
    const get = async (path: string): Promise<XmlObject | undefined> => {
      const result = await http.call('GET', `${API}/sites/${siteId}${path}`, { token });
      if (result.status !== 200) throw new Error(`GET ${path} answered ${result.status}: ${result.text}`);
      return result.xml;
    };
    const siteName = String((await get(''))?.site?.['@_name']);
    const projects = new Map(listOf(await get('/projects?pageSize=1000'), 'projects', 'project').map((p) => [String(p['@_id']), p]));
    const projectPath = (projectId: string): string[] => {
      const path: string[] = [];
      for (let project = projects.get(projectId); project; project = projects.get(String(project['@_parentProjectId'] ?? ''))) {
        path.unshift(String(project['@_name']));
      }
      return path;
    };
    const workbooks = listOf(await get('/workbooks?pageSize=1000'), 'workbooks', 'workbook')
      .map((workbook) => ({ id: String(workbook['@_id']), name: String(workbook['@_name']), projects: projectPath(String(workbook.project?.['@_id'])) }))
      .filter((workbook) => workbook.projects.length > 0)
      .sort((a, b) => a.projects.length - b.projects.length || a.name.localeCompare(b.name));
    for (const workbook of workbooks) {
      const views = listOf(await get(`/workbooks/${workbook.id}/views`), 'views', 'view').map((view) => String(view['@_name']));
      if (views.length > 0) return { site: siteName, projects: workbook.projects, workbook: workbook.name, views };
    }
    throw new Error(`The sandbox's demo seed has no workbook with views on the ${siteName} site (${workbooks.length} workbooks).`);
  } finally {
    await http.close();
    await sandbox.stop();
  }
}
