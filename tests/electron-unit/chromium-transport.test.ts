// The Electron network path (issue 13 item 4) with Electron's session replaced: session.fetch is Node's fetch and
// resolveProxy answers like Chromium ("PROXY host:port"). The real engine then signs in, syncs, uploads and
// downloads an attachment through axios's fetch adapter, and opens its live socket through the proxy Chromium named
// (a real local CONNECT proxy). Whether Chromium itself applies PAC files, proxy sign-in and the OS certificate store
// needs the real binary (tests/electron).
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumTransport, systemCertificateAuthorities } from '../../main/electron/network/chromium-transport.js';
import {
  makeEngine,
  signIn,
  startEngineTestServer,
  type EngineTestServer,
  type TestEngine,
} from '../support/engine-harness.js';
import { startConnectProxy, type ConnectProxy } from '../support/connect-proxy.js';

let server: EngineTestServer;
let proxy: ConnectProxy;
const fetched: string[] = [];
const resolved: string[] = [];
let t: TestEngine;

beforeAll(async () => {
  server = await startEngineTestServer();
  proxy = await startConnectProxy();
  const session = {
    fetch: (input: string | Request, init?: RequestInit) => {
      fetched.push(typeof input === 'string' ? input : input.url);
      return fetch(input, init);
    },
    resolveProxy: async (url: string) => {
      resolved.push(url);
      return `PROXY ${proxy.address}; DIRECT`;
    },
  };
  t = makeEngine({ options: { transport: chromiumTransport(session, null) } });
});

afterAll(async () => {
  await t?.stop();
  await proxy.close();
  await server?.cleanup();
});

describe('the engine over a Chromium-like session', () => {
  it('signs in, syncs and goes live: HTTP through session.fetch, the live socket through the proxy Chromium names', async () => {
    await signIn(t, server.url, 'frontdesk@sunrise.example');
    expect(fetched.some((url) => url.endsWith('/api/v1/session'))).toBe(true);
    expect(fetched.some((url) => url.includes('/api/v1/sync'))).toBe(true);
    expect(resolved).toContain(`${server.url}/`);
    expect(proxy.tunnels).toContain(`127.0.0.1:${server.port}`);
  });

  it('uploads and downloads attachment bytes intact through the fetch adapter', async () => {
    const session = await t.engine.handlers.getSession({});
    const practiceId = session.practices[0]?.id ?? '';
    const { users } = await t.engine.handlers.listStaff({ practiceId });
    const to = users.find((u) => u.id !== session.user?.id)?.id ?? '';
    const bytes = randomBytes(300_000);
    const staged = await t.engine.handlers.stageFile({
      name: 'scan.bin',
      mimeType: 'application/octet-stream',
      base64: bytes.toString('base64'),
    });
    const { messageId } = await t.engine.handlers.sendMessage({
      practiceId,
      to: [to],
      subject: 'Transport check',
      body: 'Bytes attached',
      attachments: [{ kind: 'file', id: staged.id }],
    });
    const uploads = () => fetched.filter((url) => url.endsWith(`/practices/${practiceId}/attachments`)).length;
    await expect.poll(uploads, { timeout: 15_000 }).toBe(1);
    const delivered = async () => {
      const thread = await t.engine.handlers.getThread({ messageId }).catch(() => null);
      return thread?.messages.find((m) => m.delivery === 'delivered' && m.message.attachments.length > 0) ?? null;
    };
    await expect.poll(delivered, { timeout: 15_000 }).not.toBeNull();
    const view = await delivered();
    const attachmentId = view?.message.attachments[0]?.id ?? '';
    const content = await t.engine.handlers.getAttachmentContent({
      messageId: view?.message.id ?? '',
      attachmentId,
    });
    expect(Buffer.from(content.base64, 'base64').equals(bytes)).toBe(true);
  });
});

describe('systemCertificateAuthorities', () => {
  it('adds the OS store to Node’s roots where this Node can read it, and is null where it cannot', () => {
    const both = systemCertificateAuthorities(() => [
      '-----BEGIN CERTIFICATE-----\nclinic-root\n-----END CERTIFICATE-----',
    ]);
    expect(both?.at(-1)).toContain('clinic-root');
    expect(both?.length).toBeGreaterThan(100);
    expect(systemCertificateAuthorities(undefined)).toBeNull();
    expect(
      systemCertificateAuthorities(() => {
        throw new Error('not supported');
      }),
    ).toBeNull();
  });
});
