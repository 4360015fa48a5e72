// The Node path through a proxy (issue 13 item 4): the engine with its default transport reads HTTP_PROXY /
// HTTPS_PROXY / NO_PROXY and sends both its HTTP calls and its live socket through a real local CONNECT proxy.
// The practice server is given a name only the proxy can resolve (practice.test), so a bypass cannot succeed;
// and a proxy that refuses every tunnel makes a directly reachable server unreachable.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { nodeTransport } from '../../main/core/network/node-transport.js';
import { proxyFromPacResult } from '../../main/core/network/pac-result.js';
import {
  apiLogin,
  DEMO_PASSWORD,
  makeEngine,
  signIn,
  startEngineTestServer,
  waitFor,
  type EngineTestServer,
  type TestEngine,
} from '../support/engine-harness.js';
import { startConnectProxy, type ConnectProxy } from '../support/connect-proxy.js';

let server: EngineTestServer;
let proxy: ConnectProxy;
let engines: TestEngine[] = [];
const savedEnv = { ...process.env };

beforeAll(async () => {
  server = await startEngineTestServer();
  // Only the proxy knows where practice.test is (the .test domain never resolves), like a practice server
  // reachable from the workstations through the proxy only.
  proxy = await startConnectProxy('practice.test');
});

afterEach(async () => {
  await Promise.all(engines.map((t) => t.stop()));
  engines = [];
  proxy.tunnels.length = 0;
  proxy.refuseAll(false);
  for (const key of ['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'no_proxy']) {
    if (savedEnv[key] === undefined) delete process.env[key];
    else process.env[key] = savedEnv[key];
  }
});

afterAll(async () => {
  await proxy.close();
  await server?.cleanup();
});

const engine = () => {
  // practice.test stands for a server on the network, over plain http here: allowed as on a test network.
  const t = makeEngine({ options: { allowHttp: true } });
  engines.push(t);
  return t;
};
const hiddenUrl = () => `http://practice.test:${server.port}`;

describe('the engine behind HTTP_PROXY', () => {
  it('signs in, syncs and hears live changes through the proxy, for a server only the proxy can reach', async () => {
    process.env.HTTP_PROXY = proxy.url;
    delete process.env.NO_PROXY;
    delete process.env.no_proxy;
    const t = engine();
    await signIn(t, hiddenUrl(), 'frontdesk@sunrise.example');
    const before = (await t.engine.handlers.getUnreadCounts({})).total;

    // Another user sends: only the live socket (through the proxy) can tell this engine to pull.
    const lee = await apiLogin(server.url, 'dr.lee@sunrise.example');
    const desk = await apiLogin(server.url, 'frontdesk@sunrise.example');
    const practiceId = lee.practices.find((p) => desk.practices.some((d) => d.id === p.id))?.id ?? '';
    const sent = await lee.call('POST', `/practices/${practiceId}/messages`, {
      clientId: randomUUID(),
      to: [desk.user.id],
      subject: 'Through the proxy',
      body: 'Hello',
    });
    expect(sent.status).toBe(201);
    await waitFor(
      'the live change through the proxy',
      async () => (await t.engine.handlers.getUnreadCounts({})).total > before,
    );
    // HTTP calls (one keep-alive tunnel) and the live socket (its own tunnel) both went through the proxy.
    expect(proxy.tunnels.filter((target) => target === `practice.test:${server.port}`).length).toBeGreaterThanOrEqual(
      2,
    );
  });

  it('leaves out hosts named in NO_PROXY (and then, here, cannot reach the hidden server)', async () => {
    process.env.HTTP_PROXY = proxy.url;
    process.env.NO_PROXY = 'localhost,.test';
    const t = engine();
    await expect(
      t.engine.handlers.signIn({ serverUrl: hiddenUrl(), email: 'frontdesk@sunrise.example', password: DEMO_PASSWORD }),
    ).rejects.toMatchObject({ code: 'offline' });
    expect(proxy.tunnels).toEqual([]);
  });

  it('never goes around a proxy that refuses: a directly reachable server is then unreachable', async () => {
    process.env.HTTP_PROXY = proxy.url;
    delete process.env.NO_PROXY;
    delete process.env.no_proxy;
    proxy.refuseAll(true); // 407 to every CONNECT
    const t = engine();
    // The proxy's 407 comes back as the answer: the request never went around it.
    await expect(
      t.engine.handlers.signIn({ serverUrl: server.url, email: 'frontdesk@sunrise.example', password: DEMO_PASSWORD }),
    ).rejects.toMatchObject({ code: 'http_407' });
    expect((await t.engine.handlers.getSession({})).signedIn).toBe(false);
    expect(proxy.tunnels).toEqual([`127.0.0.1:${server.port}`]);
  });

  it('connects directly when no proxy is set', async () => {
    delete process.env.HTTP_PROXY;
    delete process.env.http_proxy;
    const t = engine();
    await signIn(t, server.url, 'frontdesk@sunrise.example');
    expect(proxy.tunnels).toEqual([]);
  });
});

describe('transports', () => {
  it('gives the HTTP client and the live socket the same proxy, with axios’s own proxy handling off', async () => {
    const transport = nodeTransport(() => proxy.url)('https://messages.example.org');
    expect(transport.http.proxy).toBe(false);
    expect(transport.http.httpsAgent).toBe(transport.http.httpAgent);
    expect((await transport.liveSocketOptions(new URL('https://messages.example.org'))).agent).toBeDefined();
    const direct = nodeTransport(() => '')('https://messages.example.org');
    expect(await direct.liveSocketOptions(new URL('https://messages.example.org'))).toEqual({});
  });

  it('reads Chromium’s proxy decision for the live socket (system settings or PAC)', () => {
    expect(proxyFromPacResult('DIRECT')).toBeNull();
    expect(proxyFromPacResult('PROXY proxy.clinic.lan:3128; DIRECT')).toBe('http://proxy.clinic.lan:3128');
    expect(proxyFromPacResult('HTTPS secure.clinic.lan:443')).toBe('https://secure.clinic.lan:443');
    expect(proxyFromPacResult('SOCKS5 s:1080; PROXY p:8080')).toBe('http://p:8080');
    expect(proxyFromPacResult('SOCKS5 s:1080')).toBeNull();
    expect(proxyFromPacResult('')).toBeNull();
  });
});
