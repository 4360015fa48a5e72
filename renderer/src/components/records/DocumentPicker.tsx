// The documents found, as a single-select listbox: click or arrow keys highlight one.
import type { KeyboardEvent } from 'react';
import type { DocumentInfo } from '../../../../common/desktop/index.js';
import { calendarDate, fileSize } from '../../lib/format.js';

interface Props {
  documents: DocumentInfo[];
  highlighted: string | null;
  onHighlight(id: string): void;
}

export function DocumentPicker({ documents, highlighted, onHighlight }: Props) {
  if (documents.length === 0) return <p className="muted">No documents found.</p>;
  const index = documents.findIndex((d) => d.id === highlighted);
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = documents[Math.max(0, Math.min(documents.length - 1, index + step))];
    if (next) onHighlight(next.id);
  };
  return (
    <ul
      role="listbox"
      aria-label="Documents"
      tabIndex={0}
      className="document-list card"
      aria-activedescendant={index >= 0 ? `document-${documents[index]!.id}` : undefined}
      onKeyDown={onKeyDown}
    >
      {documents.map((d) => (
        <li
          key={d.id}
          id={`document-${d.id}`}
          role="option"
          aria-selected={d.id === highlighted}
          onClick={() => onHighlight(d.id)}
        >
          <span className="doc-title">{d.title}</span>
          <span className="muted">{d.fileName}</span>
          <span className="muted">{fileSize(d.size)}</span>
          <span className="muted">{calendarDate(d.createdAt)}</span>
        </li>
      ))}
    </ul>
  );
}
