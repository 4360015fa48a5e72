// Benchmarks' bulk data: adds many plain staff messages between the demo's front desk and Dr. Lee
// in one transaction, in batches of multi-row inserts (no per-message lookups), so that a
// 100,000-message cold sync can be measured without sending 100,000 requests first.
import { randomUUID } from 'node:crypto';
import type { Message } from '../../common/http/index.js';
import { insertBulkMessages, type BulkMessage } from '../storage/queries/bulk.js';
import type { Kysely } from 'kysely';
import type { Schema } from '../storage/schema.js';
import { DEMO_STAFF } from './accounts.js';

const BATCH = 500;

export async function addBulkDemoMessages(db: Kysely<Schema>, count: number): Promise<void> {
  const person = (email: string) =>
    db
      .selectFrom('staff as s')
      .innerJoin('memberships as m', 'm.staff_id', 's.id')
      .select(['s.id', 's.name', 'm.practice_id'])
      .where('s.email', '=', email)
      .executeTakeFirstOrThrow();
  const desk = await person(DEMO_STAFF.frontdesk);
  const lee = await person(DEMO_STAFF.drLee);
  const start = Date.now() - count * 1000;
  await db.transaction().execute(async (trx) => {
    for (let first = 0; first < count; first += BATCH) {
      const batch: BulkMessage[] = [];
      for (let i = first; i < Math.min(count, first + BATCH); i += 1) {
        const [from, to] = i % 2 === 0 ? [desk, lee] : [lee, desk];
        const id = randomUUID();
        const message: Message = {
          id,
          practiceId: desk.practice_id,
          threadId: id,
          clientId: randomUUID(),
          source: 'staff',
          sender: { kind: 'staff', id: from.id, name: from.name },
          recipients: [{ kind: 'staff', id: to.id, name: to.name }],
          subject: `Bulk message ${i + 1}`,
          body: `Routine note number ${i + 1}: please review when you have a moment.`,
          sentAt: new Date(start + i * 1000).toISOString(),
          inReplyTo: null,
          patient: null,
          encounter: null,
          document: null,
          attachments: [],
        };
        batch.push({
          message,
          senderId: from.id,
          viewers: [
            { staffId: from.id, read: true },
            { staffId: to.id, read: i % 10 === 0 },
          ],
        });
      }
      await insertBulkMessages(trx, batch);
    }
  });
}
