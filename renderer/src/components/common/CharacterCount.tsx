// A counter under a text field near its limit, and the reason it can't be sent once past it.
import { count } from '../../lib/format.js';
import './limits-and-progress.css';
import { overLimit, showCounter, type TextLimit } from '../../lib/text-limits.js';

/** Give the field `aria-describedby={id}` so the count is read with it. */
export function CharacterCount({ id, text, limit }: { id: string; text: string; limit: TextLimit }) {
  const problem = overLimit(text, limit);
  if (!problem && !showCounter(text.length, limit)) return null;
  return (
    <div id={id} className="character-count">
      <span className={problem ? 'counter over' : 'counter hint'}>
        {count(text.length)} / {count(limit.max)} characters
      </span>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
    </div>
  );
}
