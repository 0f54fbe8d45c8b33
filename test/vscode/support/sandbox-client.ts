// The expected contents of the tree, read from the sandbox through the client library (a different path from the
// extension's per-level queries), and small local servers the network tests need.
import { createServer, type Server as HttpServer } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { PersonalAccessTokenAuth, Pager, RequestOptions, Server, type ProjectItem } from '../../../src/client';
import type { Sandbox } from '../../../src/sandbox';

export async function withClient<T>(sandbox: Sandbox, siteContentUrl: string, body: (server: Server) => Promise<T>): Promise<T> {
  const server = new Server(sandbox.url);
  try {
    return await server.auth.withSignIn(new PersonalAccessTokenAuth(sandbox.credentials.tokenName, sandbox.credentials.tokenSecret, siteContentUrl), () => body(server));
  } finally {
    await server.close();
  }
}

export async function allProjects(server: Server): Promise<ProjectItem[]> {
  const projects: ProjectItem[] = [];
  for await (const project of new Pager(server.projects, new RequestOptions(1, 1000))) projects.push(project);
  return projects;
}

export const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A TCP port nothing listens on (it was free a moment ago). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function listen(server: HttpServer): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export function close(server: HttpServer): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** A forward proxy (HTTP CONNECT tunnels, as undici's proxy agent uses) that records the targets it connects to. */
export function countingProxy(): { server: HttpServer; targets: string[] } {
  const targets: string[] = [];
  const server = createServer((_request, response) => response.writeHead(405).end());
  server.on('connect', (request, client, head) => {
    const target = request.url ?? '';
    targets.push(target);
    const [host, port] = target.split(':');
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  return { server, targets };
}
