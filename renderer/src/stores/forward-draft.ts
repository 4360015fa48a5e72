// A forward as a new message: "Fwd:" subject, the original quoted under a header, its patient link, and its
// attachments (files by their server id, so nothing is uploaded again; records by their id).
import { desktopApi } from '../api/client.js';
import { fullTime } from '../lib/format.js';
import type { ComposeFields } from './compose-draft.js';

export async function forwardFields(messageId: string): Promise<Partial<ComposeFields>> {
  const { messages } = await desktopApi().getThread({ messageId });
  const original = messages.find((v) => v.message.id === messageId)?.message;
  if (!original) return {};
  const header = [
    '---------- Forwarded message ----------',
    `From: ${original.sender.name}`,
    `Sent: ${fullTime(original.sentAt)}`,
    `To: ${original.recipients.map((r) => r.name).join(', ')}`,
    `Subject: ${original.subject}`,
  ].join('\n');
  return {
    subject: /^fwd:/i.test(original.subject) ? original.subject : `Fwd: ${original.subject}`.slice(0, 255),
    body: `\n\n${header}\n\n${original.body}`,
    patient: original.patient,
    attachments: original.attachments.map((a) =>
      a.kind === 'file'
        ? { kind: 'file' as const, id: a.id, name: a.name, fromMessageId: original.id }
        : { kind: a.kind, id: a.refId, name: a.name },
    ),
  };
}
