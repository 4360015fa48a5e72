// The demo data the desktop tests rely on, restarting on the same folder and port, and the CLI
// (`npm run server -- --demo`): its one "listening" line and a clean stop on SIGTERM.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import axios from 'axios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DocumentsResponse,
  PatientResponse,
  PatientsResponse,
  SyncResponse,
  UsersResponse,
  type MailboxState,
  type Message,
} from '../../common/http/index.js';
import { apiClient } from '../support/practice-server-client.js';
import { signInDemo, type DemoWorld } from '../support/practice-server-demo.js';
import { signInStaff } from '../support/practice-server-session.js';
import { startTestServer, type TestPracticeServer } from '../support/practice-server.js';
import { DEMO_STAFF } from '../../server/demo/accounts.js';
import { startPracticeServer } from '../../server/start.js';

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

let server: TestPracticeServer;
let w: DemoWorld;

beforeAll(async () => {
  server = await startTestServer();
  w = await signInDemo(server.url);
});
afterAll(() => server.cleanup());

/** The caller's mailbox as a client builds it: message changes, then later state changes applied. */
async function messagesOf(api: DemoWorld['desk']['api']): Promise<{ message: Message; state: MailboxState }[]> {
  const mailbox = new Map<string, { message: Message; state: MailboxState }>();
  for (const change of SyncResponse.parse((await api('GET', '/sync?limit=1000')).body).changes) {
    if (change.kind === 'message') mailbox.set(change.message.id, { message: change.message, state: change.state });
    const entry = change.kind === 'state' ? mailbox.get(change.state.messageId) : undefined;
    if (entry && change.kind === 'state') entry.state = change.state;
  }
  return [...mailbox.values()];
}

describe('demo data', () => {
  it('has the two practices, the five staff and the portal patients', async () => {
    expect(server.seeded).toBe(true);
    const sunriseStaff = UsersResponse.parse((await w.desk.api('GET', `/practices/${w.sunriseId}/users`)).body).users;
    expect(sunriseStaff.map((u) => u.role).sort()).toEqual(['admin', 'billing', 'front desk', 'provider']);
    expect(w.lee.login.user.name).toContain('Lee');
    expect(w.nurse.login.user.name.split(' ')[0]).toBe('Nora');
    expect(w.ana.login.practice.name).toBe('Sunrise Family Medicine');
    expect(w.ben.login.practice.name).toBe('Lakeside Pediatrics');
  });

  it('has at least 20 + 5 patients, each with encounters, and 5 Sunrise documents with a readable PDF', async () => {
    for (const [pid, api, least] of [
      [w.sunriseId, w.desk.api, 20],
      [w.lakesideId, w.nurse.api, 5],
    ] as const) {
      const patients = PatientsResponse.parse((await api('GET', `/practices/${pid}/patients?limit=200`)).body).patients;
      expect(patients.length).toBeGreaterThanOrEqual(least);
      for (const patient of patients) {
        const detail = PatientResponse.parse(
          (await api('GET', `/practices/${pid}/patients/${patient.id}`)).body,
        ).patient;
        expect(detail.encounters.length, patient.name).toBeGreaterThan(0);
      }
    }
    const documents = DocumentsResponse.parse(
      (await w.desk.api('GET', `/practices/${w.sunriseId}/documents`)).body,
    ).documents;
    expect(documents.length).toBeGreaterThanOrEqual(5);
    const pdf = documents.find((d) => d.mimeType === 'application/pdf')!;
    const response = await fetch(`${server.url}/api/v1/practices/${w.sunriseId}/documents/${pdf.id}/content`, {
      headers: { authorization: `Bearer ${w.desk.token}` },
    });
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; .*filename\*=UTF-8''/);
    expectValidPdf(Buffer.from(await response.arrayBuffer()));
    const byTitle = DocumentsResponse.parse(
      (await w.desk.api('GET', `/practices/${w.sunriseId}/documents?query=mri`)).body,
    ).documents;
    expect(byTitle.map((d) => d.title)).toEqual(['MRI report']);
  });

  it('has conversations: a portal thread from Ana, flags, archives, attachments, links, unread mail', async () => {
    const desk = await messagesOf(w.desk.api);
    const lee = await messagesOf(w.lee.api);
    const all = new Map<string, Message>([...desk, ...lee].map((c) => [c.message.id, c.message]));
    expect(all.size).toBeGreaterThanOrEqual(10);
    expect(
      desk.some((c) => c.message.source === 'portal' && c.message.sender.name === 'Ana Ruiz' && c.message.inReplyTo),
    ).toBe(true);
    expect(desk.some((c) => c.state.flagged) || lee.some((c) => c.state.flagged)).toBe(true);
    expect(desk.some((c) => c.state.archived) && lee.some((c) => c.state.archived)).toBe(true);
    const kinds = new Set([...all.values()].flatMap((m) => m.attachments.map((a) => a.kind)));
    expect([...kinds].sort()).toEqual(['document', 'encounter', 'file', 'patient']);
    expect([...all.values()].filter((m) => m.patient).length).toBeGreaterThanOrEqual(3);
    expect(desk.some((c) => !c.state.read)).toBe(true);
    expect(lee.some((c) => !c.state.read)).toBe(true);
  });
});

