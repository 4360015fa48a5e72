// The fake API's New Message and Reply: the message as the server would store it (recipients, patient,
// attachments staged or forwarded, priority), a reply addressed to the sender or everyone, portal rules.
import type { DesktopApi } from '../../../common/desktop/index.js';
import type { Attachment, Message } from '../lib/types.js';
import { ME, PATIENTS, STAFF } from './demo-data.js';
import type { Stored } from './fake-mailbox.js';
import { resolveAttachments } from './fake-records.js';
import type { createFakeWorkflow } from './fake-workflow.js';

interface ComposeDeps {
  find(id: string): Stored;
  addMessage(message: Message): { messageId: string };
  workflow: ReturnType<typeof createFakeWorkflow>;
  nextId(): number;
  staged: Map<string, { name: string; mimeType: string; size: number }>;
  forwarded(messageId: string, attachmentId: string): Attachment | undefined;
}

export function fakeComposeMethods(deps: ComposeDeps): Pick<DesktopApi, 'sendMessage' | 'reply'> {
  const { find, addMessage, workflow, nextId, staged, forwarded } = deps;
  return {
    sendMessage: async (req) => {
      const staff = STAFF[req.practiceId] ?? [];
      const id = `m-new-${nextId()}`;
      const patient = req.patientId ? PATIENTS[req.practiceId]?.find((p) => p.id === req.patientId) : undefined;
      return addMessage({
        id,
        practiceId: req.practiceId,
        threadId: id,
        clientId: `c-${id}`,
        source: 'staff',
        sender: { kind: 'staff', id: ME.id, name: ME.name },
        recipients: req.to.map((uid) => ({
          kind: 'staff',
          id: uid,
          name: staff.find((u) => u.id === uid)?.name ?? uid,
        })),
        subject: req.subject,
        body: req.body,
        sentAt: new Date().toISOString(),
        inReplyTo: null,
        patient: patient ? { id: patient.id, name: patient.name } : null,
        encounter: req.encounterId ? { id: req.encounterId, date: '2026-11-20' } : null,
        document: req.documentId ? { id: req.documentId, title: 'Document' } : null,
        attachments: resolveAttachments(req.practiceId, req.attachments, staged, () => nextId(), forwarded),
        priority: req.priority ?? 'normal',
      });
    },
    reply: async ({ messageId, body, attachments, mode, takeOver, priority }) => {
      const original = find(messageId).message;
      workflow.reply(original, takeOver);
      const id = `m-new-${nextId()}`;
      const everyone = [original.sender, ...original.recipients].filter((p) => p.id !== ME.id);
      return addMessage({
        ...original,
        id,
        clientId: `c-${id}`,
        sender: { kind: 'staff', id: ME.id, name: ME.name },
        recipients: mode === 'all' || original.sender.id === ME.id ? everyone : [original.sender],
        priority: priority ?? 'normal',
        receipts: undefined,
        subject: original.subject.startsWith('Re: ') ? original.subject : `Re: ${original.subject}`,
        body,
        sentAt: new Date().toISOString(),
        inReplyTo: messageId,
        attachments: resolveAttachments(original.practiceId, attachments, staged, () => nextId(), forwarded),
      });
    },
  };
}
