// Quick text in Message Settings: the practice's templates and your own, to add, change or delete.
import { useEffect, useState } from 'react';
import type { TemplateView } from '../../../../common/desktop/index.js';
import { templatesOf, useTemplatesStore } from '../../stores/templates-store.js';
import { ConfirmDialog } from '../workflow/ConfirmDialog.js';
import { TemplateEditor } from './TemplateEditor.js';

export function TemplatesSection({ practiceId }: { practiceId: string }) {
  const templates = useTemplatesStore(templatesOf(practiceId));
  const error = useTemplatesStore((s) => s.error);
  const [editing, setEditing] = useState<TemplateView | 'new' | null>(null);
  const [deleting, setDeleting] = useState<TemplateView | null>(null);
  useEffect(() => {
    void useTemplatesStore.getState().load(practiceId);
  }, [practiceId]);

  return (
    <section className="templates card" aria-labelledby="templates-title">
      <h2 id="templates-title">Quick text</h2>
      <p className="hint">
        Ready-made text for messages and replies: type ; and the start of a title, or use Quick text beside the box.
      </p>
      {templates.length === 0 ? (
        <p className="muted">No templates yet.</p>
      ) : (
        <ul className="template-list" aria-label="Templates">
          {templates.map((t) => (
            <li key={t.id}>
              <span className="template-title">{t.title}</span>
              <span className="tag">{t.scope === 'practice' ? 'Practice' : 'Only me'}</span>
              {t.pending && <span className="delivery pending">Pending</span>}
              <span className="actions">
                <button type="button" aria-label={`Edit ${t.title}`} onClick={() => setEditing(t)}>
                  Edit
                </button>
                <button type="button" aria-label={`Delete ${t.title}`} onClick={() => setDeleting(t)}>
                  Delete
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {error && !editing && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {editing ? (
        <TemplateEditor
          key={editing === 'new' ? 'new' : editing.id}
          template={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      ) : (
        <button type="button" onClick={() => setEditing('new')}>
          New template
        </button>
      )}
      {deleting && (
        <ConfirmDialog
          title="Delete this template?"
          message={`“${deleting.title}” will no longer be offered as quick text.`}
          confirmLabel="Delete"
          onConfirm={() => {
            setDeleting(null);
            void useTemplatesStore.getState().remove(deleting.id);
          }}
          onCancel={() => setDeleting(null)}
        />
      )}
    </section>
  );
}
