// A message's attachments: files download through a Blob URL; records open their views.
import { useState } from 'react';
import type { FileContent } from '../../../../common/desktop/index.js';
import type { Attachment, Message } from '../../lib/types.js';
import { desktopApi } from '../../api/client.js';
import { errorMessage } from '../../lib/errors.js';
import { offerDownload } from '../../lib/files.js';
import { fileSize } from '../../lib/format.js';
import { attachmentName } from '../../lib/record-names.js';
import { navigate } from '../../stores/route-store.js';
import { Icon } from '../common/Icon.js';
import { canPreview, FilePreview } from './FilePreview.js';

const kindLabel = { encounter: 'Encounter', patient: 'Patient record', document: 'Document' } as const;

export function AttachmentList({ message }: { message: Message }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [preview, setPreview] = useState<FileContent | null>(null);
  if (message.attachments.length === 0) return null;

  const open = async (attachment: Attachment) => {
    setError(null);
    if (attachment.kind === 'patient') return navigate({ name: 'patient', patientId: attachment.refId });
    if (attachment.kind === 'encounter') return navigate({ name: 'encounter', encounterId: attachment.refId });
    if (attachment.kind === 'document')
      return navigate({ name: 'documents', documentId: attachment.refId, open: true });
    if (busy) return;
    setBusy(attachment.id);
    try {
      const content = await desktopApi().getAttachmentContent({ messageId: message.id, attachmentId: attachment.id });
      if (canPreview(content.mimeType)) setPreview(content);
      else offerDownload(content);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="attachments">
      <h3 className="visually-hidden">Attachments</h3>
      <ul aria-label="Attachments">
        {message.attachments.map((a) => (
          <li key={a.id}>
            {/* Not disabled while fetching: a disabled button drops focus, and the preview returns focus here. */}
            <button className="attachment" aria-busy={busy === a.id} onClick={() => void open(a)}>
              <Icon name="paperclip" />
              <span>{attachmentName(a)}</span>
              <span className="muted">{a.kind === 'file' ? fileSize(a.size) : kindLabel[a.kind]}</span>
            </button>
          </li>
        ))}
      </ul>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {preview && <FilePreview content={preview} onClose={() => setPreview(null)} />}
    </div>
  );
}
