// Write or change one quick-text template: title, text with placeholders, and who can use it.
import { useState, type FormEvent } from 'react';
import {
  MAX_TEMPLATE_BODY_CHARS,
  MAX_TEMPLATE_TITLE_CHARS,
  TEMPLATE_PLACEHOLDERS,
  type TemplateScope,
  type TemplateView,
} from '../../../../common/desktop/index.js';
import { useTemplatesStore } from '../../stores/templates-store.js';

interface Props {
  /** The template being changed, or null for a new one. */
  template: TemplateView | null;
  onDone(): void;
}

export function TemplateEditor({ template, onDone }: Props) {
  const [title, setTitle] = useState(template?.title ?? '');
  const [body, setBody] = useState(template?.body ?? '');
  const [scope, setScope] = useState<TemplateScope>(template?.scope ?? 'personal');
  const [problem, setProblem] = useState<string | null>(null);
  const error = useTemplatesStore((s) => s.error);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return setProblem('Give the template a title.');
    if (!body.trim()) return setProblem('Write the template’s text.');
    setProblem(null);
    const saved = await useTemplatesStore.getState().save({ title: title.trim(), body, scope }, template?.id);
    if (saved) onDone();
  };

  return (
    <form
      className="template-editor"
      aria-label={template ? `Edit ${template.title}` : 'New template'}
      onSubmit={submit}
    >
      <div className="field">
        <label htmlFor="template-title">Title</label>
        <input
          id="template-title"
          type="text"
          maxLength={MAX_TEMPLATE_TITLE_CHARS}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="template-body">Text</label>
        <textarea
          id="template-body"
          rows={5}
          maxLength={MAX_TEMPLATE_BODY_CHARS}
          value={body}
          aria-describedby="template-body-hint"
          onChange={(e) => setBody(e.target.value)}
        />
        <span id="template-body-hint" className="hint">
          Filled in when inserted: {TEMPLATE_PLACEHOLDERS.join(', ')}.
        </span>
      </div>
      <fieldset className="privacy">
        <legend>Who can use it</legend>
        {(
          [
            ['practice', 'Everyone at this practice'],
            ['personal', 'Only me'],
          ] as const
        ).map(([value, label]) => (
          <div className="check" key={value}>
            <input
              id={`template-scope-${value}`}
              type="radio"
              name="template-scope"
              checked={scope === value}
              onChange={() => setScope(value)}
            />
            <label htmlFor={`template-scope-${value}`}>{label}</label>
          </div>
        ))}
      </fieldset>
      {(problem ?? error) && (
        <p role="alert" className="error">
          {problem ?? error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary">
          Save template
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
