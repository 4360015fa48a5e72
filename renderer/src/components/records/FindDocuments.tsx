// Find Documents: search the practice's documents, highlight one, then open it or start a New Message.
// A document link elsewhere lands here with that document highlighted and already open.
import { useCallback, useEffect, useState } from 'react';
import type { DocumentInfo, FileContent } from '../../../../common/desktop/index.js';
import { desktopApi } from '../../api/client.js';
import { errorMessage } from '../../lib/errors.js';
import { offerDownload } from '../../lib/files.js';
import { navigate } from '../../stores/route-store.js';
import { canPreview, FilePreview } from '../message/FilePreview.js';
import { DocumentDetails } from './DocumentDetails.js';
import { DocumentPicker } from './DocumentPicker.js';
import './records.css';

interface Props {
  practiceId: string;
  documentId: string | null;
  /** Open the highlighted document at once (it was reached by a document link). */
  openAtStart: boolean;
}

export function FindDocuments({ practiceId, documentId, openAtStart }: Props) {
  const [query, setQuery] = useState('');
  const [documents, setDocuments] = useState<DocumentInfo[]>([]);
  const [highlighted, setHighlighted] = useState<string | null>(documentId);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<FileContent | null>(null);

  useEffect(() => {
    let live = true;
    desktopApi()
      .searchDocuments({ practiceId, query: query.trim() })
      .then(
        (r) => live && (setDocuments(r.documents), setError(null)),
        (e: unknown) => live && setError(errorMessage(e)),
      );
    return () => {
      live = false;
    };
  }, [practiceId, query]);

  const selected = documents.find((d) => d.id === highlighted) ?? null;
  const open = useCallback(
    async (id: string) => {
      try {
        const content = await desktopApi().getDocumentContent({ practiceId, documentId: id });
        if (canPreview(content.mimeType)) setPreview(content);
        else offerDownload(content);
      } catch (e) {
        setError(errorMessage(e));
      }
    },
    [practiceId],
  );

  useEffect(() => {
    if (openAtStart && documentId) void open(documentId);
  }, [openAtStart, documentId, open]);

  return (
    <div className="screen record-view find-documents">
      <div className="screen-header">
        <h1>Find Documents</h1>
      </div>
      <div className="field search-documents">
        <label htmlFor="document-search">Search documents</label>
        <input id="document-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <DocumentPicker documents={documents} highlighted={highlighted} onHighlight={setHighlighted} />
      {selected && <DocumentDetails document={selected} />}
      <div className="actions bottom-actions">
        <button disabled={!selected} onClick={() => selected && void open(selected.id)}>
          Open
        </button>
        <button
          className="primary"
          disabled={!selected}
          onClick={() =>
            selected &&
            navigate({
              name: 'compose',
              link: { kind: 'document', id: selected.id, label: selected.title, patientId: selected.patientId },
            })
          }
        >
          New Message
        </button>
        {!selected && <span className="muted">Highlight a document first.</span>}
      </div>
      {preview && <FilePreview content={preview} onClose={() => setPreview(null)} />}
    </div>
  );
}
