// The reply box under a message; replying to a Patient Portal message answers the patient. On a message to
// several people it offers Reply (the sender) or Reply all; on a portal thread someone else owns it asks first.
import { useState, type FormEvent } from 'react';
import type { MessageView } from '../../../../common/desktop/index.js';
import { REPLY_BOX_ID } from '../../hooks/useKeyboardShortcuts.js';
import { usePickedAttachments } from '../../hooks/usePickedAttachments.js';
import { SHORTCUT_HINTS } from '../../lib/shortcuts.js';
import { BODY_LIMIT, overLimit } from '../../lib/text-limits.js';
import { useCurrentMessageStore } from '../../stores/current-message-store.js';
import { useSessionStore } from '../../stores/session-store.js';
import { CharacterCount } from '../common/CharacterCount.js';
import { submitOnCtrlEnter } from '../common/submit-on-ctrl-enter.js';
import { QuickTextArea } from '../quicktext/QuickTextArea.js';
import { ConfirmDialog } from '../workflow/ConfirmDialog.js';
import { ReplyAttachments } from './ReplyAttachments.js';
import { replyAudience, ReplyModeChoice, type ReplyMode } from './ReplyModeChoice.js';

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
  const [mode, setMode] = useState<ReplyMode>('sender');
  /** The question to ask before taking over a portal thread someone else owns. */
  const [askTakeOver, setAskTakeOver] = useState<string | null>(null);
  const myId = useSessionStore((s) => s.session?.user?.id);
  const portal = useCurrentMessageStore((s) => s.portal);
  const picked = usePickedAttachments();
  const { message } = view;
  const toPatient = message.sender.kind === 'patient';
  const portalPatient = portal?.patient ?? portalThreadPatient(message);
  const audience = replyAudience(message, myId);
  const replyTo = (mode === 'all' ? audience.all : audience.sender).map((p) => p.name).join(', ');
  const owner = portal?.owner && portal.owner.id !== myId ? portal.owner : null;

  const send = async (takeOver: boolean) => {
    setAskTakeOver(null);
    setBusy(true);
    const refs = picked.attachments.map(({ kind, id }) => ({ kind, id }));
    const options = { ...(mode === 'all' ? { mode } : {}), ...(takeOver ? { takeOver } : {}) };
    const result = await useCurrentMessageStore.getState().reply(body.trim(), refs.length ? refs : undefined, options);
    setBusy(false);
    if (result === true) {
      setBody('');
      picked.clear();
      setDone(true);
    } else if (result.code === 'already_claimed') {
      setAskTakeOver('Someone else is answering this patient now. Send your reply and take the conversation over?');
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    if (!body.trim()) return setProblem('Write your reply first.');
    const tooLong = overLimit(body.trim(), BODY_LIMIT);
    if (tooLong) return setProblem(tooLong);
    setProblem(null);
    if (owner) {
      return setAskTakeOver(
        `${owner.name} is answering ${portal?.patient.name ?? 'this patient'}. Send your reply and take the conversation over?`,
      );
    }
    await send(false);
  };

  return (
    <form className="reply-box" onSubmit={(e) => void submit(e)} onKeyDown={submitOnCtrlEnter}>
      {audience.all.length > audience.sender.length && !toPatient && <ReplyModeChoice mode={mode} onChange={setMode} />}
      <label htmlFor={REPLY_BOX_ID}>Reply to {replyTo}</label>
      {toPatient && (
        <p className="hint" id="reply-portal-hint">
          This goes to the patient through the Patient Portal.
        </p>
      )}
      <QuickTextArea
        id={REPLY_BOX_ID}
        rows={4}
        value={body}
        practiceId={message.practiceId}
        patient={message.patient}
        describedBy={toPatient ? 'reply-portal-hint reply-count' : 'reply-count'}
        onChange={(next) => {
          setBody(next);
          setDone(false);
        }}
      />
      <CharacterCount id="reply-count" text={body} limit={BODY_LIMIT} />
      <ReplyAttachments
        practiceId={message.practiceId}
        patient={portalPatient ?? message.patient}
        onlyThisPatient={portalPatient !== undefined}
        picked={picked}
      />
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      <div className="actions">
        <button
          type="submit"
          className="primary"
          title={SHORTCUT_HINTS.reply}
          disabled={busy || picked.staging.length > 0}
        >
          Reply
        </button>
        {done && (
          <span role="status" className="success">
            Reply sent.
          </span>
        )}
      </div>
      {askTakeOver && (
        <ConfirmDialog
          title="Take over this conversation?"
          message={askTakeOver}
          confirmLabel="Take over and reply"
          onConfirm={() => void send(true)}
          onCancel={() => setAskTakeOver(null)}
        />
      )}
    </form>
  );
}
