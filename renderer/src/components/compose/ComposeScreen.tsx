// New Message: To, Patient, Subject, Body, Attach, Send; the draft is kept while you write.
import { useEffect, type FormEvent } from 'react';
import { MAX_SUBJECT_CHARS } from '../../../../common/limits.js';
import { flushDraft, useComposeStore } from '../../stores/compose-store.js';
import { navigate, type ComposeLink } from '../../stores/route-store.js';
import { Chip } from '../common/Chip.js';
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
  const staging = useComposeStore((s) => s.staging);
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
    if (await useComposeStore.getState().send()) navigate({ name: 'messages', folder: 'sent', messageId: null });
  };

  if (!ready) return <p className="screen muted">Opening New Message…</p>;
  return (
    <form className="screen compose" onSubmit={(e) => void submit(e)} aria-labelledby="compose-title">
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
          <input
            id="compose-subject"
            type="text"
            maxLength={MAX_SUBJECT_CHARS}
            value={subject}
            onChange={(e) => update({ subject: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="compose-body">Body</label>
          <QuickTextArea
            id="compose-body"
            rows={10}
            value={body}
            practiceId={practiceId}
            patient={patient}
            onChange={(next) => update({ body: next })}
          />
        </div>
        <AttachField practiceId={practiceId} />
        <PriorityField />
        {sendError && (
          <p role="alert" className="error">
            {sendError}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={sending || staging > 0}>
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