describe('lifecycle', () => {
  it('restarts on the same folder and port, keeping data and sessions, without seeding again', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'practice-server-restart-'));
    try {
      const first = await startPracticeServer({ dataDir, port: 0, demo: true, logger: false });
      const login = await signInStaff(first.url, DEMO_STAFF.frontdesk);
      const before = (await apiClient(first.url, login.token)('GET', '/sync?limit=1000')).body;
      // The desktop engine uses axios with a keep-alive agent: its idle socket must not be reused after the restart.
      const agent = new Agent({ keepAlive: true });
      const viaAxios = axios.create({ httpAgent: agent, headers: { authorization: `Bearer ${login.token}` } });
      expect((await viaAxios.get(`${first.url}/api/v1/sync?limit=1000`)).data).toEqual(before);
      await first.close();
      const second = await startPracticeServer({ dataDir, port: first.port, demo: true, logger: false });
      try {
        expect([second.port, second.seeded]).toEqual([first.port, false]);
        expect((await apiClient(second.url, login.token)('GET', '/sync?limit=1000')).body).toEqual(before);
        expect((await viaAxios.get(`${second.url}/api/v1/sync?limit=1000`)).data).toEqual(before);
      } finally {
        agent.destroy();
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('runs from the CLI: one listening line, then a clean stop on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'practice-server-cli-'));
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'server/cli.ts'), '--demo'], {
      cwd: REPO_ROOT,
      env: { ...process.env, PORT: '0', DATA_DIR: dataDir, SMTP_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no listening line within 20 s')), 20_000);
        createInterface({ input: child.stdout }).on('line', (line) => {
          const match = /^Practice server listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
      });
      expect((await apiClient(url)('GET', '/health')).status).toBe(200);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

/** Checks the PDF header, trailer and that every xref offset points at its object. */
function expectValidPdf(bytes: Buffer): void {
  const text = bytes.toString('latin1');
  expect(text.startsWith('%PDF-1.')).toBe(true);
  expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
  const startxref = Number(/startxref\n(\d+)\n/.exec(text)?.[1]);
  expect(text.slice(startxref, startxref + 4)).toBe('xref');
  const entries = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
  expect(entries.length).toBeGreaterThan(3);
  entries.forEach((offset, index) => expect(text.slice(offset).startsWith(`${index + 1} 0 obj`)).toBe(true));
}

describe('a port already in use', () => {
  it('fails to start with EADDRINUSE and leaves the data folder usable', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'practice-server-busy-'));
    try {
      await expect(startPracticeServer({ dataDir, port: server.port, logger: false })).rejects.toMatchObject({
        code: 'EADDRINUSE',
      });
      const retry = await startPracticeServer({ dataDir, port: 0, logger: false, demo: true });
      expect(retry.seeded).toBe(true);
      await retry.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
