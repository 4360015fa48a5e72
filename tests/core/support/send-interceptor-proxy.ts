// A TCP proxy in front of the practice server that lets everything through, except that it can catch the
// engine's message posts (POST .../messages) or file uploads (POST .../attachments): hold them until
// released (in flight), or let them reach the server and cut the connection before the answer (a send
// whose outcome the engine can't know). A mode stays until the next setMode.
import net from 'node:net';

type Mode = 'pass' | 'hold' | 'cutAnswer';
type Caught = 'messages' | 'attachments';

const postOf = (chunk: Buffer): Caught | null => {
  const match = /^POST \/api\/v1\/practices\/[^/\s]+\/(messages|attachments) /.exec(chunk.toString('latin1'));
  return (match?.[1] as Caught | undefined) ?? null;
};

export interface SendInterceptorProxy {
  url: string;
  /** How many message posts (or uploads) it has seen, held, cut or passed. */
  posts(what?: Caught): number;
  setMode(mode: Mode, what?: Caught): void;
  /** Lets held posts go on to the server. */
  release(): void;
  close(): Promise<void>;
}

export async function startSendInterceptorProxy(targetPort: number): Promise<SendInterceptorProxy> {
  let mode: Mode = 'pass';
  let catching: Caught = 'messages';
  const posts = { messages: 0, attachments: 0 };
  const held: (() => void)[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    let holding: Buffer[] | null = null;
    let cutOnAnswer = false;
    client.on('data', (chunk) => {
      if (holding) return void holding.push(chunk);
      const post = postOf(chunk);
      if (post) posts[post]++;
      if (post === catching && mode === 'hold') {
        const queue: Buffer[] = [chunk];
        holding = queue;
        held.push(() => {
          holding = null;
          for (const part of queue) upstream.write(part);
        });
        return;
      }
      if (post === catching && mode === 'cutAnswer') cutOnAnswer = true;
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (!cutOnAnswer) return void client.write(chunk);
      client.destroy();
      upstream.destroy();
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    posts: (what = 'messages') => posts[what],
    setMode: (next, what = 'messages') => {
      mode = next;
      catching = what;
    },
    release: () => held.splice(0).forEach((go) => go()),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
