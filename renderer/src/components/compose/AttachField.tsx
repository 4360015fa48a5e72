// "Attach": a file up to 10 MiB (refused at once past that, a progress bar while it is read) or a record.
import { ATTACHMENT_LIMIT_TEXT } from '../../lib/staging.js';
import { useComposeStore } from '../../stores/compose-store.js';
import { AttachProgress } from '../common/AttachProgress.js';
import { Chip } from '../common/Chip.js';
import { RecordAttachPicker } from './RecordAttachPicker.js';

const kindLabel = { file: 'File', encounter: 'Encounter', patient: 'Patient record', document: 'Document' } as const;

export function AttachField({ practiceId }: { practiceId: string }) {
  const attachments = useComposeStore((s) => s.attachments);
  const attachError = useComposeStore((s) => s.attachError);
  const staging = useComposeStore((s) => s.staging);
  const patient = useComposeStore((s) => s.patient);

  return (
    <fieldset className="attach-field">
      <legend>Attachments</legend>
      <div className="attach-row">
        <div className="field">
          <label htmlFor="compose-attach">Attach</label>
          <input
            id="compose-attach"
            type="file"
            multiple
            aria-describedby="attach-hint"
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              for (const file of files) void useComposeStore.getState().attachFile(file);
            }}
          />
          <span id="attach-hint" className="hint">
            Any kind of file, up to {ATTACHMENT_LIMIT_TEXT}.
          </span>
        </div>
        <RecordAttachPicker
          id="compose-attach-record"
          practiceId={practiceId}
          patient={patient}
          onPick={(a) => useComposeStore.getState().attachRecord(a)}
        />
      </div>
      {attachError && (
        <p role="alert" className="error">
          {attachError}
        </p>
      )}
      <AttachProgress staging={staging} />
      <div className="chips">
        {attachments.map((a, i) => (
          <Chip
            key={`${a.kind}-${a.id}`}
            label={a.name}
            detail={kindLabel[a.kind]}
            onRemove={() => useComposeStore.getState().removeAttachment(i)}
          />
        ))}
      </div>
    </fieldset>
  );
}
