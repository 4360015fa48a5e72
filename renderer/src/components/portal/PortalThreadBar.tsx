// The shared-queue bar of a Patient Portal conversation: who answers it, how long the patient has waited,
// and Claim / Assign to… / Release / Close. Taking over someone else's conversation asks first.
import { useState } from 'react';
import type { PortalThreadView } from '../../../../common/desktop/index.js';
import { useNow } from '../../hooks/useNow.js';
import { waitedFor } from '../../lib/waited.js';
import { usePortalStore, type PortalAction } from '../../stores/portal-store.js';
import { useSessionStore } from '../../stores/session-store.js';
import { ConfirmDialog } from '../workflow/ConfirmDialog.js';
import { AssignPicker } from './AssignPicker.js';
import './portal.css';

export function ownerText(thread: PortalThreadView, myId: string | undefined): string {
  if (thread.status === 'closed') return 'Closed';
  if (!thread.owner) return 'Unassigned';
  return thread.owner.id === myId ? 'You are answering this patient' : `${thread.owner.name} is answering this patient`;
}

export function PortalThreadBar({ thread }: { thread: PortalThreadView }) {
  const myId = useSessionStore((s) => s.session?.user?.id);
  const now = useNow();
  const [assigning, setAssigning] = useState(false);
  const [askTakeOver, setAskTakeOver] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const open = thread.status === 'open';
  const mine = thread.owner?.id === myId;
  const someoneElse = thread.owner !== null && !mine;

  const run = async (action: PortalAction) => {
    setProblem(null);
    setAskTakeOver(false);
    const result = await usePortalStore.getState().act(thread, action);
    if (result === true) return;
    if (result.code === 'already_claimed' && action.kind === 'claim') setAskTakeOver(true);
    else setProblem(result.message);
  };

  return (
    <section className="portal-bar card" aria-label="Patient Portal conversation">
      <p className="portal-bar-status">
        <strong>{ownerText(thread, myId)}</strong>
        {open && thread.waitingSince && (
          <span className="waiting"> · Waiting {waitedFor(thread.waitingSince, now)}</span>
        )}
        {thread.pending && <span className="delivery pending"> · Pending</span>}
      </p>
      {(problem ?? thread.problem) && (
        <p role="alert" className="error">
          {problem ?? thread.problem}
        </p>
      )}
      <div className="actions">
        {open && !mine && (
          <button type="button" onClick={() => (someoneElse ? setAskTakeOver(true) : void run({ kind: 'claim' }))}>
            {someoneElse ? 'Take over' : 'Claim'}
          </button>
        )}
        {open && (
          <button type="button" aria-expanded={assigning} onClick={() => setAssigning((a) => !a)}>
            Assign to…
          </button>
        )}
        {thread.owner && open && (
          <button type="button" onClick={() => void run({ kind: 'release' })}>
            Release
          </button>
        )}
        {open && (
          <button type="button" onClick={() => void run({ kind: 'close' })}>
            Close
          </button>
        )}
      </div>
      {assigning && (
        <AssignPicker
          practiceId={thread.practiceId}
          onClose={() => setAssigning(false)}
          onPick={(user) => {
            setAssigning(false);
            void run({ kind: 'assign', userId: user.id });
          }}
        />
      )}
      {askTakeOver && (
        <ConfirmDialog
          title="Take over this conversation?"
          message={`${thread.owner?.name ?? 'Someone else'} is answering ${thread.patient.name}. Take the conversation over?`}
          confirmLabel="Take over"
          onConfirm={() => void run({ kind: 'claim', takeOver: true })}
          onCancel={() => setAskTakeOver(false)}
        />
      )}
    </section>
  );
}
