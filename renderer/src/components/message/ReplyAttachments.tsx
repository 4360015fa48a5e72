// Attach to a reply: a file (up to 10 MB, with a progress bar) or a record; shown as removable chips.
import type { usePickedAttachments } from '../../hooks/usePickedAttachments.js';
import { ATTACHMENT_LIMIT_TEXT } from '../../lib/staging.js';
import { AttachProgress } from '../common/AttachProgress.js';
import { Chip } from '../common/Chip.js';
import { RecordAttachPicker } from '../compose/RecordAttachPicker.js';

interface Props {
  practiceId: string;
  patient: { id: string; name: string } | null;
  /** A Patient Portal thread: only this patient's records may be attached. */
  onlyThisPatient: boolean;
  picked: ReturnType<typeof usePickedAttachments>;
}

export function ReplyAttachments({ practiceId, patient, onlyThisPatient, picked }: Props) {
  return (
    <details className="reply-attachments" open={picked.attachments.length > 0 || undefined}>
      <summary>Attach to this reply</summary>
      <div className="attach-row">
        <div className="field">
          <label htmlFor="reply-attach">Attach a file</label>
          <input
            id="reply-attach"
            type="file"
            multiple
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              for (const file of files) void picked.attachFile(file);
            }}
          />
          <span className="hint">Any kind of file, up to {ATTACHMENT_LIMIT_TEXT}.</span>
        </div>
        <RecordAttachPicker
          id="reply-attach-record"
          practiceId={practiceId}
          patient={patient}
          onlyThisPatient={onlyThisPatient}
          onPick={picked.attachRecord}
        />
      </div>
      {onlyThisPatient && (
        <p className="hint">
          The patient reads this reply, so only {patient ? `${patient.name}'s` : 'their own'} records can be attached.
        </p>
      )}
      {picked.error && (
        <p role="alert" className="error">
          {picked.error}
        </p>
      )}
      <AttachProgress staging={picked.staging} />
      <div className="chips">
        {picked.attachments.map((a, i) => (
          <Chip key={`${a.kind}-${a.id}`} label={a.name} onRemove={() => picked.remove(i)} />
        ))}
      </div>
    </details>
  );
}
