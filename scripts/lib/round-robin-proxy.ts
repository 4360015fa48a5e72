// A tiny reverse proxy for trying several server instances on one machine (`npm run server:cluster`):
// each request or WebSocket upgrade goes to the next instance in turn, and to the one after it when
// an instance does not answer. No sticky sessions: any instance serves any request. Not for
// production: put a real TLS-terminating proxy in front there (docs/SCALING.md).
import http from 'node:http';
import net from 'node:net';

export interface RoundRobinProxy {
  url: string;
  close(): Promise<void>;
}

export async function startRoundRobinProxy(targets: URL[], port: number, host = '127.0.0.1'): Promise<RoundRobinProxy> {
  let next = 0;
  const order = (): URL[] => {
    const start = next++ % targets.length;
    return [...targets.slice(start), ...targets.slice(0, start)];
  };

  const forward = (request: http.IncomingMessage, response: http.ServerResponse, candidates: URL[]): void => {
    const target = candidates[0];
    if (!target) {
      response.writeHead(502, { 'content-type': 'application/json' });
      response.end(
        '{"error":{"code":"no_instance","message":"No server instance is answering. Try again in a moment."}}',
      );
      return;
    }
    const upstream = http.request(
      { host: target.hostname, port: target.port, method: request.method, path: request.url, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    // A refused connection means the instance is down: the request was not sent, so try the next one.
    upstream.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED' && !response.headersSent)
        return forward(request, response, candidates.slice(1));
      response.destroy();
    });
    request.pipe(upstream);
  };

  const server = http.createServer((request, response) => forward(request, response, order()));
  server.on('upgrade', (request: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const tryTarget = (candidates: URL[]): void => {
      const target = candidates[0];
      if (!target) return void client.destroy();
      const upstream = net.connect(Number(target.port), target.hostname, () => {
        const lines = [`${request.method} ${request.url} HTTP/1.1`];
        for (let i = 0; i < request.rawHeaders.length; i += 2)
          lines.push(`${request.rawHeaders[i]}: ${request.rawHeaders[i + 1]}`);
        upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
        if (head.length > 0) upstream.write(head);
        upstream.pipe(client).pipe(upstream);
      });
      upstream.once('error', () =>
        upstream.readyState === 'opening' ? tryTarget(candidates.slice(1)) : client.destroy(),
      );
      client.once('error', () => upstream.destroy());
      client.once('close', () => upstream.destroy());
      upstream.once('close', () => client.destroy());
    };
    tryTarget(order());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address() as net.AddressInfo;
  return {
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
