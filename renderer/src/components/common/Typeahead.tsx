// A labeled type-ahead field (WAI-ARIA combobox with a listbox of suggestions).
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import './typeahead.css';

interface Props<T> {
  id: string;
  label: string;
  /** Name of the suggestion list; avoid repeating the field's label so "To" stays unambiguous. */
  suggestionsLabel: string;
  placeholder?: string;
  /** Runs as the user types (and on focus, with the current text). */
  search(query: string): Promise<T[]>;
  optionKey(option: T): string;
  optionLabel(option: T): string;
  optionDetail?(option: T): string;
  onPick(option: T): void;
  describedBy?: string;
  /** When the search finds nothing for what was typed: a sentence saying why (or null for none). */
  noMatchHint?(query: string): Promise<string | null>;
  /** The typed text, when the owner needs it (e.g. to act on a name typed but not picked). */
  text?: string;
  onTextChange?(text: string): void;
  onBlur?(): void;
  invalid?: boolean;
}

const SEARCH_DELAY_MS = 120;

export function Typeahead<T>(props: Props<T>) {
  const {
    id,
    label,
    suggestionsLabel,
    placeholder,
    search,
    optionKey,
    optionLabel,
    optionDetail,
    onPick,
    describedBy,
    noMatchHint,
    onBlur,
    invalid,
  } = props;
  const listId = useId();
  const hintId = useId();
  const [ownText, setOwnText] = useState('');
  const text = props.text ?? ownText;
  const setText = (value: string) => {
    setOwnText(value);
    props.onTextChange?.(value);
  };
  const [noMatch, setNoMatch] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<T[]>([]);
  const [active, setActive] = useState(0);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!open) return;
    let live = true;
    const timer = setTimeout(() => {
      const query = text.trim();
      search(query).then(
        async (found) => {
          if (!live) return;
          setOptions(found);
          setActive(0);
          setFailed(false);
          const hint = found.length === 0 && query && noMatchHint ? await noMatchHint(query).catch(() => null) : null;
          if (live) setNoMatch(hint);
        },
        () => {
          if (!live) return;
          setOptions([]);
          setFailed(true);
        },
      );
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, open, search, noMatchHint]);

  const pick = (option: T) => {
    onPick(option);
    setText('');
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (options.length ? (i + step + options.length) % options.length : 0));
    } else if (event.key === 'Enter' && open && options[active]) {
      event.preventDefault();
      pick(options[active]);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
    }
  };

  const showList = open && options.length > 0;
  const optionId = (i: number) => `${listId}-option-${i}`;
  return (
    <div className="typeahead">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList ? optionId(active) : undefined}
        aria-describedby={[describedBy, open && noMatch ? hintId : null].filter(Boolean).join(' ') || undefined}
        aria-invalid={invalid || undefined}
        placeholder={placeholder}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          onBlur?.();
        }}
        onKeyDown={onKeyDown}
      />
      {open && failed && <span className="hint">Suggestions are not available right now (offline?).</span>}
      {open && !failed && noMatch && (
        <span id={hintId} className="hint" role="status">
          {noMatch}
        </span>
      )}
      <ul id={listId} role="listbox" aria-label={suggestionsLabel} className="typeahead-list" hidden={!showList}>
        {options.map((option, i) => (
          <li
            key={optionKey(option)}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            // Keep focus in the input while clicking an option.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(option)}
          >
            <span>{optionLabel(option)}</span>
            {optionDetail && <span className="muted">{optionDetail(option)}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
