// The reply box under a message; replying to a Patient Portal message answers the patient.
import { useState, type FormEvent } from 'react';
import type { MessageView } from '../../../../common/desktop/index.js';
import { REPLY_BOX_ID } from '../../hooks/useKeyboardShortcuts.js';
import { usePickedAttachments } from '../../hooks/usePickedAttachments.js';
import { SHORTCUT_HINTS } from '../../lib/shortcuts.js';
import { useCurrentMessageStore } from '../../stores/current-message-store.js';
import { useSessionStore } from '../../stores/session-store.js';
import { ReplyAttachments } from './ReplyAttachments.js';

/**
 * A reply in a Patient Portal thread reaches the patient, so it may carry only that patient's records
 * (the server refuses others: wrong_patient). Undefined when the thread is staff-only; null when the
 * patient can't be told, and then no record is offered at all.
 */
function portalThreadPatient(message: MessageView['message']): { id: string; name: string } | null | undefined {
  const patientParty =
    message.sender.kind === 'patient' ? message.sender : message.recipients.find((r) => r.kind === 'patient');
  if (message.source !== 'portal' && !patientParty) return undefined;
  return message.patient ?? (patientParty ? { id: patientParty.id, name: patientParty.name } : null);
}

export function ReplyBox({ view }: { view: MessageView }) {
  const [body, setBody] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const myId = useSessionStore((s) => s.session?.user?.id);
  const picked = usePickedAttachments();
  const { sender, recipients } = view.message;
  const toPatient = sender.kind === 'patient';
  const portalPatient = portalThreadPatient(view.message);
  const replyTo =
    sender.id === myId && sender.kind === 'staff' ? recipients.map((r) => r.name).join(', ') : sender.name;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    if (!body.trim()) return setProblem('Write your reply first.');
    setProblem(null);
    setBusy(true);
    const refs = picked.attachments.map(({ kind, id }) => ({ kind, id }));
    const sent = await useCurrentMessageStore.getState().reply(body.trim(), refs.length ? refs : undefined);
    setBusy(false);
    if (sent) {
      setBody('');
      picked.clear();
      setDone(true);
    }
  };

  return (
    <form className="reply-box" onSubmit={(e) => void submit(e)}>
      <label htmlFor={REPLY_BOX_ID}>Reply to {replyTo}</label>
      {toPatient && (
        <p className="hint" id="reply-portal-hint">
          This goes to the patient through the Patient Portal.
        </p>
      )}
      <textarea
        id={REPLY_BOX_ID}
        rows={4}
        value={body}
        aria-describedby={toPatient ? 'reply-portal-hint' : undefined}
        onChange={(e) => {
          setBody(e.target.value);
          setDone(false);
        }}
      />
      <ReplyAttachments
        practiceId={view.message.practiceId}
        patient={portalPatient ?? view.message.patient}
        onlyThisPatient={portalPatient !== undefined}
        picked={picked}
      />
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" title={SHORTCUT_HINTS.reply} disabled={busy || picked.staging > 0}>
          Reply
        </button>
        {done && (
          <span role="status" className="success">
            Reply sent.
          </span>
        )}
      </div>
    </form>
  );
}
