// Benchmarks' bulk data: adds many plain staff messages between the demo's front desk and Dr. Lee
// in one transaction, straight through the message store (no per-message lookups), so that a
// 100,000-message cold sync can be measured without sending 100,000 requests first.
import { randomUUID } from 'node:crypto';
import type { Message } from '../../common/http/index.js';
import type { Db } from '../db/database.js';
import { FeedWriter } from '../services/feed/feed-writer.js';
import { storeMessage } from '../services/messages/message-store.js';
import { DEMO_STAFF } from './accounts.js';

interface Person {
  id: string;
  name: string;
  practice_id: string;
}

export function addBulkDemoMessages(db: Db, count: number): void {
  const person = (email: string): Person =>
    db
      .prepare(
        'SELECT s.id, s.name, m.practice_id FROM staff s JOIN memberships m ON m.staff_id = s.id WHERE s.email = ?',
      )
      .get(email) as Person;
  const desk = person(DEMO_STAFF.frontdesk);
  const lee = person(DEMO_STAFF.drLee);
  const feed = new FeedWriter(db);
  const start = Date.now() - count * 1000;
  db.transaction(() => {
    for (let i = 0; i < count; i += 1) {
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
      storeMessage(db, feed, {
        message,
        senderKind: 'staff',
        senderId: from.id,
        contentHash: `bulk-${id}`,
        portalPatientId: null,
        viewers: [
          { staffId: from.id, read: true },
          { staffId: to.id, read: i % 10 === 0 },
        ],
        fileUploadIds: [],
      });
    }
  })();
}
