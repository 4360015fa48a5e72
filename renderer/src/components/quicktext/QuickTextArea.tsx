// A text box with quick text: type ";" and the start of a template's title (Enter or Tab inserts it), or
// use the Quick text button / Ctrl+Shift+Space. Placeholders are filled for this patient, user and practice.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { TemplateView } from '../../../../common/desktop/index.js';
import { fillTemplate } from '../../lib/fill-template.js';
import { QUICK_TEXT_SHORTCUT } from '../../lib/shortcuts.js';
import { useSessionStore } from '../../stores/session-store.js';
import { templatesOf, useTemplatesStore } from '../../stores/templates-store.js';
import { findTrigger, matchTemplates, type Trigger } from './quick-text-trigger.js';
import { QuickTextPicker } from './QuickTextPicker.js';
import './quicktext.css';

interface Props {
  id: string;
  value: string;
  onChange(value: string): void;
  practiceId: string;
  patient: { name: string } | null;
  rows: number;
  describedBy?: string;
}

export function QuickTextArea({ id, value, onChange, practiceId, patient, rows, describedBy }: Props) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const templates = useTemplatesStore(templatesOf(practiceId));
  const me = useSessionStore((s) => s.session?.user ?? null);
  const practice = useSessionStore((s) => s.session?.practices.find((p) => p.id === practiceId) ?? null);
  const [trigger, setTrigger] = useState<Trigger | null>(null);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const [pickerOpen, setPickerOpen] = useState(false);
  /** Where the caret was when the picker opened: its template goes there. */
  const caret = useRef({ start: 0, end: 0 });

  useEffect(() => {
    void useTemplatesStore.getState().load(practiceId);
  }, [practiceId]);

  const matches = trigger && trigger.start !== dismissed ? matchTemplates(templates, trigger.query) : [];
  const showList = matches.length > 0;
  const current = matches[Math.min(active, matches.length - 1)];

  const track = (el: HTMLTextAreaElement) => {
    caret.current = { start: el.selectionStart, end: el.selectionEnd };
    const found = el.selectionStart === el.selectionEnd ? findTrigger(el.value, el.selectionStart) : null;
    setTrigger(found);
    if (!found) setDismissed(null);
  };

  const insert = (template: TemplateView, from: number, to: number) => {
    const text = fillTemplate(template.body, { patient, me, practice, today: new Date() });
    onChange(value.slice(0, from) + text + value.slice(to));
    setTrigger(null);
    setPickerOpen(false);
    const at = from + text.length;
    requestAnimationFrame(() => {
      ref.current?.focus();
      ref.current?.setSelectionRange(at, at);
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === ' ' && event.shiftKey && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      caret.current = { start: event.currentTarget.selectionStart, end: event.currentTarget.selectionEnd };
      setPickerOpen(true);
      return;
    }
    if (!showList || !trigger || !current) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + matches.length) % matches.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      insert(current, trigger.start, event.currentTarget.selectionStart);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setDismissed(trigger.start);
    }
  };

  const optionId = (i: number) => `${listId}-option-${i}`;
  const statusId = `${id}-quick-text-status`;
  return (
    <div className="quick-text-area">
      <textarea
        id={id}
        ref={ref}
        rows={rows}
        value={value}
        aria-describedby={[describedBy, statusId].filter(Boolean).join(' ')}
        aria-controls={showList ? listId : undefined}
        aria-activedescendant={showList ? optionId(Math.min(active, matches.length - 1)) : undefined}
        onChange={(e) => {
          onChange(e.target.value);
          setActive(0);
          track(e.target);
        }}
        onSelect={(e) => track(e.currentTarget)}
        onKeyDown={onKeyDown}
        onBlur={() => setTrigger(null)}
      />
      <span id={statusId} className="visually-hidden" aria-live="polite">
        {showList && current
          ? `${matches.length} quick ${matches.length === 1 ? 'text matches' : 'texts match'}. ${current.title}: Enter inserts it.`
          : ''}
      </span>
      {showList && (
        <ul id={listId} role="listbox" aria-label="Quick text suggestions" className="quick-text-list card">
          {matches.map((t, i) => (
            <li
              key={t.id}
              id={optionId(i)}
              role="option"
              aria-selected={t === current}
              // Keep focus (and the caret) in the text box while clicking.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => trigger && insert(t, trigger.start, caret.current.start)}
            >
              <span>{t.title}</span>
              <span className="muted">{t.scope === 'personal' ? 'Personal' : 'Practice'}</span>
            </li>
          ))}
        </ul>
      )}
      <QuickTextPicker
        id={`${id}-quick-text`}
        open={pickerOpen}
        templates={templates}
        shortcut={QUICK_TEXT_SHORTCUT}
        onOpen={() => {
          const el = ref.current;
          if (el) caret.current = { start: el.selectionStart, end: el.selectionEnd };
          setPickerOpen(true);
        }}
        onClose={() => {
          setPickerOpen(false);
          ref.current?.focus();
        }}
        onPick={(t) => insert(t, caret.current.start, caret.current.end)}
      />
    </div>
  );
}
