// A WAI-ARIA tablist with arrow-key movement (folder tabs, portal queue filters).
import { useRef, type KeyboardEvent } from 'react';

interface Props<T extends string> {
  label: string;
  tabs: readonly { value: T; label: string }[];
  selected: T;
  panelId: string;
  tabId(value: T): string;
  onSelect(value: T): void;
  className?: string;
}

export function Tabs<T extends string>({ label, tabs, selected, panelId, tabId, onSelect, className }: Props<T>) {
  const listRef = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent) => {
    const index = tabs.findIndex((t) => t.value === selected);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = tabs[(index + step + tabs.length) % tabs.length]!.value;
    onSelect(next);
    listRef.current?.querySelector<HTMLElement>(`#${tabId(next)}`)?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className={className} ref={listRef} onKeyDown={onKeyDown}>
      {tabs.map((t) => (
        <button
          key={t.value}
          id={tabId(t.value)}
          role="tab"
          aria-selected={t.value === selected}
          aria-controls={panelId}
          tabIndex={t.value === selected ? 0 : -1}
          onClick={() => onSelect(t.value)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
