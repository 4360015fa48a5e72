// The "Quick text" button beside a text box: a small panel to find a template by title and insert it.
import { useCallback, useEffect, useRef } from 'react';
import type { TemplateView } from '../../../../common/desktop/index.js';
import { Typeahead } from '../common/Typeahead.js';
import { matchTemplates } from './quick-text-trigger.js';

interface Props {
  id: string;
  open: boolean;
  templates: TemplateView[];
  shortcut: string;
  onOpen(): void;
  onClose(): void;
  onPick(template: TemplateView): void;
}

export function QuickTextPicker({ id, open, templates, shortcut, onOpen, onClose, onPick }: Props) {
  const panelRef = useRef<HTMLDivElement>(null);
  const search = useCallback(async (query: string) => matchTemplates(templates, query), [templates]);
  useEffect(() => {
    if (open) panelRef.current?.querySelector('input')?.focus();
  }, [open]);
  return (
    <div className="quick-text-picker">
      <button
        type="button"
        className="link"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        title={`Quick text (${shortcut})`}
        onClick={() => (open ? onClose() : onOpen())}
      >
        Quick text
      </button>
      {open && (
        <div
          id={`${id}-panel`}
          ref={panelRef}
          className="quick-text-panel card"
          role="group"
          aria-label="Quick text"
          onKeyDown={(e) => {
            if (e.key !== 'Escape' || e.defaultPrevented) return;
            e.preventDefault();
            onClose();
          }}
        >
          {templates.length === 0 ? (
            <p className="hint">No quick texts yet. Add them in Message Settings.</p>
          ) : (
            <Typeahead
              id={`${id}-find`}
              label="Find quick text"
              suggestionsLabel="Quick texts"
              placeholder="Type a title"
              search={search}
              optionKey={(t) => t.id}
              optionLabel={(t) => t.title}
              optionDetail={(t) => (t.scope === 'personal' ? 'Personal' : 'Practice')}
              onPick={onPick}
            />
          )}
        </div>
      )}
    </div>
  );
}
