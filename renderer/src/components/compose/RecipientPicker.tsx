// "To": one or more staff of the practice, picked with type-ahead (listStaff). Never yourself; and a
// patient's name typed here says how patients are reached instead of silently finding nobody.
import { useCallback } from 'react';
import type { StaffUser } from '../../../../common/desktop/index.js';
import { desktopApi } from '../../api/client.js';
import { useComposeStore } from '../../stores/compose-store.js';
import { useSessionStore } from '../../stores/session-store.js';
import { Chip } from '../common/Chip.js';
import { Typeahead } from '../common/Typeahead.js';

export const PATIENTS_ONLY_BY_REPLY = 'Patients can only be answered by replying to their Patient Portal message.';

export function RecipientPicker({ practiceId }: { practiceId: string }) {
  const to = useComposeStore((s) => s.to);
  const update = useComposeStore((s) => s.update);
  const myId = useSessionStore((s) => s.session?.user?.id);
  const search = useCallback(
    async (query: string) => {
      const { users } = await desktopApi().listStaff({ practiceId, query: query || undefined });
      const picked = new Set(useComposeStore.getState().to.map((u) => u.id));
      return users.filter((u) => u.id !== myId && !picked.has(u.id));
    },
    [practiceId, myId],
  );
  const noMatchHint = useCallback(
    async (query: string) => {
      const { users } = await desktopApi().listStaff({ practiceId, query });
      if (users.some((u) => u.id === myId)) return 'That is you: a message goes to someone else.';
      if (users.length > 0) return null; // Already in To.
      const { patients } = await desktopApi().searchPatients({ practiceId, query });
      return patients.length > 0 ? PATIENTS_ONLY_BY_REPLY : 'No staff member of this practice matches that name.';
    },
    [practiceId, myId],
  );
  return (
    <div className="field">
      <Typeahead<StaffUser>
        id="compose-to"
        label="To"
        suggestionsLabel="Suggested names"
        placeholder="Type a name"
        search={search}
        noMatchHint={noMatchHint}
        optionKey={(u) => u.id}
        optionLabel={(u) => u.name}
        optionDetail={(u) => u.role}
        onPick={(u) => update({ to: [...useComposeStore.getState().to, u] })}
      />
      <div className="chips">
        {to.map((u) => (
          <Chip key={u.id} label={u.name} onRemove={() => update({ to: to.filter((x) => x.id !== u.id) })} />
        ))}
      </div>
    </div>
  );
}
