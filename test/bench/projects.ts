// Paging through 20,000 projects: the client's Pager against a bare undici loop that only parses the XML,
// and, over a simulated WAN (50 ms per response), sequential paging against prefetching 4 pages at once.
import { XMLParser } from 'fast-xml-parser';
import { Agent } from 'undici';
import { Pager, RequestOptions, Server, TableauAuth } from '../../src/client';
import { startSandboxProcess, type SandboxProcess } from './sandbox-process';

const projectCount = Number(process.env.BENCH_PROJECTS ?? 20_000);
const pageSize = 100;
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const overheadGoal = 1.3;
const prefetchGoal = 3;

interface Session {
  server: Server;
  token: string;
  siteId: string;
}

async function signIn(sandbox: SandboxProcess): Promise<Session> {
  const server = new Server(sandbox.url);
  const { username, password, siteContentUrl } = sandbox.credentials;
  await server.auth.signIn(new TableauAuth(username, password, siteContentUrl));
  return { server, token: server.authToken!, siteId: server.siteId! };
}

async function walkWithClient(server: Server, prefetch: number): Promise<number> {
  let count = 0;
  for await (const project of new Pager(server.projects, new RequestOptions(1, pageSize), { prefetch })) if (project.id) count++;
  return count;
}

/** The baseline: the same GETs with a bare undici agent, parsing each page's XML and nothing more. */
async function walkRaw(sandbox: SandboxProcess, session: Session, agent: Agent, parser: XMLParser): Promise<number> {
  let count = 0;
  for (let page = 1; ; page++) {
    const response = await agent.request({
      origin: sandbox.url,
      path: `/api/3.29/sites/${session.siteId}/projects?pageNumber=${page}&pageSize=${pageSize}`,
      method: 'GET',
      headers: { 'x-tableau-auth': session.token },
    });
    const document = parser.parse(await response.body.text()) as { tsResponse: { projects?: { project?: unknown[] } } };
    const items = document.tsResponse.projects?.project ?? [];
    count += items.length;
    if (items.length < pageSize) return count;
  }
}

async function median(label: string, run: () => Promise<number>): Promise<number> {
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    const count = await run();
    times.push(performance.now() - started);
    if (count !== projectCount + 1) throw new Error(`${label} saw ${count} projects, expected ${projectCount + 1}`);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

function row(label: string, ms: number, ratio: string): string {
  return `  ${label.padEnd(44)} ${(ms / 1000).toFixed(3).padStart(8)} s   ${ratio}`;
}

export async function runProjectsBench(): Promise<void> {
  const sandbox = await startSandboxProcess('empty');
  const agent = new Agent({ keepAliveTimeout: 30_000 });
  try {
    await sandbox.control('generate', { kind: 'projects', count: projectCount, siteContentUrl: sandbox.credentials.siteContentUrl });
    const session = await signIn(sandbox);
    const parser = new XMLParser({ ignoreAttributes: false, attributesGroupName: '$', attributeNamePrefix: '', removeNSPrefix: true, isArray: (name) => name === 'project' });
    console.log(`projects: ${projectCount + 1} projects, ${pageSize} per page, median of ${rounds} rounds`);

    // Warm both paths (JIT, connections) before measuring.
    await walkRaw(sandbox, session, agent, parser);
    await walkWithClient(session.server, 0);
    const raw = await median('raw loop', () => walkRaw(sandbox, session, agent, parser));
    const client = await median('client', () => walkWithClient(session.server, 0));
    console.log(row('raw undici GET loop, XML parse only', raw, 'baseline'));
    console.log(row('client Pager, sequential', client, `${(client / raw).toFixed(2)}× raw (goal ≤ ${overheadGoal}×)`));

    await sandbox.control('latency', { latencyMs: 50 });
    const sequential = await median('sequential over WAN', () => walkWithClient(session.server, 0));
    const prefetched = await median('prefetch over WAN', () => walkWithClient(session.server, 4));
    console.log(row('client Pager, 50 ms latency, sequential', sequential, 'baseline'));
    console.log(row('client Pager, 50 ms latency, prefetch 4', prefetched, `${(sequential / prefetched).toFixed(2)}× faster (goal ≥ ${prefetchGoal}×)`));
    await session.server.close();
  } finally {
    await agent.close();
    await sandbox.stop();
  }
}
