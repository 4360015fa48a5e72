// A picked item (recipient, patient, attachment) with a button to remove it.
import './typeahead.css';

export function Chip({ label, detail, onRemove }: { label: string; detail?: string; onRemove(): void }) {
  return (
    <span className="chip">
      <span>{label}</span>
      {detail && <span className="muted">{detail}</span>}
      {/* Named by text, not aria-label, so "Remove <name>" never matches a label query such as "To". */}
      <button type="button" className="chip-remove" onClick={onRemove}>
        <span aria-hidden="true">×</span>
        <span className="visually-hidden">Remove {label}</span>
      </button>
    </span>
  );
}
