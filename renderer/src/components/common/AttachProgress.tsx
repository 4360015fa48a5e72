// One progress bar per file being attached: how much is read, then "saving" while the app stores it.
import { fileSize } from '../../lib/format.js';
import type { StagingProgress } from '../../lib/staging.js';
import './limits-and-progress.css';

export function AttachProgress({ staging }: { staging: StagingProgress[] }) {
  if (staging.length === 0) return null;
  return (
    <ul className="attach-progress" aria-label="Attaching">
      {staging.map((p) => {
        const read = p.loaded >= p.total;
        const labelId = `attach-progress-${p.key}`;
        return (
          <li key={p.key}>
            <span id={labelId} className="hint">
              Attaching {p.name}: {read ? 'saving…' : `${fileSize(p.loaded)} of ${fileSize(p.total)}`}
            </span>
            {/* No value while saving: the bar shows activity rather than a made-up share. */}
            <progress aria-labelledby={labelId} max={p.total || 1} value={read ? undefined : p.loaded} />
          </li>
        );
      })}
    </ul>
  );
}
