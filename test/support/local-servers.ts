// Small real HTTP servers for the cases the sandbox must not produce: a web page, a hostile XML body, a proxy.
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface LocalServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function listen(server: Server): Promise<LocalServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers every request with the same status, content type and body. */
export function serveFixed(status: number, contentType: string, body: string): Promise<LocalServer> {
  return listen(
    createServer((_request, response) => {
      response.writeHead(status, { 'content-type': contentType });
      response.end(body);
    }),
  );
}

export interface ForwardProxy extends LocalServer {
  /** `CONNECT host:port` tunnels and absolute-form requests seen, in order. */
  readonly seen: string[];
}

/** A minimal forward proxy: CONNECT tunnels and absolute-form HTTP requests, recording each target. */
export async function startForwardProxy(): Promise<ForwardProxy> {
  const seen: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    seen.push(`${request.method} ${request.url}`);
    const target = new URL(request.url ?? '/');
    const upstream = httpRequest(target, { method: request.method, headers: request.headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  });
  server.on('connect', (request: IncomingMessage, client: Socket, head: Buffer) => {
    seen.push(`CONNECT ${request.url}`);
    const [host, port] = (request.url ?? '').split(':');
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
  });
  const local = await listen(server);
  return {
    ...local,
    seen,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await local.close();
    },
  };
}
