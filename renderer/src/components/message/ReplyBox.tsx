// The reply box under a message; replying to a Patient Portal message answers the patient.
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
import { ReplyAttachments } from './ReplyAttachments.js';

export function ReplyBox({ view }: { view: MessageView }) {
  const [body, setBody] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const myId = useSessionStore((s) => s.session?.user?.id);
  const picked = usePickedAttachments();
  const { sender, recipients } = view.message;
  const toPatient = sender.kind === 'patient';
  const replyTo =
    sender.id === myId && sender.kind === 'staff' ? recipients.map((r) => r.name).join(', ') : sender.name;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    if (!body.trim()) return setProblem('Write your reply first.');
    const tooLong = overLimit(body.trim(), BODY_LIMIT);
    if (tooLong) return setProblem(tooLong);
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
    <form className="reply-box" onSubmit={(e) => void submit(e)} onKeyDown={submitOnCtrlEnter}>
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
        aria-describedby={toPatient ? 'reply-portal-hint reply-count' : 'reply-count'}
        onChange={(e) => {
          setBody(e.target.value);
          setDone(false);
        }}
      />
      <CharacterCount id="reply-count" text={body} limit={BODY_LIMIT} />
      <ReplyAttachments practiceId={view.message.practiceId} patient={view.message.patient} picked={picked} />
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
    </form>
  );
}
