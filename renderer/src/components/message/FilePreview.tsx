// Shows a fetched file (image, PDF, plain text) from a Blob URL in a dialog, with Download and Close.
import { useEffect, useMemo, useRef } from 'react';
import type { FileContent } from '../../../../common/desktop/index.js';
import { base64ToBlob, offerDownload } from '../../lib/files.js';
import './file-preview.css';

/** Types the window can show safely by itself; everything else is only offered as a download. */
export function canPreview(mimeType: string): boolean {
  return /^image\/(png|jpeg|gif|webp)$/.test(mimeType) || mimeType === 'application/pdf' || mimeType === 'text/plain';
}

export function FilePreview({ content, onClose }: { content: FileContent; onClose(): void }) {
  const url = useMemo(() => URL.createObjectURL(base64ToBlob(content)), [content]);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    return () => opener?.focus();
  }, []);

  return (
    <div className="preview-backdrop">
      <div
        className="preview card"
        role="dialog"
        aria-modal="true"
        aria-labelledby="preview-title"
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          e.stopPropagation();
          onClose();
        }}
      >
        <div className="preview-header">
          <h2 id="preview-title">{content.name}</h2>
          <div className="actions">
            <button onClick={() => offerDownload(content)}>Download</button>
            <button ref={closeRef} onClick={onClose}>
              Close
            </button>
          </div>
        </div>
        {content.mimeType.startsWith('image/') ? (
          <img className="preview-body" src={url} alt={content.name} />
        ) : (
          // Text is shown sandboxed (no scripts); PDFs need the browser's own viewer.
          <iframe
            className="preview-body"
            src={url}
            title={content.name}
            sandbox={content.mimeType === 'text/plain' ? '' : undefined}
          />
        )}
      </div>
    </div>
  );
}
