// Bench support for the sends benchmark: the load generator. 50 clients on keep-alive node:http
// connections send messages to a setup (one or more server instances, taken in turn), in legs bounded
// in time and count; each leg measures latencies and the CPU the server, PostgreSQL and it spent.
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import type { LoginResponse } from '../common/http/index.js';
import { DEMO_STAFF } from '../server/demo/accounts.js';
import { processCpuMs, processTreeCpuMs, signIn, type ServerInstance } from './server-fixtures.js';

export const CLIENTS = 50;

/** What legs of one setup measured, added up. */
export interface Tally {
  latencies: number[];
  errors: number;
  seconds: number;
  serverCpuMs: number;
  postgresCpuMs: number;
  clientCpuMs: number;
}

export interface SendSetup {
  label: string;
  /** Each takes requests in turn; on PostgreSQL all of them share one database. */
  instances: ServerInstance[];
  databaseUrl: string | null;
  desk: LoginResponse;
  lee: LoginResponse;
  measured: Tally;
  /** clientId of every send answered 201, warm-up included: the stored-exactly-once check. */
  acknowledged: string[];
  nextInstance: number;
}

const emptyTally = (): Tally => ({
  latencies: [],
  errors: 0,
  seconds: 0,
  serverCpuMs: 0,
  postgresCpuMs: 0,
  clientCpuMs: 0,
});

export function addTally(to: Tally, leg: Tally): void {
  to.latencies.push(...leg.latencies);
  to.errors += leg.errors;
  to.seconds += leg.seconds;
  to.serverCpuMs += leg.serverCpuMs;
  to.postgresCpuMs += leg.postgresCpuMs;
  to.clientCpuMs += leg.clientCpuMs;
}

// node:http with keep-alive: a lighter client than fetch, so that the load generator takes less CPU.
function post(agent: Agent, url: string, token: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        res.resume();
        res.once('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.once('error', reject);
    req.end(body);
  });
}

export async function prepareSetup(
  label: string,
  instances: ServerInstance[],
  databaseUrl: string | null,
): Promise<SendSetup> {
  const first = instances[0]!.url;
  const [desk, lee] = await Promise.all([signIn(first, DEMO_STAFF.frontdesk), signIn(first, DEMO_STAFF.drLee)]);
  return {
    label,
    instances,
    databaseUrl,
    desk,
    lee,
    measured: emptyTally(),
    acknowledged: [],
    nextInstance: 0,
  };
}

/** One send from client `client` to the setup's next instance; its latency in ms. */
async function sendOnce(agent: Agent, setup: SendSetup, client: number): Promise<number> {
  const [from, to] = client % 2 === 0 ? [setup.desk, setup.lee] : [setup.lee, setup.desk];
  const instance = setup.instances[setup.nextInstance++ % setup.instances.length]!;
  const clientId = randomUUID();
  const body = JSON.stringify({
    clientId,
    to: [to.user.id],
    subject: `Bench ${client}`,
    body: 'Please call the patient back about the lab results.',
  });
  const started = performance.now();
  const status = await post(
    agent,
    `${instance.url}/api/v1/practices/${from.practices[0]!.id}/messages`,
    from.token,
    body,
  );
  const ms = performance.now() - started;
  if (status !== 201) throw new Error(`send answered ${status}`);
  setup.acknowledged.push(clientId);
  return ms;
}

/** One leg: the 50 clients send to this setup for `seconds` or `maxSends`; what it measured. */
export async function runLeg(
  agent: Agent,
  setup: SendSetup,
  bounds: { seconds: number; maxSends: number },
  postgresPid: number,
): Promise<Tally> {
  const leg = emptyTally();
  const serverCpu = (): number => setup.instances.reduce((sum, instance) => sum + processCpuMs(instance.pid), 0);
  const serverBefore = serverCpu();
  const postgresBefore = processTreeCpuMs(postgresPid);
  const clientBefore = process.cpuUsage();
  let issued = 0;
  const started = performance.now();
  const deadline = started + bounds.seconds * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      while (issued < bounds.maxSends && performance.now() < deadline) {
        issued += 1;
        try {
          leg.latencies.push(await sendOnce(agent, setup, client));
        } catch {
          leg.errors += 1;
        }
      }
    }),
  );
  leg.seconds = (performance.now() - started) / 1000;
  leg.serverCpuMs = serverCpu() - serverBefore;
  // Only this setup sends during its leg, so the cluster's CPU meanwhile is this setup's.
  leg.postgresCpuMs = setup.databaseUrl ? processTreeCpuMs(postgresPid) - postgresBefore : 0;
  const client = process.cpuUsage(clientBefore);
  leg.clientCpuMs = (client.user + client.system) / 1000;
  return leg;
}
