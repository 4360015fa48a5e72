// New Message: To, Patient, Subject, Body, Attach, Send; the draft is kept while you write.
import { useEffect, type FormEvent } from 'react';
import { SHORTCUT_HINTS } from '../../lib/shortcuts.js';
import { BODY_LIMIT, SUBJECT_LIMIT } from '../../lib/text-limits.js';
import { flushDraft, useComposeStore } from '../../stores/compose-store.js';
import { navigate, type ComposeLink } from '../../stores/route-store.js';
import { CharacterCount } from '../common/CharacterCount.js';
import { Chip } from '../common/Chip.js';
import { submitOnCtrlEnter } from '../common/submit-on-ctrl-enter.js';
import { QuickTextArea } from '../quicktext/QuickTextArea.js';
import { AttachField } from './AttachField.js';
import { PatientPicker } from './PatientPicker.js';
import { PriorityField } from './PriorityField.js';
import { RecipientPicker } from './RecipientPicker.js';
import './compose.css';

const linkKind = { encounter: 'Encounter', document: 'Document', patient: 'Patient' } as const;

interface Props {
  practiceId: string;
  link: ComposeLink | null;
  /** The message being forwarded, if any. */
  forward?: string;
}

export function ComposeScreen({ practiceId, link, forward }: Props) {
  const ready = useComposeStore((s) => s.ready);
  const subject = useComposeStore((s) => s.subject);
  const body = useComposeStore((s) => s.body);
  const patient = useComposeStore((s) => s.patient);
  const linked = useComposeStore((s) => s.link);
  const sending = useComposeStore((s) => s.sending);
  const staging = useComposeStore((s) => s.staging.length > 0);
  const sendError = useComposeStore((s) => s.sendError);
  const update = useComposeStore((s) => s.update);

  useEffect(() => {
    void useComposeStore.getState().open(practiceId, link, forward);
    // A draft must survive the window closing mid-sentence.
    const onHide = () => void flushDraft();
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      void flushDraft();
    };
  }, [practiceId, link, forward]);

  useEffect(() => {
    // Opened from a shortcut or a button that is gone now: start typing in To.
    const active = document.activeElement;
    if (ready && (!active || active === document.body)) document.getElementById('compose-to')?.focus();
  }, [ready]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Back from Sent leads to where New Message was started, not to the emptied form.
    if (await useComposeStore.getState().send()) {
      navigate({ name: 'messages', folder: 'sent', messageId: null }, { replace: true });
    }
  };

  if (!ready) return <p className="screen muted">Opening New Message…</p>;
  return (
    <form
      className="screen compose"
      onSubmit={(e) => void submit(e)}
      onKeyDown={submitOnCtrlEnter}
      aria-labelledby="compose-title"
    >
      <div className="screen-header">
        <h1 id="compose-title">New Message</h1>
        {linked && (
          <span className="compose-link">
            Linked to{' '}
            <Chip label={linked.label} detail={linkKind[linked.kind]} onRemove={() => update({ link: null })} />
          </span>
        )}
      </div>
      <div className="compose-grid card">
        <RecipientPicker practiceId={practiceId} />
        <PatientPicker practiceId={practiceId} />
        <div className="field">
          <label htmlFor="compose-subject">Subject</label>
          {/* No maxLength: a pasted subject is never cut silently; the counter says what is too long. */}
          <input
            id="compose-subject"
            type="text"
            value={subject}
            aria-describedby="compose-subject-count"
            onChange={(e) => update({ subject: e.target.value })}
          />
          <CharacterCount id="compose-subject-count" text={subject} limit={SUBJECT_LIMIT} />
        </div>
        <div className="field">
          <label htmlFor="compose-body">Body</label>
          <QuickTextArea
            id="compose-body"
            rows={10}
            value={body}
            practiceId={practiceId}
            patient={patient}
            describedBy="compose-body-count"
            onChange={(next) => update({ body: next })}
          />
          <CharacterCount id="compose-body-count" text={body} limit={BODY_LIMIT} />
        </div>
        <AttachField practiceId={practiceId} />
        <PriorityField />
        {sendError && (
          <p role="alert" className="error">
            {sendError}
          </p>
        )}
        <div className="actions compose-actions">
          <button type="submit" className="primary" title={SHORTCUT_HINTS.send} disabled={sending || staging}>
            {sending ? 'Sending…' : 'Send'}
          </button>
          <button type="button" onClick={() => navigate({ name: 'messages', folder: 'inbox', messageId: null })}>
            Close (keep draft)
          </button>
          <button
            type="button"
            className="link"
            onClick={() =>
              void useComposeStore
                .getState()
                .discard()
                .then(() => navigate({ name: 'messages', folder: 'inbox', messageId: null }))
            }
          >
            Discard draft
          </button>
        </div>
      </div>
    </form>
  );
}
