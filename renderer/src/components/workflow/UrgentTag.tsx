// The "Urgent" mark on a message (list row, thread): red, with a word, never color alone.
import { Icon } from '../common/Icon.js';
import './workflow.css';

export function UrgentTag({ hidden }: { hidden?: boolean }) {
  return (
    <span className="tag urgent" aria-hidden={hidden || undefined}>
      <Icon name="alert" /> Urgent
    </span>
  );
}
