// Reply or Reply all on a message to several people: who each choice reaches, and the radio pair to choose.
import type { Message } from '../../lib/types.js';

export type ReplyMode = 'sender' | 'all';
type Person = Message['sender'];

/** Who a reply reaches: `sender` the one who wrote it (your own message: its recipients); `all` everyone but you. */
export function replyAudience(message: Message, myId: string | undefined): Record<ReplyMode, Person[]> {
  const mine = message.sender.kind === 'staff' && message.sender.id === myId;
  const everyone = [message.sender, ...message.recipients].filter(
    (p, i, list) => p.id !== myId && list.findIndex((q) => q.id === p.id) === i,
  );
  return { sender: mine ? message.recipients : [message.sender], all: everyone };
}

export function ReplyModeChoice({ mode, onChange }: { mode: ReplyMode; onChange(mode: ReplyMode): void }) {
  return (
    <fieldset className="reply-mode">
      <legend className="visually-hidden">Who gets the reply</legend>
      {(['sender', 'all'] as const).map((m) => (
        <label key={m} className="reply-mode-option">
          <input type="radio" name="reply-mode" value={m} checked={mode === m} onChange={() => onChange(m)} />
          {m === 'sender' ? 'Reply' : 'Reply all'}
        </label>
      ))}
    </fieldset>
  );
}
